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
UPLOAD_BODY_FACTOR = 5  # one upload request may carry up to 5 × max_upload_bytes in total
_UNSAFE = re.compile('[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff<>:"|?*]')
_READ_CHUNK = 64 * 1024


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
