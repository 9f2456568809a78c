"""Quotes of a number's note, in whole words (issue 19 item 1): the one place that turns item words into quotes.

An item (drafter.numcheck.items) is read on characters, in a window of a few characters around its number, so its
edge can fall inside a word (助工作站 of 法律援助工作站), and so can a missing word found on character bigrams
(递员 of 快递员). Notes quote neither: a quoted fragment is found again in the text it came from, nearest its number,
and widened to the jieba word boundaries of its clause (drafter.numcheck.words.snap). Found lazily, only for the
few numbers that get a note, so the check's first pass segments nothing more.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.numcheck.mention import Mention
from drafter.numcheck.words import snap
from textkit.sentences import BREAKS, ENUM_COMMA, char_class

CLAUSE_CHARS = 80  # how far a quote's clause is read each side
REACH = 24  # how far from its number an item's words are looked for (items.BEFORE and AFTER are smaller)
_CLAUSE_MARK = re.compile(char_class(BREAKS + ENUM_COMMA + "\n"))


def whole(text: str, start: int, end: int, number: tuple[int, int] | None = None) -> tuple[int, int]:
    """[start, end) widened to the word boundaries of its clause in `text` (a clause is read at most CLAUSE_CHARS
    characters each side, so a long draft costs no more than a short one). The edges of a `number` beside it are
    boundaries too: jieba glues a measure word to the next character (57名患大病职工: 名患), the check reads a number."""
    lo = max(0, start - CLAUSE_CHARS)
    lo = max((m.end() for m in _CLAUSE_MARK.finditer(text, lo, start)), default=lo)
    stop = _CLAUSE_MARK.search(text, end, end + CLAUSE_CHARS)
    hi = stop.start() if stop else min(len(text), end + CLAUSE_CHARS)
    if number is not None:
        lo = max(lo, number[1]) if number[1] <= start else lo
        hi = min(hi, number[0]) if number[0] >= end else hi
    a, b = snap(text[lo:hi], start - lo, end - lo)
    return lo + a, lo + b


def located(text: str, fragment: str, start: int, end: int) -> tuple[int, int] | None:
    """Where `fragment` occurs in `text` nearest the span [start, end) (within REACH characters), or None."""
    best = None
    lo, hi = max(0, start - REACH - len(fragment)), end + REACH + len(fragment)
    pos = text.find(fragment, lo, hi)
    while pos != -1:
        distance = start - (pos + len(fragment)) if pos < start else pos - end
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), pos)
        pos = text.find(fragment, pos + 1, hi)
    return None if best is None else (best[1], best[1] + len(fragment))


def quote(m: Mention, fragment: str | None, part_of: str | None = None) -> str:
    """`fragment` (the number's item, or a part of it: of the words `part_of`) as whole words of the text the
    number was found in."""
    if not fragment:
        return fragment or ""
    return _quote(m.source or "", fragment, part_of, m.start, m.end)


@lru_cache(maxsize=4096)  # a fact's item is quoted beside every draft number it proves
def _quote(text: str, fragment: str, part_of: str | None, start: int, end: int) -> str:
    found = located(text, part_of or fragment, start, end)
    if found is not None and part_of:
        at = text.find(fragment, *found)
        found = (at, at + len(fragment)) if at != -1 and at + len(fragment) <= found[1] else None
    if found is None:
        return fragment
    a, b = whole(text, *found, number=(start, end))
    return text[a:b]


def quotes(m: Mention, fragments: list[str], part_of: str | None = None) -> str:
    """Several fragments quoted, joined by 、 (a word two fragments widen to is quoted once)."""
    return "、".join(dict.fromkeys(quote(m, f, part_of) for f in fragments))
