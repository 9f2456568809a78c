"""Limits on one example file, checked before the expensive work: a .docx's zip directory (entry count and
unpacked size: a zip bomb is refused before anything is decompressed) and its paragraph count."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass


class LoadError(Exception):
    """A file that cannot become an example; `reason` says why, in Chinese."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FileLimits:
    """What one file may hold; checked before the expensive work (a .docx's zip directory before parsing it)."""

    max_unzipped_bytes: int = 25_000_000  # a .docx's entries, uncompressed, together
    max_entries: int = 1_000  # entries in a .docx's zip
    max_paragraphs: int = 3_000  # paragraphs (lines of a .txt/.md, w:p elements of a .docx, empty ones too)
    max_chars: int = 200_000  # characters of text (the longest shipped sample has about 8,000)


DEFAULT_LIMITS = FileLimits()


def check_docx_zip(data: bytes, limits: FileLimits = DEFAULT_LIMITS) -> None:
    """Refuse a .docx whose zip is damaged, holds too many entries or unpacks too large (a zip bomb), from its
    directory alone, before anything is decompressed; also one whose parts Word needs are missing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise LoadError("Word 文件已损坏：压缩包无法打开") from None
    if len(infos) > limits.max_entries:
        raise LoadError(f"Word 文件内部条目过多（{len(infos)} 个，上限 {limits.max_entries} 个），疑似恶意文件")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > limits.max_unzipped_bytes:
        raise LoadError(f"Word 文件解压后过大（{unpacked} 字节，上限 {limits.max_unzipped_bytes} 字节），疑似压缩炸弹")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names:
        raise LoadError("Word 文件已损坏：缺少 [Content_Types].xml")
    if "word/document.xml" not in names:
        raise LoadError("Word 文件已损坏：缺少正文（word/document.xml）")


def damage_reason(exc: Exception) -> str:
    """What is wrong with a .docx that failed to parse, in Chinese (no exception class names)."""
    name = type(exc).__name__
    if "XMLSyntax" in name or "ParseError" in name:
        return "XML 内容无效"
    if "KeyError" in name or "PackageNotFound" in name:
        return "缺少必要的部件"
    if "Zip" in name or "zlib" in str(exc).lower():
        return "压缩数据损坏"
    return "无法解析文件结构"
