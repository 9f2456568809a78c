"""Form input → DraftRequest with Chinese error messages; facts from an uploaded .txt/.docx/.xlsx file; the limits
that block drafting (too many facts, over-long lines) instead of a silent drop."""

from __future__ import annotations

import io
from collections.abc import Sequence

from pydantic import ValidationError

from drafter.domain.facts import clean_fact_lines, facts_and_headings, is_document_frame, is_heading_line, long_lines
from drafter.domain.typed_outline import plan_of, typed_outline
from drafter.models import DraftRequest
from drafter.domain.validation import messages
from textkit.decoding import decode_text as decode_bytes
from textkit.headings import numbering

FACT_FILE_TYPES = ("txt", "md", "docx", "xlsx")
FACT_COLUMN = "事实"


def validation_messages(exc: ValidationError) -> list[str]:
    """One Chinese message per failing field, in field order (drafter.domain.validation: the one message table)."""
    return messages(list(exc.errors()))


def build_request(org: str, period: str, kind: str, topic: str, facts_text: str, problems_text: str = "",
                  plans_text: str = "", pinned: Sequence[str] = (), length: str = "normal",
                  ) -> tuple[DraftRequest | None, list[str]]:
    """The request from the form fields, or None and the reasons in Chinese. Pasted bullets are cleaned; headings
    she typed over her facts ("一、民主管理", "民主管理：") are her outline (request.plan), not facts."""
    typed = typed_outline((facts_text or "").splitlines())
    try:
        request = DraftRequest(
            org=(org or "").strip(), period=(period or "").strip(), kind=kind, topic=(topic or "").strip() or None,
            facts=typed.facts, problems=clean_fact_lines(problems_text or ""),
            plans=clean_fact_lines(plans_text or ""), pinned_examples=list(pinned), length=length,
            plan=plan_of(typed))
    except ValidationError as exc:
        from drafter.view.labels import for_writers

        return None, [for_writers(m) for m in validation_messages(exc)]
    return request, []


def fact_lines(facts_text: str) -> list[str]:
    """The facts of the facts box: bullets stripped, her heading lines left out (they are her outline)."""
    return typed_outline((facts_text or "").splitlines()).facts


def decode_text(data: bytes) -> str:
    """The text of an uploaded file (textkit.decoding: BOMs, UTF-8, GB18030, UTF-16; binary and mojibake refused
    with a Chinese reason, a DecodeError, which is a ValueError)."""
    return decode_bytes(data)[0]


def _docx_lines(data: bytes) -> list[str]:
    """The paragraphs and table rows; a paragraph in a Title or Heading style is marked with a leading "#" (a
    heading, not a fact: drafter.domain.facts.facts_and_headings)."""
    from docx import Document

    doc = Document(io.BytesIO(data))
    lines = [("# " + p.text if _styled_heading(p) and p.text.strip() else p.text) for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append("，".join(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip())))
    return lines


def _xlsx_lines(data: bytes) -> list[str]:
    """The cells of the column headed 事实 (else the first column) of the first sheet, header row excluded
    when it is 事实 or a header-like first row."""
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    rows = [["" if c is None else str(c).strip() for c in row] for row in sheet.iter_rows(values_only=True)]
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    header = rows[0]
    column = header.index(FACT_COLUMN) if FACT_COLUMN in header else 0
    body = rows[1:] if FACT_COLUMN in header else rows
    return [r[column] for r in body if column < len(r) and r[column]]


def _styled_heading(paragraph) -> bool:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    return name.startswith(("Title", "Heading", "标题", "Subtitle"))


_READERS = {"docx": _docx_lines, "xlsx": _xlsx_lines}


