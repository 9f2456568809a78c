"""Fact lines: one fact per line, leading bullets and numbering stripped, blank lines dropped."""

from __future__ import annotations

import re
import unicodedata

# "- ", "* ", "• ", "1.", "1、", "（1）", "(1)", "①", "一、" at the start of a line; "3.5万名…" keeps its number.
_BULLET = re.compile(
    r"^\s*(?:[-*•·●▪◆■□○◇>]+\s*"
    r"|[0-9０-９]{1,3}\s*(?:[.．](?![0-9０-９])|[、)）])\s*"
    r"|[（(]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[)）]\s*"
    r"|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*"
    r"|[一二三四五六七八九十]{1,3}\s*、\s*)"
)


def strip_bullet(line: str) -> str:
    """Remove one leading bullet or list number and surrounding blanks."""
    line = line.replace("\u3000", " ").strip()
    return _BULLET.sub("", line, count=1).strip()


def clean_fact_lines(items: list[str] | str) -> list[str]:
    """Split (if given a text), strip bullets, drop blank lines. Order is kept: fact_line = index + 1."""
    if isinstance(items, str):
        items = items.splitlines()
    out: list[str] = []
    for item in items:
        for line in str(item).splitlines() or [""]:
            line = unicodedata.normalize("NFC", line)
            text = strip_bullet(line)
            if text:
                out.append(text)
    return out
