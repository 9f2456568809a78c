"""Actors named only by the way an act was done (issue 19, session 21): someone in whose presence it was done
(在集团总工程师的见证下, 在市劳模的陪同下, 在专家面前) and a person who guided it after 由 with the act glued on
(由省公司首席技师现场指导: jieba tags 现场/指导 nouns, so the phrase after 由 runs past the person), and a body or
person after 与/同 that did the act together (与市叉车协会共同举办) or that the act was done with, face to face
(与知名作家李明远交流心得: a verb of exchange right after the person, session 22)."""

from __future__ import annotations

import re

from drafter.numcheck.rolephrases import _ACTOR_HEAD, _phrase_after
from drafter.numcheck.rolewords import PEOPLE, PERSON_HEAD
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import person_or_body
from drafter.numcheck.words import Word

_JOINTLY = frozenset({"共同", "一起", "一道", "携手", "联合", "联手", "合力", "同场", "同台"})  # 与X共同…, 与X同场竞技: X took part
_EXCHANGE = re.compile(r"交流|座谈|对话|互动|探讨|切磋|合影|谈心|面对面|畅谈|研讨|结对")  # 与X交流: X was there
_PRESENCE = re.compile(r"(?:的)?(?:亲自)?(?:见证|陪同|注视|见证和指导|陪伴)(?:之)?下|面前|身边|跟前")


def person(word: str, tag: str) -> bool:
    """A person or a post (not a body): a name (nr), a post's head (书记, 总监) or a word 词林 classes as people (A)."""
    return tag == "nr" or PERSON_HEAD.search(word) is not None or any(c.startswith("A") for c in cilin_classes().get(word, ()))


def witnessed_by(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """The person after 在 (word i) in whose presence the act was done (在X的见证下, 在X面前); [] when the words after 在
    name no person or no presence follows them (在公司党委的领导下 is a lead, read elsewhere)."""
    phrase = _phrase_after(ws, i + 1, clause)  # 集团/领导/面前/一展身手: the phrase runs on past a locative
    return next((phrase[:k + 1] for k, w in enumerate(phrase) if person(*w[2:]) and _PRESENCE.match(clause, w[1])), [])


def trim_to_actor(phrase: list[Word]) -> list[Word]:
    """The phrase after 由/请 … up to its last person or body (省公司首席技师 of 省公司首席技师现场指导); [] when none,
    or when a word joined by 、/和 follows it (团委、妇联: a list of bodies, kept whole)."""
    end = next((k for k in range(len(phrase), 0, -1) if person_or_body(*phrase[k - 1][2:])), 0)
    return phrase[:end] if end and all(a[1] == b[0] for a, b in zip(phrase[end - 1:], phrase[end:])) else []


def joined_by(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """The person or body after 与/同 (word i) that did the act together with the writer (与市叉车协会共同举办); []
    unless a word of doing together follows the phrase."""
    phrase = _phrase_after(ws, i + 1, clause)
    for k, w in enumerate(phrase):
        if w[2] in _JOINTLY:
            return phrase[:k] if k and _named(phrase[:k], clause) else []
    after = ws[i + 1 + len(phrase)] if i + 1 + len(phrase) < len(ws) else None
    ok = phrase and after is not None and after[2] in _JOINTLY and after[0] == phrase[-1][1]
    return phrase if ok and _named(phrase, clause) else _met(ws, i, clause)


def _met(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """The words between 与/同 (word i) and a verb of exchange right after them (与知名作家李明远 | 交流心得), when they
    are written together (no mark between), hold a person and no word of doing together; [] otherwise."""
    for k in range(i + 1, min(i + 7, len(ws))):
        if _EXCHANGE.match(ws[k][2]):
            phrase = list(ws[i + 1:k])
            glued = all(a[1] == b[0] for a, b in zip(phrase, phrase[1:]))
            return phrase if phrase and glued and any(person(*w[2:]) for w in phrase) else []
        if not any(c.isalnum() for c in ws[k][2]) or ws[k][2] in _JOINTLY:
            return []
    return []


def _named(phrase: list[Word], clause: str) -> bool:
    head = phrase[-1]  # 海事局执法人员 (一道): people by their head word (人员), unknown to 词林
    return person_or_body(*head[2:]) or PEOPLE.search(head[2]) is not None \
        or _ACTOR_HEAD.search(clause[phrase[0][0]:head[1]]) is not None
