"""Fact lines: one fact per line, leading bullets and numbering stripped, blank lines dropped."""

from __future__ import annotations

import re
import unicodedata

from textkit.headings import strip_list_mark

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


# A numbered item inside a line: "1." / "1、" / "（1）" / "(1)" / "①" after the line start, a blank or a
# punctuation mark ("3.5万" and "第2.1条" keep their numbers: the dot must not be followed by a digit).
_INLINE_ITEM = re.compile(
    r"(?:(?<=^)|(?<=[\s，,；;。:：]))"
    r"(?:[0-9０-９]{1,2}\s*(?:[.．](?![0-9０-９])|[、])|[（(]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[)）]"
    r"|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"
)
_CLAUSE_END = re.compile(r"(?<=[；;。])")


def split_pasted(text: str) -> list[str]:
    """Facts of a pasted text: each line split at numbered items and after "；" / "。", bullets stripped,
    trailing "；" / "。" / "，" removed (a WeChat paragraph joined by "；" becomes one fact per clause)."""
    out: list[str] = []
    for line in (text or "").splitlines():
        line = unicodedata.normalize("NFC", line)
        for item in _split_items(line):
            for clause in _CLAUSE_END.split(item):
                fact = strip_bullet(clause).rstrip("；;。，, ")
                if fact:
                    out.append(fact)
    return out


def _split_items(line: str) -> list[str]:
    starts = [m.start() for m in _INLINE_ITEM.finditer(line)]
    edges = sorted({0, *starts, len(line)})
    return [line[a:b] for a, b in zip(edges, edges[1:])]


def needs_split(text: str) -> bool:
    """True when splitting would turn the pasted lines into more facts than one per line."""
    return len(split_pasted(text)) > len(clean_fact_lines(text or ""))


def long_lines(facts: list[str], max_chars: int) -> list[int]:
    """1-based numbers of the facts longer than max_chars characters."""
    return [i for i, fact in enumerate(facts, start=1) if len(fact) > max_chars]
