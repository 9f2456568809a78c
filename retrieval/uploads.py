"""Uploaded example files (API/UI): checked and parsed first (outside the library's write lock), then ingested
(inside it) with their bytes kept in the catalog, in the same transaction as their chunks: with a PostgreSQL
catalog no upload lives on one machine's disk, and an upload is acknowledged only once it is committed.

An uploaded file name never becomes a path: it is kept only as the example's source (and default title).
An upload belongs to an organisation (`org`) and is seen by it and its descendants, or by everyone when
`shared`. Uploads of earlier versions were files under data_dir/uploads; `remove_orphans` deletes those that no
catalog entry refers to (left by a killed process).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from retrieval.catalog import FileEntry
from retrieval.chunking import chunk_example
from retrieval.file_limits import FileLimits, LoadError
from retrieval.ingest import Ingestor, sha1_of, unique_chunks
from retrieval.loader import load_bytes
from retrieval.models import Example, IngestReport

SUPPORTED_UPLOADS = (".md", ".txt", ".docx")
MAX_CHUNKS_PER_FILE = 300
DUPLICATE_NOTE = "重复，已跳过"
UPLOAD_SCHEME = "upload:"  # catalog paths of uploads kept in the catalog (not files)
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufffe\uffff\ud800-\udfff]")
Progress = Callable[[int, int], None]  # (files done, files in total)


@dataclass
class Prepared:
    """One upload after checking and parsing: an example to ingest, or the reason it was refused."""

    name: str
    data: bytes
    sha1: str = ""
    example: Example | None = None
    reason: str | None = None


def display_name(name: str) -> str:
    """The last component of a client-supplied name, without control or bidi characters (for display only)."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    base = _UNSHOWABLE.sub("", base).strip()
    return base[:200] or "upload"


def limits_of(settings) -> tuple[FileLimits, int]:
    """The per-file limits and the chunk cap from the settings (defaults for settings that lack them)."""
    base = FileLimits()
    limits = FileLimits(getattr(settings, "max_docx_unzipped_bytes", base.max_unzipped_bytes),
                        getattr(settings, "max_docx_entries", base.max_entries),
                        getattr(settings, "max_paragraphs_per_file", base.max_paragraphs),
                        getattr(settings, "max_chars_per_file", base.max_chars))
    return limits, getattr(settings, "max_chunks_per_file", MAX_CHUNKS_PER_FILE)


def prepare(settings, raw_name: str, data: bytes) -> Prepared:
    """Check and parse one upload (no lock needed: touches nothing shared)."""
    name = display_name(raw_name)
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in SUPPORTED_UPLOADS:
        return Prepared(name, data, reason=f"不支持的文件类型“{suffix or '无扩展名'}”，仅支持 .md、.txt、.docx")
    if len(data) > settings.max_upload_bytes:
        return Prepared(name, data, reason=f"文件过大（{len(data)} 字节，上限 {settings.max_upload_bytes} 字节）")
    limits, max_chunks = limits_of(settings)
    try:
        example = load_bytes(name, data, limits)
        chunks = len(unique_chunks(chunk_example(example)))
    except LoadError as exc:
        return Prepared(name, data, reason=exc.reason)
    except Exception:  # a broken upload must not stop the others; never show internals
        return Prepared(name, data, reason="无法解析文件内容（文件可能已损坏）")
    if chunks > max_chunks:
        return Prepared(name, data, reason=f"内容过长（分成 {chunks} 段，每个文件最多 {max_chunks} 段）；请拆分后再导入")
    return Prepared(name, data, sha1_of(data), example)


def prepare_all(settings, files: list[tuple[str, bytes]], progress: Progress | None = None) -> list[Prepared]:
    prepared = []
    for done, (name, data) in enumerate(files, 1):
        prepared.append(prepare(settings, name, data))
        if progress:
            progress(done, len(files) * 2)
    return prepared


def ingest_uploads(library, prepared: list[Prepared], progress: Progress | None = None, org: str = "",
                   shared: bool = True) -> tuple[IngestReport, bool]:
    """Ingest prepared uploads of organisation `org` (call under the library's write lock); refused ones are
    listed."""
    ingestor = Ingestor(library.catalog, library.store, library.embedder, library.tokenizer.tokens)
    for done, item in enumerate(prepared, 1):
        _ingest_one(library, ingestor, item, org, shared)
        if progress:
            progress(len(prepared) + done, len(prepared) * 2)
    return ingestor.report, ingestor.changed


def _ingest_one(library, ingestor: Ingestor, item: Prepared, org: str, shared: bool) -> None:
    if item.example is None:
        ingestor.skip(item.name, item.reason or "无法导入")
        return
    duplicate = library.catalog.path_with_sha1(item.sha1, org=org)
    if duplicate:
        ingestor.skip(item.name, f"内容与已入库的 {_shown(library, duplicate)} {DUPLICATE_NOTE}")
        return
    suffix = PurePosixPath(item.name).suffix.lower()
    example_id = f"uploads/{org + '/' if org else ''}{item.sha1[:16]}{suffix}"
    example = item.example.model_copy(update={"id": example_id, "source": item.name, "org": org, "shared": shared})
    entry = FileEntry(f"{UPLOAD_SCHEME}{example_id}", UPLOAD_SCHEME, item.sha1, example.id, True)
    ingestor.add_example(entry, example, blob=item.data)


def _shown(library, path: str) -> str:
    """The name a duplicate was uploaded under (its example's source)."""
    entry = library.catalog.file(path)
    example = library.catalog.example(entry.example_id) if entry else None
    return example.source if example else PurePosixPath(path).name


def remove_orphans(library, min_age_s: float = 60.0) -> list[str]:
    """Delete files in uploads/ that no catalog entry refers to (left by a process killed mid-upload).
    Files younger than `min_age_s` are left alone: another process may be about to record them."""
    uploads = library.settings.data_dir / "uploads"
    if not uploads.is_dir():
        return []
    known = {Path(entry.path).resolve() for entry in library.catalog.files() if entry.uploaded}
    removed, now = [], time.time()
    for path in uploads.iterdir():
        try:
            if path.is_file() and path.resolve() not in known and now - path.stat().st_mtime >= min_age_s:
                path.unlink()
                removed.append(path.name)
        except OSError:
            continue
    return removed
