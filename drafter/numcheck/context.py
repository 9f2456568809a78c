"""Context words of a number: character bigrams of the Chinese words just before and after it.

Used to decide whether a fact with a different value is about the same thing (a mismatch) and for the
facts ↔ draft view. Bigrams need no dictionary, are deterministic and cheap (only a short window is read).
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.numcheck.cnnum import CN_CHARS
from textkit.sentences import CLAUSE_ENDS, SENTENCE_ENDS

BEFORE, AFTER = 10, 6
_BOUNDARY = re.compile(f"[{re.escape(SENTENCE_ENDS + CLAUSE_ENDS)}\n]")  # textkit's sentence and clause ends
_STOP = frozenset({"共计", "累计", "合计", "其中", "全年", "今年", "达到", "一共", "分别", "总计", "以上", "左右",
                   "我们", "进行", "开展", "工作", "全面", "积极", "认真", "其他", "同比", "共有", "约有",
                   "职工", "工会", "活动", "组织", "参加", "单位", "公司", "企业", "员工", "全体", "各级"})


def _is_word_char(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" and char not in CN_CHARS


def bigrams(text: str) -> set[str]:
    """Bigrams of consecutive Chinese (non-numeral) characters, minus a few words that say nothing."""
    return set(_bigrams(text))


@lru_cache(maxsize=1 << 14)
def _bigrams(text: str) -> frozenset[str]:
    """(bigrams: a number's windows are read again by the number check, its items and the clause check)"""
    out: set[str] = set()
    prev = ""
    for char in text:
        if _is_word_char(char):
            if prev:
                out.add(prev + char)
            prev = char
        else:
            prev = ""
    return frozenset(out - _STOP)


def context_words(text: str, start: int, end: int) -> frozenset[str]:
    """Bigrams in the same clause: up to BEFORE characters before the number and AFTER after it."""
    before = text[max(0, start - BEFORE):start]
    boundaries = [m.end() for m in _BOUNDARY.finditer(before)]
    if boundaries:
        before = before[boundaries[-1]:]
    after = text[end:end + AFTER]
    stop = _BOUNDARY.search(after)
    if stop:
        after = after[:stop.start()]
    return frozenset(bigrams(before) | bigrams(after))


def context_window(text: str, start: int, end: int) -> tuple[str, str]:
    """The characters `context_words` reads around a number: equal windows give equal context words (a cheap
    key for judging the same number in the same words once, without computing the words)."""
    return text[max(0, start - BEFORE):start], text[end:end + AFTER]
