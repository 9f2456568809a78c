"""Checks on uploaded example files: a safe base name, an allowed extension, content that matches it, a size cap.

The uploaded name never becomes a path: only its last component survives, stripped of control and path
characters; the library decides where (and whether) the bytes are kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from fastapi import UploadFile

from drafter.domain.input_text import without_bidi
from retrieval.file_limits import DEFAULT_LIMITS, FileLimits, LoadError, check_docx_zip
from textkit.decoding import DecodeError, decode_text

ALLOWED_EXTENSIONS = (".docx", ".txt", ".md")
MAX_FILES_PER_REQUEST = 20
MAX_NAME_CHARS = 255  # an uploaded file name longer than this is refused (no file system keeps more)
UPLOAD_BODY_FACTOR = 5  # one upload request may carry up to 5 × max_upload_bytes in total
_UNSAFE = re.compile('[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff<>:"|?*]')
_READ_CHUNK = 64 * 1024


# Starlette's multipart errors (a 400 in English) as Chinese reasons; the API answers them with 422 (issue 24, D9).
_MULTIPART_REASONS = (
    ("Missing boundary", "请求头缺少 multipart 分隔符（boundary）"),
    ("Too many fields", "表单字段过多"),
    ("Too many files", f"文件过多（最多 {MAX_FILES_PER_REQUEST} 个）"),
    ("exceeded maximum size", "某一部分（字段或其头部）超过大小限制"),
    ('"name" must be provided', "某一部分缺少 Content-Disposition 头或其中的 name"),
    ("Content-Disposition", "某一部分缺少 Content-Disposition 头"),
)
MULTIPART_INVALID = "上传内容不是有效的 multipart/form-data（分隔符不符、缺少部分头或数据被截断）"


def multipart_reason(detail: str) -> str:
    """The Chinese reason for one of Starlette's multipart errors (a generic one for any other)."""
    return next((reason for marker, reason in _MULTIPART_REASONS if marker in detail), MULTIPART_INVALID)


@dataclass
class Checked:
    name: str
    data: bytes | None = None
    reason: str | None = None
    too_large: bool = False


def safe_name(raw: str | None) -> str | None:
    """The last path component of an uploaded name, cleaned; None if nothing usable is left."""
    name = unicodedata.normalize("NFC", without_bidi(raw or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = _UNSAFE.sub("", name).strip().lstrip(".").strip()
    if len(name) > 120:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 120 - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else name[:120]
    return name or None


def content_problem(name: str, data: bytes, limits: FileLimits = DEFAULT_LIMITS) -> str | None:
    """Why these bytes are not a file of the type their extension says (None when they are)."""
    if not data.strip():
        return "文件为空"
    if name.lower().endswith(".docx"):
        return _docx_problem(data, limits)
    return _text_problem(data)


def _docx_problem(data: bytes, limits: FileLimits) -> str | None:
    if not data.startswith(b"PK\x03\x04"):
        return "不是有效的 Word（.docx）文件"
    try:
        check_docx_zip(data, limits)  # entry count and unpacked size from the zip directory: no decompression
    except LoadError as exc:
        return exc.reason
    return None


def _text_problem(data: bytes) -> str | None:
    try:
        decode_text(data)
    except DecodeError as exc:
        return str(exc)
    return None


async def read_capped(upload: UploadFile, limit: int) -> bytes | None:
    """The file's bytes, or None when it is larger than `limit` (stops reading there)."""
    parts: list[bytes] = []
    size = 0
    while chunk := await upload.read(_READ_CHUNK):
        size += len(chunk)
        if size > limit:
            return None
        parts.append(chunk)
    return b"".join(parts)


async def check_upload(upload: UploadFile, limit: int, taken: set[str],
                       limits: FileLimits = DEFAULT_LIMITS) -> Checked:
    """Name, type, size and content checks for one uploaded file."""
    if len(upload.filename or "") > MAX_NAME_CHARS:
        return Checked(safe_name(upload.filename) or "", reason=f"文件名过长（最多 {MAX_NAME_CHARS} 个字符）")
    name = safe_name(upload.filename)
    if name is None:
        return Checked(upload.filename or "", reason="文件名无效")
    if not name.lower().endswith(ALLOWED_EXTENSIONS):
        return Checked(name, reason="只接受 .docx、.txt、.md 文件")
    data = await read_capped(upload, limit)
    if data is None:
        return Checked(name, reason=f"文件超过大小限制（上限 {limit} 字节）", too_large=True)
    problem = content_problem(name, data, limits)
    if problem:
        return Checked(name, reason=problem)
    return Checked(_unique(name, taken), data)


def _unique(name: str, taken: set[str]) -> str:
    stem, dot, ext = name.rpartition(".")
    candidate, n = name, 2
    while candidate.lower() in taken:
        candidate, n = f"{stem}-{n}{dot}{ext}", n + 1
    taken.add(candidate.lower())
    return candidate
