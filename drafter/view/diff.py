"""Render a version diff: unified text with added/removed lines coloured and the changed numbers marked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

_CHANGE_LABELS = {"changed": "修改", "added": "新增", "removed": "删除", "modified": "修改"}
_LINE_STYLES = {"+": "background:#ebfbee;", "-": "background:#fff5f5;", "@": "background:#f1f3f5;color:#868e96;"}
_NUM_STYLE = "background:#ffe066;font-weight:700;border-radius:2px;"


def _get(item: Any, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def number_text(value: Any) -> str:
    """A changed number's surface text, whether given as a string or as a number record."""
    if value is None:
        return ""
    if isinstance(value, str | int | float):
        return str(value)
    return str(_get(value, "text") or "")


def change_rows(changes: Iterable[Any]) -> list[dict[str, str]]:
    """One row per changed number: kind of change, before, after."""
    rows = []
    for c in changes:
        kind = str(_get(c, "change") or "")
        rows.append({"变化": _CHANGE_LABELS.get(kind, kind), "原数字": number_text(_get(c, "before")) or "—",
                     "新数字": number_text(_get(c, "after")) or "—"})
    return rows


def _marker(texts: Sequence[str]) -> re.Pattern | None:
    texts = sorted({t for t in texts if t}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in texts)) if texts else None


def _mark(line: str, pattern: re.Pattern | None) -> str:
    if pattern is None:
        return escape(line)
    out, pos = [], 0
    for m in pattern.finditer(line):
        out += [escape(line[pos:m.start()]), f'<span class="changed-number" style="{_NUM_STYLE}">{escape(m.group())}</span>']
        pos = m.end()
    out.append(escape(line[pos:]))
    return "".join(out)


def diff_html(unified: str, changes: Iterable[Any] = ()) -> str:
    """HTML of a unified diff; numbers listed in `changes` are highlighted on the lines they appear on."""
    changes = list(changes)
    removed = _marker([number_text(_get(c, "before")) for c in changes])
    added = _marker([number_text(_get(c, "after")) for c in changes])
    lines = []
    for line in unified.splitlines():
        head = line[:1]
        if line.startswith(("+++", "---")):
            head = "@"
        pattern = removed if head == "-" else added if head == "+" else None
        lines.append(f'<div style="{_LINE_STYLES.get(head, "")}padding:0 6px;">{_mark(line, pattern) or "&nbsp;"}</div>')
    body = "".join(lines) or '<div style="padding:6px;color:#868e96;">两个版本内容相同</div>'
    return ('<div class="diff-view" style="font-family:monospace,\'Noto Sans CJK SC\';font-size:14px;white-space:pre-wrap;'
            f'border:1px solid #dee2e6;border-radius:6px;max-height:480px;overflow-y:auto;">{body}</div>')
