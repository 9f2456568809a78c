"""Ingestion: load files, chunk them, embed only chunks the store lacks, and forget files that are gone.

Bad files (binary, empty, undecodable, duplicate content) are skipped with a reason; the rest go on.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from retrieval.catalog import Catalog, FileEntry
from retrieval.chunking import chunk_example
from retrieval.embedder import Embedder
from retrieval.loader import LoadError, iter_files, load_file
from retrieval.models import Chunk, Example, IngestReport, SkippedFile
from retrieval.store import ChunkStore


def sha1_of(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def passage_text(chunk: Chunk) -> str:
    """What gets embedded and BM25-indexed: the heading path, then the chunk text."""
    return f"{chunk.heading}\n{chunk.text}" if chunk.heading else chunk.text


def unique_chunks(chunks: list[Chunk]) -> list[Chunk]:
    """Drop repeated chunk ids (an identical heading + text twice in one example)."""
    seen: set[str] = set()
    return [c for c in chunks if not (c.id in seen or seen.add(c.id))]


@contextmanager
def progress_bar(enabled: bool, total: int, label: str) -> Iterator:
    """A rich progress bar on stderr (a no-op when disabled); yields advance(n)."""
    if not enabled:
        yield lambda n=1: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(file=sys.stderr), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n=1: bar.advance(task, n)


FLUSH_CHUNKS = 256  # new chunks held back before one bulk upsert


@dataclass
class _Pending:
    """An example chunked and embedded, waiting for the bulk upsert."""

    entry: FileEntry
    example: Example
    chunks: list[Chunk]
    fresh: list[Chunk]
    vectors: list[list[float]]
    blob: bytes | None = None


class Ingestor:
    """One ingest run over a catalog and a store; call `run(paths)` or `add_example(...)`."""

    def __init__(self, catalog: Catalog, store: ChunkStore, embedder: Embedder,
                 tokenize: Callable[[str], list[str]] | None = None) -> None:
        self.catalog, self.store, self.embedder = catalog, store, embedder
        self.tokenize = tokenize  # BM25 tokens are stored with the chunks, for every machine's BM25 cache
        self.report = IngestReport()
        self.changed = False
        self._seen_sha1: dict[str, str] = {}
        self._pending: list[_Pending] = []

    def skip(self, path: str, reason: str) -> None:
        self.report.skipped.append(SkippedFile(path=path, reason=reason))

    # --- whole runs ------------------------------------------------------------------
    def run(self, paths: list[Path], progress: bool) -> IngestReport:
        targets, roots = self._targets(paths)
        with progress_bar(progress, len(targets), "入库") as advance:
            try:
                for root, path in targets:
                    self._ingest_file(root, path)
                    advance()
            finally:  # what was embedded before a failure is kept
                self.flush()
        for root in roots:
            self._forget_gone(root, {str(p) for _, p in targets})
        return self.report

    def _targets(self, paths: list[Path]) -> tuple[list[tuple[Path, Path]], list[Path]]:
        """(root, file) pairs to ingest, and the directory roots scanned (for removal of gone files)."""
        targets: list[tuple[Path, Path]] = []
        roots: list[Path] = []
        for given in paths:
            path = Path(given).expanduser().resolve()
            if path.is_dir():
                roots.append(path)
                targets.extend((path, Path(f).resolve()) for f in iter_files([path]))
            elif path.is_file():
                targets.append((path.parent, path))
            elif self.catalog.file(str(path)):
                self._forget(self.catalog.file(str(path)))
            else:
                self.skip(str(given), "路径不存在")
        return targets, roots

    def _ingest_file(self, root: Path, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.skip(str(path), f"无法读取文件：{exc.strerror or exc}")
            return
        sha1 = sha1_of(data)
        known = self.catalog.file(str(path))
        if known and known.sha1 == sha1 and self._all_stored(known.example_id):
            self._seen_sha1.setdefault(sha1, str(path))
            self.report.files += 1
            self.report.unchanged_chunks += len(self.catalog.chunk_ids_of(known.example_id))
            return
        if self._is_duplicate(sha1, str(path)):
            return
        try:
            example = load_file(path, root=root)
        except LoadError as exc:
            self.skip(str(path), getattr(exc, "reason", None) or str(exc))
            return
        except Exception as exc:  # a broken file must not stop the run
            self.skip(str(path), f"无法解析：{type(exc).__name__}: {exc}")
            return
        self.add_example(FileEntry(str(path), str(root), sha1, example.id, False), example, flush=False)

    def _is_duplicate(self, sha1: str, path: str) -> bool:
        other = self._seen_sha1.get(sha1) or self.catalog.path_with_sha1(sha1)
        if other and other != path and (other in self._seen_sha1.values() or Path(other).exists()):
            self.skip(path, f"内容与 {other} 重复，已跳过")
            return True
        self._seen_sha1[sha1] = path
        return False

    def _all_stored(self, example_id: str) -> bool:
        ids = self.catalog.chunk_ids_of(example_id)
        return bool(ids) and len(self.store.existing_ids(ids)) == len(ids)

    # --- one example -----------------------------------------------------------------
    def add_example(self, entry: FileEntry, example: Example, flush: bool = True, blob: bytes | None = None) -> bool:
        """Chunk and embed what the store lacks; store and record it (with `blob`, an upload's bytes) now, or at
        the next flush. False if skipped."""
        if self._example_taken(example.id, entry.path):  # same relative name under another root
            example = example.model_copy(update={"id": f"{example.id}~{entry.sha1[:8]}"})
        try:
            chunks = unique_chunks(chunk_example(example))
        except Exception as exc:
            self.skip(entry.path, f"无法分段：{type(exc).__name__}: {exc}")
            return False
        if not chunks:
            self.skip(entry.path, "没有可入库的正文")
            return False
        if example.org or not example.shared:
            chunks = [c.model_copy(update={"org": example.org, "shared": example.shared}) for c in chunks]
        entry.example_id = example.id
        present = self.store.existing_ids([c.id for c in chunks])
        fresh = [c for c in chunks if c.id not in present]
        vectors = self.embedder.embed_passages([passage_text(c) for c in fresh]) if fresh else []
        self._pending.append(_Pending(entry, example, chunks, fresh, vectors, blob))
        if flush or sum(len(p.fresh) for p in self._pending) >= FLUSH_CHUNKS:
            self.flush()
        return True

    def _example_taken(self, example_id: str, path: str) -> bool:
        owner = self.catalog.file_of_example(example_id)
        return bool(owner and owner.path != path) or any(
            p.example.id == example_id and p.entry.path != path for p in self._pending)

    def flush(self) -> None:
        """Store the pending examples' new chunks in one upsert (one call per example costs ~10x more), drop
        their stale chunks and record them in the catalog, in that order, so the catalog never runs ahead."""
        pending, self._pending = self._pending, []
        fresh = [c for p in pending for c in p.fresh]
        if fresh:
            self.store.upsert(fresh, [v for p in pending for v in p.vectors])
        for item in pending:
            self._record(item)

    def _record(self, item: _Pending) -> None:
        entry, ids = item.entry, {c.id for c in item.chunks}
        previous = self.catalog.file(entry.path)
        stale = set(self.catalog.chunk_ids_of(previous.example_id)) - ids if previous else set()
        if stale:
            self.store.delete(sorted(stale))
        tokens = [self.tokenize(passage_text(c)) for c in item.chunks] if self.tokenize else None
        self.catalog.put_file(entry, item.example, item.chunks, tokens=tokens, blob=item.blob)
        self.report.files += 1
        self.report.added_chunks += len(item.fresh)
        self.report.unchanged_chunks += len(item.chunks) - len(item.fresh)
        self.report.removed_chunks += len(stale)
        self.changed = self.changed or bool(item.fresh or stale or previous is None
                                            or previous.example_id != entry.example_id)

    # --- removal ---------------------------------------------------------------------
    def _forget_gone(self, root: Path, present: set[str]) -> None:
        for entry in self.catalog.files():
            if entry.root == str(root) and entry.path not in present and not Path(entry.path).exists():
                self._forget(entry)

    def _forget(self, entry: FileEntry) -> int:
        ids = self.catalog.chunk_ids_of(entry.example_id)
        self.store.delete(ids)
        self.catalog.remove_file(entry.path)
        self.report.removed_chunks += len(ids)
        self.changed = True
        return len(ids)
