"""Fact lines: one fact per line, leading bullets and numbering stripped, blank lines dropped."""

from __future__ import annotations

import re
import unicodedata

from textkit.headings import strip_list_mark
from textkit.headings import INLINE_ITEM
from textkit.sentences import COMMAS, SEMICOLONS, char_class

# "- ", "* ", "• ", "1.", "1、", "（1）", "(1)", "①", "一、" at the start of a line; "3.5万名…" keeps its number.


def strip_bullet(line: str) -> str:
    """Remove one leading bullet or list number and surrounding blanks (textkit's one definition)."""
    return strip_list_mark(line)


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


_CLAUSE_END = re.compile(f"(?<={char_class(SEMICOLONS + '。')})")


def split_pasted(text: str) -> list[str]:
    """Facts of a pasted text: each line split at numbered items and after "；" / "。", bullets stripped,
    trailing "；" / "。" / "，" removed (a WeChat paragraph joined by "；" becomes one fact per clause)."""
    out: list[str] = []
    for line in (text or "").splitlines():
        line = unicodedata.normalize("NFC", line)
        for item in _split_items(line):
            for clause in _CLAUSE_END.split(item):
                fact = strip_bullet(clause).rstrip(SEMICOLONS + "。" + COMMAS + " ")
                if fact:
                    out.append(fact)
    return out


def _split_items(line: str) -> list[str]:
    starts = [m.start() for m in INLINE_ITEM.finditer(line)]
    edges = sorted({0, *starts, len(line)})
    return [line[a:b] for a, b in zip(edges, edges[1:])]


def needs_split(text: str) -> bool:
    """True when splitting would turn the pasted lines into more facts than one per line."""
    return len(split_pasted(text)) > len(clean_fact_lines(text or ""))


def long_lines(facts: list[str], max_chars: int) -> list[int]:
    """1-based numbers of the facts longer than max_chars characters."""
    return [i for i, fact in enumerate(facts, start=1) if len(fact) > max_chars]
