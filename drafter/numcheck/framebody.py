"""The body inside a frame (issue 19, session 27): 在市总工会的支持下, 在公司党委的关心指导下, 在…的大力协调下,
经海事局批准. The corpus writes these frames so often that frame_learn keeps whole pieces of them as frame
(在市总工会, 集团公司, 的大力支持下), yet the slot names who backed, led or approved the work: an actor. The frame's
words stay frame; the body in its slot is content unless a fact or a request field (the writer's organisation,
which with_own_org adds to the context) writes it.

  在 <body> (的) <how> <verb> 下   the verb before 下 is a verb by jieba or a frame phrase's (的领导下, 的大力支持下)
  经 <body> <verb>…               the words after the body up to the clause's end are verbs (经海事局批准, 经…研究批准);
                                  经专家评审 names the judges any contest has (rolephrases._JUDGES), no body

A body is a noun phrase whose last word is a person or an organisation (jieba nt/nr, 词林's people or institutions,
partners.body_word) or ends on an actor's head (…局, …学会, …班子). Bodies joined by 和/、 are read one by one:
在馆党组和省档案局的领导下 names 省档案局 when the facts name 馆党组. A body is given when the support text writes it,
or when it is the writer's own hierarchy the lexicon keeps as [abstract] (上级工会, 党委, 党组织), alone or after a
unit word the support writes (公司党委 in a paragraph of 缆车公司工会) or a word placing it relative to the writer
(同级党组织, 本单位党委).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from drafter.numcheck.partners import body_word
from drafter.numcheck.rolemarks import _ACTOR_AFTER as ACTOR_AFTER, _GENERIC_BODIES as GENERIC_BODIES
from drafter.numcheck.rolephrases import _ACTOR_HEAD, _JUDGES
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import action_word
from drafter.numcheck.words import Word, words
from textkit.sentences import BREAKS, COMMAS

if TYPE_CHECKING:
    from drafter.numcheck.faithlex import FaithLexicon
    from drafter.numcheck.rolewords import Reader

_JOINS = frozenset({"和", "、", "及", "与"})
_NOT_IN_BODY = frozenset({"uj", "p", "x", "c", "m", "u", "ul", "y"})  # a particle, a coverb, a break or a count
_CJK = re.compile(r"[\u4e00-\u9fff]+")  # x: a break, or a word jieba does not know (市文/旅局)
_STOPS = frozenset(BREAKS + COMMAS)  # a frame never runs over a clause mark
_LONGEST = 10  # words from 在 to 下: two bodies of a few words each, 的, how and the verb


@lru_cache(maxsize=4)
def _under_verbs(frame: frozenset[str]) -> frozenset[str]:
    """The verbs the lexicon's frame phrases put before 下 (的正确领导下, 的大力支持下: 领导, 支持)."""
    out = set()
    for phrase in frame:
        if phrase.endswith("下") and len(phrase) > 3:
            tail = phrase[:-1].rsplit("的", 1)[-1]
            out.update(tail[k:] for k in range(len(tail) - 1))
    return frozenset(w for w in out if len(w) >= 2)


def _verb(word: Word, under: frozenset[str]) -> bool:
    return word[3] in ("v", "vn") or action_word(word[2]) or word[2] in under


def in_frame(ws: tuple[Word, ...], i: int, clause: str, lex: FaithLexicon) -> list[Word]:
    """The words of the slot of 在…下 (word i is 在) or 经…<verb> (word i is 经), [] when word i opens no such frame."""
    if ws[i][2] == "经":
        return _approved(ws, i)
    if ws[i][2] != "在":
        return []
    under = _under_verbs(lex.frame)
    for k in range(i + 2, min(len(ws), i + _LONGEST + 1)):
        if ws[k][2] == "下" and ws[k][0] == ws[k - 1][1] and _verb(ws[k - 1], under):
            of = max((j for j in range(i + 1, k) if ws[j][2] == "的"), default=None)
            end = of if of is not None else k - 1 - (k - 2 > i + 1 and _verb(ws[k - 2], under))
            slot = list(ws[i + 1:end])
            while slot and (slot[-1][2] in ACTOR_AFTER or _adverb(slot[-1][2])):
                slot.pop()  # 在区总工会指导员全程参与下, 在…局大力协调下: how the body took part, after it
            return slot if slot and _nouns(slot, clause) else []
        if any(c in _STOPS for c in clause[ws[k - 1][1]:ws[k][1]]):
            return []
    return []


