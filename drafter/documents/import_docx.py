"""A Word file taken back in (issue 21): a .docx exported by drafter and edited in Word or WPS becomes the text of
a new version. Paragraphs are read back in order (tables' cells too, row by row); the exported title and the
signature (organisation and date) are dropped again unless the version it came from had them in its text, and
paragraphs are separated the way that version separated them."""

from __future__ import annotations

import io
import zipfile

from drafter.documents.paragraphs import DATE_LINE, heading_level, split_paragraphs
from drafter.domain.errors import InvalidInput

NOT_DOCX = "无法读取这个文件：请选择用 Word 或 WPS 保存的 .docx 文件（.doc 请先另存为 .docx）"


def _check_zip(data: bytes, max_unzipped: int, max_entries: int) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise InvalidInput(NOT_DOCX) from exc
    if len(entries) > max_entries or sum(e.file_size for e in entries) > max_unzipped:
        raise InvalidInput("文件过大或结构异常，无法导入：请检查文件，或把正文复制到编辑框中")


def docx_paragraphs(data: bytes, max_unzipped: int = 25_000_000, max_entries: int = 1000) -> list[str]:
    """The non-empty paragraphs of a .docx in reading order (body paragraphs and table rows)."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    _check_zip(data, max_unzipped, max_entries)
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the same message
        raise InvalidInput(NOT_DOCX) from exc
    out: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                out.append("，".join(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip())))
    return [p.strip(" \t\u3000") for p in out if p.strip(" \t\u3000")]


def text_from_docx(data: bytes, base_text: str, title: str, org: str, **limits) -> str:
    """The text of a new version from an edited .docx of the version whose text is `base_text`."""
    paragraphs = docx_paragraphs(data, **limits)
    if not paragraphs:
        raise InvalidInput("这个 Word 文件里没有正文")
    base = split_paragraphs(base_text)
    if len(paragraphs) > 1 and paragraphs[0] == title and (not base or base[0] != title):
        paragraphs.pop(0)
    if len(paragraphs) > 1 and DATE_LINE.match(paragraphs[-1]) and not (base and DATE_LINE.match(base[-1])):
        paragraphs.pop()
        if len(paragraphs) > 1 and paragraphs[-1] == org and not (base and base[-1] == org):
            paragraphs.pop()
    if paragraphs == base:
        raise InvalidInput("Word 文件的正文与原来的版本相同，没有生成新版本")
    return _joined(paragraphs, blank_before_headings="\n\n" in base_text)


def _joined(paragraphs: list[str], blank_before_headings: bool) -> str:
    """One paragraph a line; a blank line before each heading when the draft had them (as drafts are written)."""
    out = []
    for index, paragraph in enumerate(paragraphs):
        if index and blank_before_headings and heading_level(paragraph):
            out.append("")
        out.append(paragraph)
    return "\n".join(out)
