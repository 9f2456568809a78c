"""The Library against both stores: embedded Chroma and a real `chroma run` server (parametrised)."""

from __future__ import annotations

import time
import uuid

import pytest
from retrieval_support import CARE, DEMOCRACY, SAFETY, chroma_url, embedder, example_md  # noqa: F401 - fixtures

from drafter.settings import Settings
from retrieval.bm25 import BM25Index
from retrieval.library import Library


@pytest.fixture(params=["embedded", "server"])
def make_library(request, tmp_path, embedder):
    """Build Libraries over one data dir (and one collection) in the requested mode."""
    url = request.getfixturevalue("chroma_url") if request.param == "server" else None
    settings = Settings(data_dir=tmp_path / "data", chroma_url=url, collection=f"t{uuid.uuid4().hex[:12]}",
                        _env_file=None)
    return lambda: Library(settings, embedder=embedder)


def write_corpus(folder):
    folder.mkdir()
    (folder / "care.md").write_text(CARE, encoding="utf-8")
    (folder / "democracy.md").write_text(DEMOCRACY, encoding="utf-8")
    (folder / "safety.txt").write_text(SAFETY.split("---\n", 2)[2], encoding="gb18030")
    return folder


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus")


@pytest.fixture(scope="module", params=["embedded", "server"])
def ingested(request, tmp_path_factory, embedder):
    """The corpus ingested once per mode for the tests that only search it (tests that write build their own)."""
    url = request.getfixturevalue("chroma_url") if request.param == "server" else None
    root = tmp_path_factory.mktemp("read-only")
    settings = Settings(data_dir=root / "data", chroma_url=url, collection=f"t{uuid.uuid4().hex[:12]}",
                        _env_file=None)
    library = Library(settings, embedder=embedder)
    library.ingest([write_corpus(root / "corpus")], progress=False)
    return library


def test_ingest_is_idempotent_and_only_embeds_changes(make_library, corpus):
    library = make_library()
    first = library.ingest([corpus], progress=False)
    assert first.files == 3 and first.added_chunks > 0 and not first.skipped
    assert library.count() == first.added_chunks
    again = library.ingest([corpus], progress=False)
    assert (again.added_chunks, again.removed_chunks, again.unchanged_chunks) == (0, 0, first.added_chunks)
    text = (corpus / "care.md").read_text(encoding="utf-8")
    (corpus / "care.md").write_text(text.replace("资助大学新生15名", "资助大学新生18名"), encoding="utf-8")
    edited = library.ingest([corpus], progress=False)
    assert edited.added_chunks == 1 and edited.removed_chunks == 1
    assert library.count() == first.added_chunks
    assert "18名" in library.get_example("care.md").text


def test_removed_file_loses_its_chunks(make_library, corpus):
    library = make_library()
    library.ingest([corpus], progress=False)
    before = library.count()
    care_chunks = len(library.example_chunks("care.md"))
    (corpus / "care.md").unlink()
    report = library.ingest([corpus], progress=False)
    assert report.removed_chunks == care_chunks
    assert library.count() == before - care_chunks
    assert library.get_example("care.md") is None
    assert all(hit.example_id != "care.md" for hit in library.search("春节走访慰问困难职工", k=10))
    assert library.store.count() == library.count()


def test_bad_files_are_skipped_with_reasons_and_the_rest_ingested(make_library, corpus):
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (corpus / "copy-of-care.md").write_text(CARE, encoding="utf-8")
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    report = make_library().ingest([corpus], progress=False)
    skipped = {s.path.rsplit("/", 1)[-1]: s.reason for s in report.skipped}
    assert set(skipped) == {"empty.md", "picture.txt", "copy-of-care.md", "broken.docx"}
    assert all(reason.strip() for reason in skipped.values())
    assert "重复" in skipped["copy-of-care.md"]
    assert report.files == 3


def test_filters_by_kind_role_and_example(ingested):
    library = ingested
    for mode in ("hybrid", "bm25", "dense"):
        by_kind = library.search("工会 职工", k=10, kind="年度总结", mode=mode)
        assert by_kind and {h.kind for h in by_kind} == {"年度总结"}
        by_role = library.search("工会 职工 工作", k=10, role="opening", mode=mode)
        assert by_role and {h.role for h in by_role} == {"opening"}
        pinned = library.search("职工", k=10, example_ids=["safety.txt"], mode=mode)
        assert pinned and {h.example_id for h in pinned} == {"safety.txt"}
    assert library.search("职工", kind="没有这种总结") == []


def test_hits_carry_chunk_fields_and_blank_query_is_empty(ingested):
    library = ingested
    hit = library.search("职代会 集体合同", k=1)[0]
    assert hit.example_id == "democracy.md" and hit.chunk_id and "职代会" in hit.text
    chunk = next(c for c in library.example_chunks("democracy.md") if c.id == hit.chunk_id)
    assert (hit.order, hit.heading, hit.role) == (chunk.order, chunk.heading, chunk.role)
    assert library.search("   ") == [] and library.search("") == []
    orders = [c.order for c in library.example_chunks("care.md")]
    assert orders == sorted(orders) and len(orders) >= 3
    assert {e.id for e in library.list_examples()} == {"care.md", "democracy.md", "safety.txt"}


