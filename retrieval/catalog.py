"""The ingest manifest and chunk catalog: which files were ingested (path, root, content hash) → example → chunks.

SQLite under data_dir (one file per collection). It answers list/get/example-chunk lookups and hit rendering
without a round trip to Chroma, and it is where ingest decides what changed.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from retrieval.bm25 import chunk_set_signature
from retrieval.models import Chunk, Example

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, root TEXT NOT NULL, sha1 TEXT NOT NULL, example_id TEXT NOT NULL UNIQUE,
    uploaded INTEGER NOT NULL DEFAULT 0, title TEXT NOT NULL, kind TEXT NOT NULL, topic TEXT,
    source TEXT NOT NULL, text TEXT NOT NULL, origin TEXT);
CREATE INDEX IF NOT EXISTS files_root ON files(root);
CREATE INDEX IF NOT EXISTS files_sha1 ON files(sha1);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, example_id TEXT NOT NULL, ord INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_example ON chunks(example_id, ord);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_EXAMPLE_COLUMNS = "example_id, title, kind, topic, source, text, origin"


def _example(row: tuple) -> Example:
    example_id, title, kind, topic, source, text, origin = row
    fields = {"origin": origin} if origin and "origin" in Example.model_fields else {}
    return Example(id=example_id, title=title, kind=kind, topic=topic, source=source, text=text, **fields)


class FileEntry:
    """One ingested file, as recorded."""

    def __init__(self, path: str, root: str, sha1: str, example_id: str, uploaded: bool) -> None:
        self.path, self.root, self.sha1, self.example_id, self.uploaded = path, root, sha1, example_id, uploaded


class Catalog:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; one fsync per checkpoint
        self._db.executescript(_SCHEMA)
        self._lock = threading.RLock()

    # --- reading ---------------------------------------------------------------------
    def _rows(self, sql: str, args: Iterable = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, tuple(args)).fetchall()

    def chunk_count(self) -> int:
        return self._rows("SELECT COUNT(*) FROM chunks")[0][0]

    def files(self) -> list[FileEntry]:
        return [FileEntry(p, r, s, e, bool(u)) for p, r, s, e, u in
                self._rows("SELECT path, root, sha1, example_id, uploaded FROM files ORDER BY path")]

    def file(self, path: str) -> FileEntry | None:
        rows = self._rows("SELECT path, root, sha1, example_id, uploaded FROM files WHERE path = ?", [path])
        return FileEntry(*rows[0][:4], bool(rows[0][4])) if rows else None

    def file_of_example(self, example_id: str) -> FileEntry | None:
        rows = self._rows("SELECT path FROM files WHERE example_id = ?", [example_id])
        return self.file(rows[0][0]) if rows else None

    def path_with_sha1(self, sha1: str) -> str | None:
        rows = self._rows("SELECT path FROM files WHERE sha1 = ? LIMIT 1", [sha1])
        return rows[0][0] if rows else None

    def examples(self, with_text: bool = False) -> list[Example]:
        text = "text" if with_text else "''"
        rows = self._rows(f"SELECT {_EXAMPLE_COLUMNS.replace('text', text)} FROM files ORDER BY example_id")
        return [_example(row) for row in rows]

    def example(self, example_id: str) -> Example | None:
        rows = self._rows(f"SELECT {_EXAMPLE_COLUMNS} FROM files WHERE example_id = ?", [example_id])
        return _example(rows[0]) if rows else None

    def chunk_ids_of(self, example_id: str) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM chunks WHERE example_id = ? ORDER BY ord", [example_id])]

    def example_chunks(self, example_id: str) -> list[Chunk]:
        rows = self._rows("SELECT body FROM chunks WHERE example_id = ? ORDER BY ord", [example_id])
        return [Chunk.model_validate_json(r[0]) for r in rows]

    def chunks(self, ids: list[str]) -> dict[str, Chunk]:
        found: dict[str, Chunk] = {}
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            marks = ",".join("?" * len(part))
            for cid, body in self._rows(f"SELECT id, body FROM chunks WHERE id IN ({marks})", part):
                found[cid] = Chunk.model_validate_json(body)
        return found

    def all_chunks(self) -> Iterable[Chunk]:
        for (body,) in self._rows("SELECT body FROM chunks ORDER BY example_id, ord"):
            yield Chunk.model_validate_json(body)

    def all_chunk_ids(self) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM chunks")]

    def meta(self, key: str) -> str | None:
        rows = self._rows("SELECT value FROM meta WHERE key = ?", [key])
        return rows[0][0] if rows else None

    # --- writing ---------------------------------------------------------------------
    def put_file(self, entry: FileEntry, example: Example, chunks: list[Chunk]) -> None:
        """Record a file with its example and chunks (replacing what the file had before)."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._forget(entry.path)
                self._db.execute("INSERT INTO files VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                                 (entry.path, entry.root, entry.sha1, example.id, int(entry.uploaded),
                                  example.title, example.kind, example.topic, example.source, example.text,
                                  getattr(example, "origin", None)))
                self._db.executemany("INSERT OR REPLACE INTO chunks VALUES (?,?,?,?)",
                                     [(c.id, c.example_id, c.order, c.model_dump_json()) for c in chunks])
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def remove_file(self, path: str) -> None:
        with self._lock:
            self._forget(path)

    def _forget(self, path: str) -> None:
        row = self._db.execute("SELECT example_id FROM files WHERE path = ?", (path,)).fetchone()
        if row:
            self._db.execute("DELETE FROM chunks WHERE example_id = ?", (row[0],))
            self._db.execute("DELETE FROM files WHERE path = ?", (path,))

    def set_meta(self, key: str, value: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def signature(self) -> str:
        return chunk_set_signature(self.all_chunk_ids())

    def close(self) -> None:
        with self._lock:
            self._db.close()