def limit_problems(facts: Sequence[str], max_facts: int, max_chars: int) -> tuple[list[str], bool]:
    """(messages that block drafting, whether the first is an over-cap count the user may confirm)."""
    messages: list[str] = []
    too_long = long_lines(list(facts), max_chars)
    if too_long:
        shown = "、".join(f"第{n}条" for n in too_long[:10]) + ("等" if len(too_long) > 10 else "")
        messages.append(f"{shown}事实超过 {max_chars} 字：请在事实框中把它分成几行（每行一条），或精简后再生成")
    over = len(facts) > max_facts
    if over:
        messages.insert(0, f"事实共 {len(facts)} 条，超过上限 {max_facts} 条：超出的 {len(facts) - max_facts} 条不会写入"
                           f"初稿。请删减或合并，或勾选下方确认后只用前 {max_facts} 条生成")
    return messages, over


def _file_lines(name: str, data: bytes) -> tuple[list[str], set[int], str | None]:
    """(lines, indexes of Word heading-styled lines, error) of an uploaded file."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in FACT_FILE_TYPES:
        return [], set(), f"文件「{name}」的类型不支持，请上传 .txt、.docx 或 .xlsx 文件"
    try:
        lines = _READERS.get(suffix, lambda d: decode_text(d).splitlines())(data)
    except Exception:  # noqa: BLE001 - any unreadable upload becomes a message, never a crash
        kind = {"docx": "Word 文档", "xlsx": "Excel 表格"}.get(suffix, "文本文件")
        return [], set(), f"无法读取文件「{name}」：不是有效的{kind}"
    return lines, {i for i, line in enumerate(lines) if line.startswith("# ")}, None


def facts_from_file(name: str, data: bytes) -> tuple[list[str], str | None]:
    """Cleaned fact lines from an uploaded file, or [] and a Chinese error naming the file."""
    lines, styled, error = _file_lines(name, data)
    if error:
        return [], error
    facts, _headings = facts_and_headings(lines, styled)  # title and heading lines are not facts
    if not facts:
        return [], f"文件「{name}」中没有找到事实（每行一条）"
    return facts, None


def box_lines_from_file(name: str, data: bytes) -> tuple[list[str], int, str | None]:
    """What an uploaded file adds to the facts box: its facts under its own section headings (numbered as in the
    file, else written 【…】, so the box reads them as her outline: drafter.domain.typed_outline), the document's
    title left out; with the number of facts, or an error."""
    lines, styled, error = _file_lines(name, data)
    if error:
        return [], 0, error
    out, count = [], 0
    for index, line in enumerate(lines):
        text = str(line).removeprefix("# ").strip()
        if not text or is_document_frame(text):  # 现将…总结如下，请审阅: the document's frame, not a fact
            continue
        if index in styled or is_heading_line(text):
            if numbering(text) is None and is_heading_line(text):  # a document title (…工作总结, …事实材料)
                continue
            out.append(text if numbering(text) else f"【{text.strip('【】')}】")
            continue
        facts = clean_fact_lines([text])
        out += facts
        count += len(facts)
    if not count:
        return [], 0, f"文件「{name}」中没有找到事实（每行一条）"
    return out, count, None


def merge_facts(current_text: str, new_facts: Sequence[str]) -> str:
    """Append facts not already in the text area, one per line; the user's own lines are kept as typed."""
    existing = set(clean_fact_lines(current_text or ""))
    added = [f for f in new_facts if f not in existing]
    base = (current_text or "").rstrip("\n")
    return "\n".join([base, *added]) if base else "\n".join(added)


def search_query(topic: str, kind: str, facts_text: str) -> str:
    """The example-search query: topic and kind, plus the first few facts."""
    facts = fact_lines(facts_text)[:3]
    return " ".join(part for part in [(topic or "").strip(), kind, *facts] if part)


def export_name(request: dict) -> str:
    """The downloaded Word file's name: 单位 + 期间 + 类型 (characters unsafe in file names removed)."""
    import re

    name = f"{request.get('org', '')}{request.get('period', '')}{request.get('topic') or ''}{request.get('kind', '')}"
    return (re.sub(r'[\\/:*?"<>|\s]+', "", name) or "工作总结") + ".docx"