def test_top_hits_are_diversified_across_examples(make_library, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    body = "工会班子成员分组走访慰问困难职工，送去慰问金和米面油，详细了解他们的生活、就医和子女上学情况，" \
           "登记需要长期帮扶的家庭，并协调有关部门解决实际困难。"
    sections = [(f"{n}、走访慰问困难职工第{n}批", f"第{n}批：{body}{body}") for n in "一二三四五六"]
    (folder / "big.md").write_text(example_md("大量慰问", "专项总结", sections), encoding="utf-8")
    (folder / "care.md").write_text(CARE, encoding="utf-8")
    (folder / "democracy.md").write_text(DEMOCRACY, encoding="utf-8")
    library = make_library()
    library.ingest([folder], progress=False)
    hits = library.search("走访慰问困难职工", k=5)
    per_example = [h.example_id for h in hits]
    assert len(hits) == 5 and per_example.count("big.md") <= 2 and len(set(per_example)) >= 3
    alone = library.search("走访慰问困难职工", k=5, example_ids=["big.md"])
    assert len(alone) == 5  # backfilled from the one example allowed


def test_upload_and_remove(make_library, corpus):
    library = make_library()
    library.ingest([corpus], progress=False)
    upload = example_md("女职工工作总结", "专项总结", [("一、关爱女职工", "组织女职工健康体检，举办三八节插花活动。")])
    report = library.add_files([("../../etc/passwd.md", upload.encode()), ("notes.pdf", b"%PDF-1.4"),
                                ("again.md", CARE.encode())])
    reasons = {s.path: s.reason for s in report.skipped}
    assert set(reasons) == {"notes.pdf", "again.md"} and ".pdf" in reasons["notes.pdf"]
    assert not (library.settings.data_dir / "uploads").exists()  # the bytes are kept in the catalog, not on disk
    assert not (library.settings.data_dir.parent / "etc").exists()
    hit = library.search("女职工健康体检", k=1)[0]
    assert hit.source == "passwd.md" and hit.example_id.startswith("uploads/") and "passwd" not in hit.example_id
    assert library.catalog.blob(hit.example_id) == upload.encode()
    assert library.remove_example(hit.example_id) is True
    assert library.catalog.blob(hit.example_id) is None and library.remove_example(hit.example_id) is False
    assert all(h.example_id != hit.example_id for h in library.search("女职工健康体检", k=10))


def test_reopened_library_searches_without_rebuilding(make_library, corpus, monkeypatch):
    make_library().ingest([corpus], progress=False)

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the BM25 index was rebuilt at query time")

    monkeypatch.setattr(BM25Index, "build", no_rebuild)
    reopened = make_library()
    assert reopened.count() > 0
    assert reopened.search("安全生产 隐患排查", k=3, mode="bm25")[0].example_id == "safety.txt"
    reopened.ensure_ingested(corpus)  # not empty: nothing happens


def test_concurrent_searches_agree_with_sequential_ones(ingested):
    from concurrent.futures import ThreadPoolExecutor

    library = ingested
    queries = ["走访慰问困难职工", "职代会", "隐患排查", "厂务公开", "安全知识竞赛", "金秋助学"] * 2
    expected = [[h.chunk_id for h in library.search(q, k=3)] for q in queries]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda q: [h.chunk_id for h in library.search(q, k=3)], queries))
    assert got == expected


def test_a_second_library_on_the_same_data_sees_uploads_of_the_first(make_library, corpus):
    first = make_library()
    first.ingest([corpus], progress=False)
    second = make_library()  # another API worker process, say
    assert second.search("隐患排查", k=1, mode="bm25")
    upload = example_md("女职工工作总结", "专项总结", [("一、关爱女职工", "组织女职工健康体检，举办三八节插花活动。")])
    first.add_files([("women.md", upload.encode())])
    assert first.search("女职工健康体检 插花", k=1, mode="bm25")[0].source == "women.md"  # the writer: at once
    assert second.search("女职工健康体检 插花", k=1, mode="dense")[0].source == "women.md"  # the shared stores
    deadline = time.monotonic() + 60  # the second's BM25 cache is rebuilt in the background, searches go on
    while not [h for h in second.search("女职工健康体检 插花", k=1, mode="bm25") if h.source == "women.md"]:
        assert time.monotonic() < deadline, "the second library's BM25 cache never caught up"
        time.sleep(0.1)


class _FailingOnThird:
    """The real embedder, failing on its third passage batch (an endpoint that dies mid-run)."""

    def __init__(self, embedder):
        self.inner, self.calls, self.name, self.dim = embedder, 0, embedder.name, embedder.dim

    def embed_passages(self, texts):
        self.calls += 1
        if self.calls == 3:
            raise RuntimeError("embeddings endpoint died")
        return self.inner.embed_passages(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


def test_a_run_stores_its_chunks_in_one_upsert_and_keeps_what_was_embedded_before_a_failure(tmp_path, corpus,
                                                                                             embedder):
    settings = Settings(data_dir=tmp_path / "data", collection=f"t{uuid.uuid4().hex[:12]}", _env_file=None)
    library = Library(settings, embedder=embedder)
    upserts = []
    original = library.store.upsert
    library.store.upsert = lambda chunks, vectors: (upserts.append(len(chunks)), original(chunks, vectors))
    report = library.ingest([corpus], progress=False)
    assert report.files == 3 and upserts == [report.added_chunks] == [library.count()]

    flaky = Library(Settings(data_dir=tmp_path / "flaky", collection=f"t{uuid.uuid4().hex[:12]}", _env_file=None),
                    embedder=_FailingOnThird(embedder))
    with pytest.raises(RuntimeError, match="died"):
        flaky.ingest([corpus], progress=False)
    kept = [e.id for e in flaky.list_examples()]
    stored = flaky.count()
    assert len(kept) == 2 and stored == sum(len(flaky.example_chunks(i)) for i in kept) > 0
    again = Library(flaky.settings, embedder=embedder).ingest([corpus], progress=False)
    assert again.files == 3 and again.unchanged_chunks == stored and again.added_chunks > 0
