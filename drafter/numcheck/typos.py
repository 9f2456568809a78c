"""Typos in copied text: the draft copies a stretch of a fact but one character inside it is another one, and the
word it makes is no word ("慢问退休教职工中的老党员" for the fact's 慰问退休教职工中的老党员). A local model writes such
slips; the number beside them still matches, so nothing else would flag them. Reported as an `artifact`.

A character counts as changed only between two stretches of Chinese text the facts write around it (three
characters on each side, or six after it at the start of a clause), and only when the word of the fact it stands in, with the draft's character, is neither a dictionary word
(员工 for 职工, 参与 for 参加 are rewordings) nor written in the facts or their synonyms. Linear in the draft: one
dictionary look-up of the three characters before each position.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from operator import methodcaller

from drafter.models import Claim
from drafter.numcheck.garbled import all_common, common
from drafter.numcheck.words import _jieba, words

ANCHOR = 3  # characters the draft and a fact share on each side of the changed one


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


_RUN = re.compile(f"[\u4e00-\u9fff]{{{ANCHOR},}}")
_ALL_CJK = re.compile("[\u4e00-\u9fff]*")  # every character Chinese (_cjk of each)


@lru_cache(maxsize=64)
def _index(text: str) -> tuple[dict[str, list[int]], dict[str, int], dict[str, dict[str, int]]]:
    """Where each run of ANCHOR Chinese characters stands in the support text (within one line); and the ANCHOR
    characters before and after each Chinese character p -> the first such p, with {character: its first p}, in
    order, for the windows whose middle character varies: the draft's window around a position finds at once
    the first place whose character differs (a stretch repeated in many facts costs one look-up, not one per
    repetition). One pass over the Chinese runs."""
    at: defaultdict[str, list[int]] = defaultdict(list)
    first: dict[str, int] = {}
    varied: dict[str, dict[str, int]] = {}
    setdefault, size = first.setdefault, len(text)
    for m in _RUN.finditer(text):
        run_start, run_end = m.span()
        windows = min(run_end - ANCHOR, size - 1 - 2 * ANCHOR + 1)  # q < windows: p = q + ANCHOR has both sides
        for q in range(run_start, run_end - ANCHOR + 1):
            gram = text[q:q + ANCHOR]
            at[gram].append(q)
            if q < windows:
                p = q + ANCHOR
                key = gram + text[p + 1:p + 1 + ANCHOR]
                p0 = setdefault(key, p)
                if p0 != p and text[p0] != text[p]:
                    varied.setdefault(key, {text[p0]: p0}).setdefault(text[p], p)
    return dict(at), first, varied


def _word_at(text: str, pos: int) -> tuple[int, int]:
    """The jieba word of `text`'s line that holds position `pos` (its start and end in `text`)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)]
    for s, e, _word, _tag in words(line):
        if s <= pos - start < e:
            return start + s, start + e
    return pos, pos + 1


def _a_word(wrong: str, at: int, text: str, aliases: Callable[[], str]) -> bool:
    """Is the fact's word with the draft's character (at offset `at`) a word: itself, or a two-character word
    around the change (困难员工: 员工), in the dictionary, the facts (`text`) or their synonyms (`aliases()`)?"""
    freq = _jieba()[0].dt.FREQ
    pieces = [wrong] + [wrong[k:k + 2] for k in (at - 1, at) if 0 <= k and k + 2 <= len(wrong)]
    if len(wrong) < 2 or any(freq.get(piece, 0) > 0 or piece in text for piece in pieces):
        return True
    alias_text = aliases()  # read only now (Support.alias_text is found when first asked for)
    return any(piece in alias_text for piece in pieces)


