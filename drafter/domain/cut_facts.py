"""Facts cut mid-word or mid-sentence: a scraped page's or a careless copy's (织，努力开创… is the tail of 组织;
栏”、“意见箱”，… starts inside a quoted list; …，受到广大职工的普遍 lost its 好评; …，在保管方面，达到完好率 lost its number).

A cut fact is bad input. The secretary is told where she enters facts (the facts form) and in the draft's notes,
in Chinese, which words look cut; the draft leaves them out (`mended`) when they hold no number and enough of the
fact is left. Words holding a number are never dropped (the number check must still find every number of a fact):
then the fact is drafted as given and the note asks her to complete it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textkit.sentences import CLOSERS, COMMAS, ENUM_COMMA, FULL_STOPS, PAIRED_MARKS, SEMICOLONS, char_class

_CJK = "\u4e00-\u9fff"
_DIGIT = re.compile(r"[0-9０-９]")
SHORTEST = 6  # a mended fact keeps at least this many characters, else it is drafted as given

# the start: one character then a comma (织，努力开创…), but a word that may open a sentence so (但，是，…)
_ONE_CHAR = re.compile(rf"^[{_CJK}]{char_class(COMMAS + ENUM_COMMA)}")
_OPENS_ALONE = set("但而故且又再先后是对另总首次末即凡若因零一二三四五六七八九十")
# the start: a closing mark before any opening one (栏”、“意见箱”，…: inside a quoted list)
_OPENERS = "".join(PAIRED_MARKS)
_CLOSED_FIRST = re.compile(f"^{char_class(_OPENERS + ' ', negate=True)}{{0,4}}?{char_class(CLOSERS + '》')}+"
                           f"{char_class(ENUM_COMMA + COMMAS + SEMICOLONS)}?")
# the start: a classifier whose number was cut (届工会成立后…), but 届时/届满/届期
_CLASSIFIER = re.compile(r"^届(?![时满期])")
_STARTS = (_ONE_CHAR, _CLOSED_FIRST, _CLASSIFIER)  # 如：… is whole: it reads as an example of the lead before it

# the end: a word that cannot end a sentence, an opening mark left open, or 的 and a word that wants its noun
_DANGLING = re.compile(r"(?:以及|[、“《（(]|(?<![目有似])的(?:普遍|一致|高度|广泛|充分|大力)?)$")
# the end: a rate with no number (…，达到完好率): its number was cut
_RATE_WITHOUT = re.compile(rf"(?:达到?|为)[{_CJK}]{{0,6}}率$")
# a clause that only frames the one after it (在保管方面): left dangling when that one is dropped
_FRAME_ONLY = re.compile(rf"^在[{_CJK}]{{1,8}}(?:方面|上|中)$")
_END_MARKS = FULL_STOPS + SEMICOLONS + COMMAS
_OPEN_MARKS = "、“《（("
_BETWEEN = COMMAS + SEMICOLONS  # the marks between a fact's clauses
_BREAK = re.compile(char_class(_BETWEEN))


@dataclass(frozen=True)
class Cut:
    line: int  # the fact's line, 1-based
    words: str  # the words that look cut
    at_start: bool
    mended: str  # the fact without them; "" when they cannot be left out (a number, or too little left)


def _start_cut(fact: str) -> str:
    for pattern in _STARTS:
        found = pattern.match(fact)
        if found and not (pattern is _ONE_CHAR and fact[0] in _OPENS_ALONE):
            return found.group()
    return ""


def _ends_cut(clause: str) -> bool:
    """The last clause stops where no sentence stops: …的 (not a 是…的 statement), …的普遍, …、, …达到完好率."""
    if _RATE_WITHOUT.search(clause) and not _DIGIT.search(clause):
        return True
    found = _DANGLING.search(clause)
    return bool(found) and not (found.group().startswith("的") and "是" in clause)


def _end_cut(fact: str) -> tuple[str, str]:
    """(the cut words at the end, the fact without them): the last clause, and a frame clause left before it."""
    body = fact.rstrip(_END_MARKS)
    clauses = _BREAK.split(body)
    if not _ends_cut(clauses[-1]):
        return "", fact
    if body[-1] in _OPEN_MARKS:  # a mark left open: only the mark is cut
        return body[-1], body[:-1]
    kept = body[:len(body) - len(clauses[-1])].rstrip(_BETWEEN)
    while kept and _FRAME_ONLY.match(_BREAK.split(kept)[-1]):
        kept = kept[:len(kept) - len(_BREAK.split(kept)[-1])].rstrip(_BETWEEN)
    return body[len(kept):].lstrip(_BETWEEN), kept


def cut_of(fact: str, line: int = 1) -> list[Cut]:
    """The cuts of one fact: at its start, at its end, or both."""
    found: list[Cut] = []
    start = _start_cut(fact)
    rest = fact[len(start):] if start else fact
    if start:
        ok = not _DIGIT.search(start) and len(rest) >= SHORTEST
        found.append(Cut(line, start, True, rest if ok else ""))
        rest = rest if ok else fact
    words, kept = _end_cut(rest)
    if words:
        ok = not _DIGIT.search(words) and len(kept) >= SHORTEST
        found.append(Cut(line, words, False, kept if ok else ""))
    return found


def mend(fact: str) -> str:
    """The fact without the cut words that may be left out (the fact itself when none)."""
    for cut in cut_of(fact):
        fact = cut.mended or fact
    return fact


def cut_notes(facts: list[str]) -> list[str]:
    """One Chinese note per cut, for the facts form and the draft's notes."""
    notes = []
    for line, fact in enumerate(facts, start=1):
        for cut in cut_of(fact, line):
            where = "开头" if cut.at_start else "结尾"
            done = ("初稿已略去这几个字，请核对原文补全" if cut.mended
                    else "其中有数字或略去后所剩无几，初稿照原文写入，请补全或删去")
            notes.append(f"第{line}条事实{where}“{cut.words}”像是从句子中间截断的：{done}")
    return notes
