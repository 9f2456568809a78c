"""Form input → DraftRequest with Chinese error messages; facts from an uploaded .txt/.docx file."""

from __future__ import annotations

import io
from collections.abc import Sequence

from pydantic import ValidationError

from drafter.facts import clean_fact_lines
from drafter.models import DraftRequest
from drafter.validation import messages

FACT_FILE_TYPES = ("txt", "md", "docx")


def validation_messages(exc: ValidationError) -> list[str]:
    """One Chinese message per failing field, in field order (drafter.validation: the one message table)."""
    return messages(list(exc.errors()))


def build_request(org: str, period: str, kind: str, topic: str, facts_text: str, problems_text: str = "",
                  plans_text: str = "", pinned: Sequence[str] = (), length: str = "normal",
                  ) -> tuple[DraftRequest | None, list[str]]:
    """The request from the form fields, or None and the reasons in Chinese. Pasted bullets are cleaned."""
    try:
        request = DraftRequest(
            org=(org or "").strip(), period=(period or "").strip(), kind=kind, topic=(topic or "").strip() or None,
            facts=clean_fact_lines(facts_text or ""), problems=clean_fact_lines(problems_text or ""),
            plans=clean_fact_lines(plans_text or ""), pinned_examples=list(pinned), length=length)
    except ValidationError as exc:
        return None, validation_messages(exc)
    return request, []


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), then GB18030 (common for Chinese Windows files), then a detected charset."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("无法识别文件编码")
    return str(best)


def _docx_lines(data: bytes) -> list[str]:
    from docx import Document

    doc = Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append("，".join(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip())))
    return lines


def facts_from_file(name: str, data: bytes) -> tuple[list[str], str | None]:
    """Cleaned fact lines from an uploaded file, or [] and a Chinese error naming the file."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix not in FACT_FILE_TYPES:
        return [], f"文件「{name}」的类型不支持，请上传 .txt 或 .docx 文件"
    try:
        lines = _docx_lines(data) if suffix == "docx" else decode_text(data).splitlines()
    except Exception:  # noqa: BLE001 - any unreadable upload becomes a message, never a crash
        kind = "Word 文档" if suffix == "docx" else "文本文件"
        return [], f"无法读取文件「{name}」：不是有效的{kind}"
    facts = clean_fact_lines(lines)
    if not facts:
        return [], f"文件「{name}」中没有找到事实（每行一条）"
    return facts, None


def merge_facts(current_text: str, new_facts: Sequence[str]) -> str:
    """Append facts not already in the text area, one per line; the user's own lines are kept as typed."""
    existing = set(clean_fact_lines(current_text or ""))
    added = [f for f in new_facts if f not in existing]
    base = (current_text or "").rstrip("\n")
    return "\n".join([base, *added]) if base else "\n".join(added)


def search_query(topic: str, kind: str, facts_text: str) -> str:
    """The example-search query: topic and kind, plus the first few facts."""
    facts = clean_fact_lines(facts_text or "")[:3]
    return " ".join(part for part in [(topic or "").strip(), kind, *facts] if part)


def export_name(request: dict) -> str:
    """The downloaded Word file's name: 单位 + 期间 + 类型 (characters unsafe in file names removed)."""
    import re

    name = f"{request.get('org', '')}{request.get('period', '')}{request.get('topic') or ''}{request.get('kind', '')}"
    return (re.sub(r'[\\/:*?"<>|\s]+', "", name) or "工作总结") + ".docx"
