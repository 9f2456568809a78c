"""A content-addressed cache of passage vectors on local disk: (model, text) → vector.

A passage embedded once is never embedded again by any process that shares the cache, whatever library, data dir
or run asks: a re-ingest, a rebuilt index, a second server over the same samples. It is a cache only: deleting it
loses nothing, a damaged or busy cache file is read as empty, and a failed write is dropped.

One SQLite file (WAL: many readers, one writer at a time, across processes); the key is a SHA-256 of the model's
name, its package version and the exact text embedded.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import numpy as np

CACHE_FILE = "passage_vectors.sqlite"
MAX_VECTORS = 200_000  # about 330 MB; past it the oldest vectors are dropped


def vector_key(model: str, text: str) -> bytes:
    """The key of `text`'s vector by `model` (its name, package version and clip length)."""
    return hashlib.sha256(f"{model}\0".encode() + text.encode("utf-8", "surrogatepass")).digest()


class VectorCache:
    """Vectors of one model (`model` names it with its version and clip length) in `directory`/CACHE_FILE."""

    def __init__(self, directory: Path, model: str) -> None:
        self.path = Path(directory) / CACHE_FILE
        self._salt = f"{model}\0".encode()
        self._local = threading.local()
        self._broken = False  # an unusable cache file: embed as if there were no cache

    def key(self, text: str) -> bytes:
        return hashlib.sha256(self._salt + text.encode("utf-8", "surrogatepass")).digest()  # = vector_key(model, text)

    def items(self) -> list[tuple[bytes, np.ndarray]]:
        """Every (key, vector) kept, of every model (bench/ship_vectors.py writes a fresh cache's out)."""
        db = self._db()
        if db is None:
            return []
        try:
            rows = db.execute("SELECT key, vector FROM vectors").fetchall()
        except sqlite3.Error:
            return []
        return [(bytes(key), np.frombuffer(blob, dtype=np.float32)) for key, blob in rows]

    def _db(self) -> sqlite3.Connection | None:
        if self._broken:
            return None
        db = getattr(self._local, "db", None)
        if db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")  # a cache: a power cut may lose the last writes, never the file
                db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)")
            except (OSError, sqlite3.Error):
                self._broken = True
                return None
            self._local.db = db
        return db

    def get(self, texts: list[str]) -> dict[str, np.ndarray]:
        """The cached vectors of these texts (those found)."""
        db = self._db()
        if db is None or not texts:
            return {}
        keys = {self.key(t): t for t in texts}
        found: dict[str, np.ndarray] = {}
        key_list = list(keys)
        try:
            for start in range(0, len(key_list), 500):
                part = key_list[start:start + 500]
                rows = db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})",
                                  part).fetchall()
                found.update((keys[key], np.frombuffer(blob, dtype=np.float32)) for key, blob in rows)
        except sqlite3.Error:
            return found
        return found

    def put(self, pairs: list[tuple[str, np.ndarray]]) -> None:
        """Keep these (text, vector) pairs; a write that fails (disk full, read-only, busy) is dropped."""
        db = self._db()
        if db is None or not pairs:
            return
        rows = [(self.key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in pairs]
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("INSERT OR IGNORE INTO vectors (key, vector) VALUES (?, ?)", rows)
                db.execute("DELETE FROM vectors WHERE rowid <= (SELECT max(rowid) FROM vectors) - ?", (MAX_VECTORS,))
                db.execute("COMMIT")
            except sqlite3.Error:
                db.execute("ROLLBACK")
                raise
        except sqlite3.Error:
            pass
