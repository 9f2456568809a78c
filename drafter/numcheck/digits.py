"""Digits are digits (issue 24, D3): every way of writing a digit the number check would otherwise not see —
any Unicode decimal digit (٩, ९, 𝟗 …), super- and subscript digits, circled and parenthesised digits (⑨, ⑴, ❾,
⑳) and Roman numerals (Ⅻ) — is read as the ASCII digits of its value before numbers are scanned.

`ascii_digits(text)` gives the text with those characters replaced and, when a replacement is longer than its
character (⑫ -> 12, Ⅻ -> 12), the original offset of every character of the result, so mentions keep their
offsets into the text as given. Left alone: enclosed digits used as list markers (①走访… at a line start or after
。；：), and super/subscripts after a Latin letter (m², cm³: a unit's exponent).

`mixed_numerals(text)` finds numerals that still look forged: digits of several scripts in one numeral (8𝟔) or a
look-alike letter between digits (1O0, 2О25 with a Cyrillic О). The clause check reports them as artifacts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from textkit.sentences import ITEM_START_BEFORE

# Candidates: non-ASCII decimal digits (\d is Unicode-aware), super/subscripts, Roman numerals, enclosed digits.
_ENCLOSED = "\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf"
_SCRIPTS = "\u00b2\u00b3\u00b9\u2070-\u209f"
_ROMAN = "\u2160-\u2188"
# a digit not ASCII: one class the regex engine skips to (a pattern starting with a choice of classes or a look-ahead
# is tried at every position), then the ASCII digits it took put back
_CANDIDATE = re.compile(rf"[\d{_SCRIPTS}{_ROMAN}{_ENCLOSED}](?<![0-9])")
_FULLWIDTH = re.compile("[０-９]")
_ENCLOSED_CHAR = re.compile(f"[{_ENCLOSED}]")
_MARKER_BEFORE = ITEM_START_BEFORE
_UNIT_AFTER = frozenset("户人名个项次元万千百亿%％场期届件家位条篇所座台套天小时年月日岁")


@cache
def digit_text(char: str) -> str | None:
    """The ASCII digits `char` stands for (None when it is no whole number)."""
    value = unicodedata.decimal(char, None)
    if value is None:
        value = unicodedata.digit(char, None)
    if value is None:
        number = unicodedata.numeric(char, None)
        if number is None or number != int(number) or number < 0:
            return None
        value = int(number)
    return str(value)


def _digit_like(char: str) -> bool:
    return "0" <= char <= "9" or bool(_CANDIDATE.match(char)) or bool(_FULLWIDTH.match(char))


def _kept(text: str, start: int, char: str) -> bool:
    """Is this candidate left as it is: a list marker, or a unit's exponent?"""
    before = text[start - 1] if start else ""
    if char in "\u00b2\u00b3\u00b9" or "\u2070" <= char <= "\u209f":
        return before.isascii() and before.isalnum()  # m², 10⁴: an exponent (10⁴ is then a mixed numeral)
    if _ENCLOSED_CHAR.match(char):
        after = text[start + 1] if start + 1 < len(text) else ""
        if after and (_digit_like(after) or after in _UNIT_AFTER):
            return False
        return bool(_MARKER_BEFORE.search(text, max(0, start - 8), start))
    return False


def has_candidates(text: str) -> bool:
    return not text.isascii() and _CANDIDATE.search(text) is not None


def ascii_digits(text: str) -> tuple[str, list[int] | None]:
    """(text with every candidate digit read as ASCII digits, None) when every replacement is one character;
    else (that text, the original offset of each of its characters plus one past the end)."""
    if not has_candidates(text):
        return text, None
    parts: list[str] = []
    back: list[int] | None = None
    pos = 0
    for m in _CANDIDATE.finditer(text):
        char, start = m.group(0), m.start()
        digits = digit_text(char)
        if digits is None or _kept(text, start, char):
            continue
        parts.append(text[pos:start])
        parts.append(digits)
        pos = start + 1
        if len(digits) != 1 and back is None:
            back = []  # built below, once we know it is needed
    parts.append(text[pos:])
    wide = "".join(parts)
    if back is None:
        return wide, None
    return wide, _offsets(text)


def _offsets(text: str) -> list[int]:
    """For the widened text of `text`: the original offset of each character (and one past the end)."""
    back: list[int] = []
    for i, char in enumerate(text):
        digits = digit_text(char) if _CANDIDATE.match(char) and not _kept(text, i, char) else None
        back.extend([i] * (len(digits) if digits else 1))
    back.append(len(text))
    return back


# --- forged-looking numerals -----------------------------------------------------------------------------
_LOOKALIKE = "OoОоΟοlIІЗз"
_NUMERAL_RUN = re.compile(rf"(?:[0-9０-９{_SCRIPTS}{_ROMAN}{_ENCLOSED}]|(?![0-9])\d)++")
_SANDWICH = re.compile(rf"(?<=[0-9０-９])[{_LOOKALIKE}]++(?=[0-9０-９])")
_ANY_LOOKALIKE = re.compile(f"[{_LOOKALIKE}]")  # (the look-behind first: _SANDWICH tries every position)


def _script(char: str) -> str:
    if "0" <= char <= "9" or _FULLWIDTH.match(char):
        return "ascii"  # full-width digits are a common way of typing, not a disguise
    return unicodedata.name(char, "?").split(" ")[0]


def mixed_numerals(text: str) -> list[tuple[int, int]]:
    """Spans of numerals mixing digit scripts (8𝟔, 1٢) or with a look-alike letter between digits (1O0)."""
    out = []
    if has_candidates(text):
        out += [m.span() for m in _NUMERAL_RUN.finditer(text) if len(m.group(0)) > 1
                and len({_script(c) for c in m.group(0)}) > 1]
    if _ANY_LOOKALIKE.search(text):
        out += [(m.start() - 1, m.end() + 1) for m in _SANDWICH.finditer(text)]
    return sorted(out)