def _adverb(word: str) -> bool:
    """An adverb by 词林 (Ka: 大力, 直接, 共同): how the act was done."""
    return any(c.startswith("Ka") for c in cilin_classes().get(word, ()))


def _approved(ws: tuple[Word, ...], i: int) -> list[Word]:
    """经海事局批准, 经台领导班子研究批准: the body before verbs that end the clause (经研究决定 names none)."""
    first_verb = next((k for k in range(i + 1, len(ws)) if ws[k][3] in ("v", "vn")), None)
    if first_verb is None or first_verb == i + 1 or first_verb > i + 5:
        return []
    if not all(w[3] in ("v", "vn", "d", "ad") for w in ws[first_verb:]):
        return []
    slot = list(ws[i + 1:first_verb])
    return [] if all(w[2] in _JUDGES for w in slot) else slot  # 经专家评审: the judges any contest has


def _nouns(slot: list[Word], clause: str) -> bool:
    """Written together (or joined by 和/、), no particle, coverb or count inside: one noun phrase or several."""
    return all(a[1] == b[0] for a, b in zip(slot, slot[1:])) and not any(
        w[3] in _NOT_IN_BODY and w[2] not in _JOINS and not (w[3] == "x" and _CJK.fullmatch(w[2])) for w in slot)


def bodies(slot: list[Word], clause: str) -> list[list[Word]]:
    """The bodies of a slot: its parts between 和/、, those that end on a person or an organisation."""
    parts, part = [], []
    for w in [*slot, None]:
        if w is None or w[2] in _JOINS:
            if part:
                parts.append(part)
            part = []
        else:
            part.append(w)
    return [p for p in parts if all(w[3] != "r" for w in p) and (  # 厂各级领导: everyone's, no body
        body_word(p[-1][2], p[-1][3]) or p[-1][3] in ("nt", "ns") or _ACTOR_HEAD.search(clause[p[0][0]:p[-1][1]]))]


def given_body(text: str, reader: Reader) -> bool:
    """Does a fact or the context write the body, or is it the writer's own hierarchy ([abstract]: 上级工会, 党委),
    alone or after a unit word the support writes (公司党委: 公司 of 缆车公司工会)?"""
    support = reader.support
    if text.lower() in support.text or text in support.alias_text or reader.backed(text):
        return True
    abstract = reader.lex.abstract
    return any(text[k:] in abstract and (k == 0 or text[:k].lower() in support.text or _relative(text[:k]))
               for k in range(len(text) - 1))


def _relative(prefix: str) -> bool:
    """同级 of 同级党组织, 本 of 本单位党委: words that place a body relative to the writer (区别词 b, pronouns r, 单位)
    and name none of their own: the template's 在同级党组织和上级工会的坚强领导下 is the writer's own hierarchy."""
    return all(w[3] in ("b", "r") or w[2] in GENERIC_BODIES for w in words(prefix))


def framed_bodies(ws: tuple[Word, ...], i: int, clause: str, lex: FaithLexicon):
    """(the slot, its bodies) of the frame word i opens, None when it opens none or its slot names no body."""
    slot = in_frame(ws, i, clause, lex)
    named = bodies(slot, clause) if slot else []
    return (slot, named) if named else None


def agent_before_act(phrase: list[Word]) -> list[Word]:
    """由签约律师代理职工劳动争议案件 (jieba's nouns run on through the act): the words up to the first person or body
    written right before an act (代理), [] when none is."""
    return next((phrase[:k] for k in range(1, len(phrase)) if body_word(*phrase[k - 1][2:])
                 and action_word(phrase[k][2]) and phrase[k - 1][1] == phrase[k][0]), [])