def _origin(draft: str, i: int, support_text: str, anchors: dict[str, list[int]], first: dict[str, int],
            varied: dict[str, dict[str, int]]) -> int | None:
    """Where in the support text the draft's character i stands for another one: ANCHOR characters match on each
    side (the first such place whose character differs: one look-up of the window), or, at the start of a clause,
    2 × ANCHOR after it."""
    char, left = draft[i], draft[i - ANCHOR:i] if i >= ANCHOR else ""
    if left in anchors:
        key = left + draft[i + 1:i + 1 + ANCHOR]
        p = first.get(key)
        if p is None or support_text[p] != char:
            return p
        return next((p for c, p in varied.get(key, {}).items() if c != char), None)
    if not _opens(draft, i):
        return None
    following = draft[i + 1:i + 1 + 2 * ANCHOR]  # both at the start of a clause: 慢问退休… for the fact's 慰问退休…
    if len(following) < 2 * ANCHOR or _ALL_CJK.fullmatch(following) is None:
        return None
    for q in anchors.get(following[:ANCHOR], ()):
        p = q - 1
        if q >= 1 and _opens(support_text, p) and support_text[p] != char and _cjk(support_text[p]) \
                and support_text[q:q + 2 * ANCHOR] == following:
            return p
    return None


def _opens(text: str, i: int) -> bool:
    """Does position i start a clause (the text's start, or after a mark or blank, never after a digit)?"""
    return i == 0 or not ("\u4e00" <= (before := text[i - 1]) <= "\u9fff" or before.isalnum())  # (_cjk, inline)


def _read_chars(draft: str) -> set[str]:
    """The common Chinese characters of the draft (a rare one is garbled.py's: 慉): when the whole draft is GB2312,
    all of its Chinese characters (read from its set of distinct characters, no look-up per character)."""
    if all_common(draft):  # the draft's distinct characters, then the Chinese ones (no string per occurrence)
        return {c for c in set(draft) if "\u4e00" <= c <= "\u9fff"}
    return {c for c in set(draft) if "\u4e00" <= c <= "\u9fff" and common(c)}


_OPENER = re.compile(r"[^\w\u4e00-\u9fff]|_")  # a character that is no letter, digit or Chinese character
_END = methodcaller("end")


def _candidates(draft: str, anchors: dict[str, list[int]]) -> list[int]:
    """The positions `typos` must look at, in order: the first ANCHOR ones, those after a window of the support
    text (a key of `anchors`: ANCHOR Chinese characters, so found inside the draft's Chinese runs) and those after
    a character that is no letter, digit or Chinese character (a clause may start there); at any other position
    the loop would go on at once. Found with regexes and one look-up per window, not per position."""
    end = len(draft) - ANCHOR
    found = set(range(min(ANCHOR, end)))
    for m in _RUN.finditer(draft):
        found.update([j + ANCHOR for j in range(m.start(), m.end() - ANCHOR + 1) if draft[j:j + ANCHOR] in anchors])
    found.update(map(_END, _OPENER.finditer(draft)))
    return sorted(found.difference(range(max(end, 0), len(draft) + 1)))


def typos(draft: str, support_text: str, aliases: str | Callable[[], str] = "") -> list[Claim]:
    """One artifact per changed character inside a copied stretch that makes a non-word (`aliases`: the synonyms'
    text, or a function giving it when first needed)."""
    anchors, first, varied = _index(support_text)
    synonyms = aliases if callable(aliases) else lambda: aliases
    out: list[Claim] = []
    read = _read_chars(draft)
    for i in _candidates(draft, anchors):
        char = draft[i]
        if char not in read:
            continue
        if i >= ANCHOR:  # the common cases answered here (see _origin)
            left = draft[i - ANCHOR:i]
            if left in anchors:  # (every key of `first` starts with a window of `anchors`)
                key = left + draft[i + 1:i + 1 + ANCHOR]
                p = first.get(key)
                if p is None or support_text[p] == char and key not in varied:
                    continue  # no such place, or only places writing this very character: a copy
            elif "\u4e00" <= (before := draft[i - 1]) <= "\u9fff" or before.isalnum():  # (_cjk, inline)
                continue  # no copied stretch around it and no clause starts here
        p = _origin(draft, i, support_text, anchors, first, varied)
        if p is None:
            continue
        s, e = _word_at(support_text, p)
        wrong = support_text[s:p] + draft[i] + support_text[p + 1:e]
        if _a_word(wrong, p - s, support_text, synonyms):
            continue
        ds = i - (p - s)
        if ds < 0:  # the fact's word begins before the draft does: nothing to quote whole
            continue
        out.append(Claim(start=ds, end=ds + len(wrong), text=draft[ds:ds + len(wrong)], kind="artifact",
                         note=f"“{wrong}”可能是错字（事实中是“{support_text[s:e]}”）"))
    return out
