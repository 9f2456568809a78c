"""Render a version diff side by side (old left, new right, one sentence a row, changed characters coloured) and
the changed numbers as a table."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import Any

_CHANGE_LABELS = {"changed": "修改", "added": "新增", "removed": "删除", "modified": "修改"}


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


# A number (86, 12.6, ５０%) or a Latin word is one token, so 86→68 shows as one change, not as moved digits.
_TOKEN = re.compile(r"[0-9０-９][0-9０-９.．%％]*|[A-Za-z]+|.", re.S)
_OLD, _NEW = "background:#ffe3e3;", "background:#d3f9d8;"
_CELL = "vertical-align:top;padding:4px 8px;border-bottom:1px solid #f1f3f5;width:50%;overflow-wrap:anywhere;"


def _inline(a: str, b: str) -> tuple[str, str]:
    """Both sentences with the changed characters coloured (removed red on the left, added green on the right)."""
    import difflib

    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        x, y = "".join(ta[i1:i2]), "".join(tb[j1:j2])
        if op == "equal":
            left.append(escape(x))
            right.append(escape(y))
            continue
        if x:
            left.append(f'<del style="{_OLD}text-decoration:none;">{escape(x)}</del>')
        if y:
            right.append(f'<ins style="{_NEW}text-decoration:none;">{escape(y)}</ins>')
    return "".join(left), "".join(right)


def side_by_side_rows(before: str, after: str) -> list[tuple[str, str, str]]:
    """(kind, left html, right html) per row; kind is same / changed / removed / added. Unchanged runs longer
    than three sentences are folded into one "…" row."""
    import difflib

    from drafter.documents.diffing import split_sentences

    a, b = split_sentences(before), split_sentences(after)
    rows: list[tuple[str, str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            same = [(escape(x), escape(x)) for x in a[i1:i2]]
            if len(same) > 3:
                same = [same[0], ("…", "…"), same[-1]]
            rows += [("same", x, y) for x, y in same]
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            x, y = (olds[k] if k < len(olds) else None), (news[k] if k < len(news) else None)
            if x is not None and y is not None:
                rows.append(("changed", *_inline(x, y)))
            elif x is not None:
                rows.append(("removed", f'<del style="{_OLD}text-decoration:none;">{escape(x)}</del>', ""))
            else:
                rows.append(("added", "", f'<ins style="{_NEW}text-decoration:none;">{escape(y)}</ins>'))
    return rows


def side_by_side_html(before: str, after: str, left_label: str, right_label: str) -> str:
    """Two columns, old and new, as an HTML table that wraps on a phone instead of scrolling sideways."""
    rows = side_by_side_rows(before, after)
    if all(kind == "same" for kind, _, _ in rows):
        return '<div class="diff-view" style="padding:6px;color:#868e96;">两个版本内容相同</div>'
    body = "".join(f'<tr class="diff-{kind}"><td style="{_CELL}">{x or "&nbsp;"}</td><td style="{_CELL}">{y or "&nbsp;"}</td></tr>'
                   for kind, x, y in rows)
    head = (f'<tr><th style="{_CELL}text-align:left;">{escape(left_label)}</th>'
            f'<th style="{_CELL}text-align:left;">{escape(right_label)}</th></tr>')
    return ('<div class="diff-view" style="border:1px solid #dee2e6;border-radius:6px;font-size:15px;line-height:1.7;'
            f'max-width:100%;"><table style="width:100%;border-collapse:collapse;table-layout:fixed;">{head}{body}</table></div>')
