"""A time written as an occasion that opens a clause (issue 19, session 25): 入伏前夕，开展…; 供暖季开始前，开展…;
在汛期到来前开展…; 在春节晚会集训前，为…. The facts give no time, the draft dates the work by an event or season.

The phrase runs from the clause's start (or a word that opens a time: 在, 于, 赶在, 趁) to an occasion word, the closed
class OCCASION_ENDS (前夕, 之际, 期间, 前, 之前, 以前, 来临之际 …; a word jieba glues, 开学前, is not read). It is a
time when one of its words says when: jieba's time tag (t), a 词林 time class (Ca) or season word (…季, …期), or an
event or act 词林 knows only as such (H, I: 入伏, 开学, 到来). roles.py reads it as the time role, so a phrase the facts
write (比赛期间 beside a fact's 比赛) says nothing new."""

from __future__ import annotations

import re

from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import Word

OCCASION_ENDS = frozenset({"前夕", "之际", "期间", "前", "之前", "以前", "来临之际", "到来之际", "前后"})
_OPENERS = frozenset({"在", "于", "赶在", "趁", "趁着"})
_HURRY = frozenset({"赶", "抢"})  # 赶/在 as jieba cuts it
_SEASON = re.compile(r"[季期]$")  # 供暖季, 汛期, 雪季: a season named by the work it brings
_MAX_WORDS = 6
_NEGATION = re.compile("[未没不]")  # in characters: jieba glues 员未 of 组织员未到位
_NOT_IN_NAME = ("p", "c", "u", "r")  # prepositions, conjunctions, particles, pronouns


def _says_when(w: Word) -> bool:
    word, tag = w[2], w[3]
    classes = cilin_classes().get(word, ())
    if tag == "t" or any(c.startswith("Ca") for c in classes) or len(word) >= 2 and _SEASON.search(word):
        return True
    return bool(classes) and all(c[0] in "HI" for c in classes) and tag.startswith("v")  # 入伏, 开学, 到来


def _start(ws: tuple[Word, ...], i: int) -> int:
    """Where the occasion's words start: after an opener that only the clause's subject nouns or 赶 come before
    (工会在防汛抢险期间, 赶在入冬前), else at the clause's start."""
    for k in range(min(i, 3)):
        if ws[k][2] in _OPENERS and all(w[3].startswith("n") or w[2] in _HURRY for w in ws[:k]):
            return k + 1
    return 0


def occasion(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """The occasion words (opener and end left out) of a time phrase that ends on word i and opens the clause, when
    the clause's act follows it (or the clause ends there); [] when word i ends no such phrase."""
    phrase = list(ws[_start(ws, i):i])
    if not phrase or len(phrase) > _MAX_WORDS or any(c.isdigit() for w in phrase for c in w[2]):
        return []
    if any(w[3].startswith(_NOT_IN_NAME) or _NEGATION.search(w[2]) for w in phrase):
        return []  # 把清凉和问候送到方向盘前, 新招组织员未到位之前: a clause of its own, not the name of an occasion
    if i + 1 < len(ws) and not ws[i + 1][3].startswith(("v", "p")):
        return []  # 在大会前排就座: 前 of a place
    if ws[i][1] != len(clause) and clause[ws[i][1]] in "的之":
        return []  # 比赛前的准备: an attribute
    return phrase if any(_says_when(w) for w in phrase) else []
