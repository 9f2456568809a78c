"""Uploaded example files (API/UI): checked, saved under data_dir/uploads with generated names, ingested.

An uploaded file name never becomes a path: it is kept only as the example's source (and default title).
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from retrieval.catalog import FileEntry
from retrieval.ingest import Ingestor, sha1_of
from retrieval.loader import LoadError, load_bytes
from retrieval.models import IngestReport

SUPPORTED_UPLOADS = (".md", ".txt", ".docx")


def display_name(name: str) -> str:
    """The last component of a client-supplied name, without control characters (for display only)."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip()
    return base[:200] or "upload"


def ingest_uploads(library, files: list[tuple[str, bytes]]) -> tuple[IngestReport, bool]:
    """Save and ingest each upload; the report lists rejected ones with a reason."""
    uploads = library.settings.data_dir / "uploads"
    uploads.mkdir(parents=True, exist_ok=True)
    ingestor = Ingestor(library.catalog, library.store, library.embedder)
    for raw_name, data in files:
        name = display_name(raw_name)
        suffix = PurePosixPath(name).suffix.lower()
        if suffix not in SUPPORTED_UPLOADS:
            ingestor.skip(name, f"不支持的文件类型“{suffix or '无扩展名'}”，仅支持 .md、.txt、.docx")
            continue
        if len(data) > library.settings.max_upload_bytes:
            ingestor.skip(name, f"文件过大（{len(data)} 字节，上限 {library.settings.max_upload_bytes} 字节）")
            continue
        sha1 = sha1_of(data)
        duplicate = library.catalog.path_with_sha1(sha1)
        if duplicate:
            ingestor.skip(name, f"内容与已入库的 {PurePosixPath(duplicate).name} 重复，已跳过")
            continue
        try:
            example = load_bytes(name, data)
        except LoadError as exc:
            ingestor.skip(name, getattr(exc, "reason", None) or str(exc))
            continue
        except Exception as exc:  # a broken upload must not stop the others
            ingestor.skip(name, f"无法解析：{type(exc).__name__}: {exc}")
            continue
        saved = uploads / f"{sha1[:16]}{suffix}"
        saved.write_bytes(data)
        example = example.model_copy(update={"id": f"uploads/{saved.name}", "source": name})
        entry = FileEntry(str(saved.resolve()), str(uploads.resolve()), sha1, example.id, True)
        if not ingestor.add_example(entry, example):
            saved.unlink(missing_ok=True)
    return ingestor.report, ingestor.changed
