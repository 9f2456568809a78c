"""The ingest manifest and chunk catalog: which files were ingested (path, root, content hash) → example → chunks.

SQLAlchemy Core over one URL: a SQLite file under data_dir (one per collection, the default) or PostgreSQL
(tables `lib_<collection hash>_files/chunks/meta`), so several API machines share one catalog. It answers
list/get/example-chunk lookups and hit rendering without a round trip to Chroma, it is where ingest decides
what changed, and it holds what no machine may keep alone: uploaded files' bytes (`blob`), each chunk's BM25
tokens (so another machine rebuilds its BM25 cache without re-tokenising) and the library's version, a token
changed by every write, which tells each machine's BM25 cache that it is stale.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import (Boolean, Column, Integer, LargeBinary, MetaData, String, Table, Text, create_engine, delete,
                        event, func, insert, inspect, literal, or_, select, update)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from retrieval.bm25 import chunk_set_signature
from retrieval.catalog_changes import VERSION_KEY, CatalogChanges
from retrieval.models import Chunk, Example

WRITE_ATTEMPTS = 5
_NEW_COLUMNS = {"files": ("org", "shared", "blob"), "chunks": ("tokens",)}


def _tables(prefix: str) -> tuple[MetaData, Table, Table, Table, Table]:
    meta = MetaData()
    files = Table(f"{prefix}files", meta,
                  Column("path", Text, primary_key=True), Column("root", Text, nullable=False),
                  Column("sha1", String(40), nullable=False, index=True),
                  Column("example_id", Text, nullable=False, unique=True),
                  Column("uploaded", Integer, nullable=False, default=0), Column("title", Text, nullable=False),
                  Column("kind", Text, nullable=False), Column("topic", Text), Column("source", Text, nullable=False),
                  Column("text", Text, nullable=False), Column("origin", Text),
                  Column("org", String(32)), Column("shared", Boolean), Column("blob", LargeBinary))
    chunks = Table(f"{prefix}chunks", meta, Column("id", String(64), primary_key=True),
                   Column("example_id", Text, nullable=False, index=True), Column("ord", Integer, nullable=False),
                   Column("body", Text, nullable=False), Column("tokens", Text))
    metadata_table = Table(f"{prefix}meta", meta, Column("key", String(100), primary_key=True),
                           Column("value", Text, nullable=False))
    changes = Table(f"{prefix}changes", meta, Column("seq", Integer, primary_key=True, autoincrement=False),
                    Column("example_id", Text, nullable=False))  # examples written or removed, in commit order
    return meta, files, chunks, metadata_table, changes


def catalog_url(data_dir: Path, name: str, database_url: str | None) -> tuple[str, str]:
    """(SQLAlchemy URL, table prefix): PostgreSQL when given one, else a SQLite file under data_dir/catalog."""
    if database_url and make_url(database_url).get_backend_name() == "postgresql":
        url = make_url(database_url)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        return url.render_as_string(hide_password=False), f"lib_{hashlib.sha1(name.encode()).hexdigest()[:10]}_"
    path = data_dir / "catalog" / f"{name}.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}", ""


def _example(row) -> Example:
    return Example(id=row.example_id, title=row.title, kind=row.kind, topic=row.topic, source=row.source,
                   text=row.text, origin=row.origin or None, org=row.org or "",
                   shared=True if row.shared is None else bool(row.shared))


class FileEntry:
    """One ingested file, as recorded."""

    def __init__(self, path: str, root: str, sha1: str, example_id: str, uploaded: bool) -> None:
        self.path, self.root, self.sha1, self.example_id, self.uploaded = path, root, sha1, example_id, uploaded


def _entry(row) -> FileEntry:
    return FileEntry(row.path, row.root, row.sha1, row.example_id, bool(row.uploaded))


class Catalog(CatalogChanges):
    def __init__(self, url: str, prefix: str = "") -> None:
        self.url = url
        sqlite = make_url(url).get_backend_name() == "sqlite"
        self.engine = create_engine(url, pool_pre_ping=not sqlite,
                                    connect_args={"check_same_thread": False, "timeout": 30} if sqlite else {})
        if sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._meta, self.files_t, self.chunks_t, self.meta_t, self.changes_t = _tables(prefix)
        self._create()

    def _create(self) -> None:
        for attempt in range(WRITE_ATTEMPTS):  # several machines may start at once
            try:
                self._meta.create_all(self.engine)
                self._add_missing_columns()
                self._write(lambda c: None if c.execute(select(self.meta_t.c.value).where(
                    self.meta_t.c.key == VERSION_KEY)).first() else c.execute(
                    insert(self.meta_t).values(key=VERSION_KEY, value=uuid.uuid4().hex)))
                return
            except DBAPIError:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise

    def _add_missing_columns(self) -> None:
        """A catalog written before organisations lacks org/shared/blob/tokens: add them (all nullable)."""
        inspector = inspect(self.engine)
        for table in (self.files_t, self.chunks_t):
            present = {c["name"] for c in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present:
                    kind = column.type.compile(dialect=self.engine.dialect)
                    with self.engine.begin() as conn:
                        conn.exec_driver_sql(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}')

    def _rows(self, query) -> list:
        with self.engine.connect() as conn:
            return list(conn.execute(query))

    def _write(self, work):
        """Run `work(connection)` in one transaction, retried when a concurrent writer took the same key."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.engine.begin() as conn:
                    return work(conn)
            except IntegrityError:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise

    # --- reading ---------------------------------------------------------------------
    def version(self) -> str:
        """The library's version: changes with every ingest, upload or removal, on any machine."""
        rows = self._rows(select(self.meta_t.c.value).where(self.meta_t.c.key == VERSION_KEY))
        return rows[0][0] if rows else ""

    def chunk_count(self) -> int:
        return self._rows(select(func.count()).select_from(self.chunks_t))[0][0]

    def _entries(self):
        f = self.files_t.c
        return select(f.path, f.root, f.sha1, f.example_id, f.uploaded)

    def files(self) -> list[FileEntry]:
        return [_entry(r) for r in self._rows(self._entries().order_by(self.files_t.c.path))]

    def file(self, path: str) -> FileEntry | None:
        rows = self._rows(self._entries().where(self.files_t.c.path == path))
        return _entry(rows[0]) if rows else None

    def file_of_example(self, example_id: str) -> FileEntry | None:
        rows = self._rows(self._entries().where(self.files_t.c.example_id == example_id))
        return _entry(rows[0]) if rows else None

    def path_with_sha1(self, sha1: str, org: str | None = None) -> str | None:
        """A file with this content (when `org` is given: one shared with everyone, or of that organisation)."""
        f = self.files_t.c
        query = select(f.path).where(f.sha1 == sha1)
        if org is not None:
            query = query.where(or_(f.shared.is_(None), f.shared.is_(True), f.org == org))
        rows = self._rows(query.limit(1))
        return rows[0][0] if rows else None

    def _examples(self, with_text: bool = True):
        f = self.files_t.c
        text = f.text if with_text else literal("").label("text")
        return select(f.example_id, f.title, f.kind, f.topic, f.source, text, f.origin, f.org, f.shared)

    def examples(self, with_text: bool = False) -> list[Example]:
        return [_example(r) for r in self._rows(self._examples(with_text).order_by(self.files_t.c.example_id))]

    def example(self, example_id: str) -> Example | None:
        rows = self._rows(self._examples().where(self.files_t.c.example_id == example_id))
        return _example(rows[0]) if rows else None

    def blob(self, example_id: str) -> bytes | None:
        """The bytes of an uploaded example, as uploaded."""
        rows = self._rows(select(self.files_t.c.blob).where(self.files_t.c.example_id == example_id))
        return bytes(rows[0][0]) if rows and rows[0][0] is not None else None

    def chunk_ids_of(self, example_id: str) -> list[str]:
        c = self.chunks_t.c
        return [r[0] for r in self._rows(select(c.id).where(c.example_id == example_id).order_by(c.ord))]

    def example_chunks(self, example_id: str) -> list[Chunk]:
        c = self.chunks_t.c
        rows = self._rows(select(c.body).where(c.example_id == example_id).order_by(c.ord))
        return [Chunk.model_validate_json(r[0]) for r in rows]

    def chunks(self, ids: list[str]) -> dict[str, Chunk]:
        found: dict[str, Chunk] = {}
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            for cid, body in self._rows(select(self.chunks_t.c.id, self.chunks_t.c.body)
                                        .where(self.chunks_t.c.id.in_(part))):
                found[cid] = Chunk.model_validate_json(body)
        return found

    def all_chunks(self) -> Iterable[Chunk]:
        for (body,) in self._rows(select(self.chunks_t.c.body).order_by(self.chunks_t.c.example_id,
                                                                         self.chunks_t.c.ord)):
            yield Chunk.model_validate_json(body)

    def all_chunks_with_tokens(self) -> list[tuple[Chunk, list[str] | None]]:
        """Every chunk with its stored BM25 tokens (None when not stored yet)."""
        c = self.chunks_t.c
        rows = self._rows(select(c.body, c.tokens).order_by(c.example_id, c.ord))
        return [(Chunk.model_validate_json(body), json.loads(tokens) if tokens else None) for body, tokens in rows]

    def all_chunks_with_tokens_of(self, *example_ids: str) -> list[tuple[Chunk, list[str] | None]]:
        c, rows = self.chunks_t.c, []
        for start in range(0, len(example_ids), 500):
            rows += self._rows(select(c.body, c.tokens).where(c.example_id.in_(example_ids[start:start + 500]))
                               .order_by(c.example_id, c.ord))
        return [(Chunk.model_validate_json(body), json.loads(tokens) if tokens else None) for body, tokens in rows]

    def all_chunk_ids(self) -> list[str]:
        return [r[0] for r in self._rows(select(self.chunks_t.c.id))]

    def meta(self, key: str) -> str | None:
        rows = self._rows(select(self.meta_t.c.value).where(self.meta_t.c.key == key))
        return rows[0][0] if rows else None

    # --- writing ---------------------------------------------------------------------
    def put_file(self, entry: FileEntry, example: Example, chunks: list[Chunk],
                 tokens: list[list[str]] | None = None, blob: bytes | None = None) -> None:
        """Record a file with its example, chunks (and their BM25 tokens) and, for an upload, its bytes,
        replacing what the file had before, in one transaction that also moves the library's version."""
        file_row = dict(path=entry.path, root=entry.root, sha1=entry.sha1, example_id=example.id,
                        uploaded=int(entry.uploaded), title=example.title, kind=example.kind, topic=example.topic,
                        source=example.source, text=example.text, origin=example.origin, org=example.org or "",
                        shared=example.shared, blob=blob)
        chunk_rows = [dict(id=c.id, example_id=c.example_id, ord=c.order, body=c.model_dump_json(),
                           tokens=json.dumps(tokens[n], ensure_ascii=False) if tokens else None)
                      for n, c in enumerate(chunks)]

        def work(conn) -> None:
            replaced = self._forget(conn, entry.path)
            conn.execute(delete(self.chunks_t).where(self.chunks_t.c.id.in_([r["id"] for r in chunk_rows])))
            conn.execute(insert(self.files_t), [file_row])
            if chunk_rows:
                conn.execute(insert(self.chunks_t), chunk_rows)
            self._bump(conn, replaced, example.id)

        self._write(work)

    def set_tokens(self, tokens: dict[str, list[str]]) -> None:
        """Store BM25 tokens computed for chunks that had none (a catalog older than stored tokens)."""
        def work(conn) -> None:
            for chunk_id, words in tokens.items():
                conn.execute(update(self.chunks_t).where(self.chunks_t.c.id == chunk_id)
                             .values(tokens=json.dumps(words, ensure_ascii=False)))

        self._write(work)

    def remove_file(self, path: str) -> None:
        self._write(lambda conn: self._bump(conn, self._forget(conn, path)))

    def _forget(self, conn, path: str) -> str | None:
        row = conn.execute(select(self.files_t.c.example_id).where(self.files_t.c.path == path)).first()
        if row:
            conn.execute(delete(self.chunks_t).where(self.chunks_t.c.example_id == row[0]))
            conn.execute(delete(self.files_t).where(self.files_t.c.path == path))
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._write(lambda conn: conn.execute(update(self.meta_t).where(self.meta_t.c.key == key).values(
            value=value)).rowcount or conn.execute(insert(self.meta_t).values(key=key, value=value)))

    def signature(self) -> str:
        return chunk_set_signature(self.all_chunk_ids())

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; one fsync per checkpoint
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
