"""A count of things given one to a person, restated as the count of the people (issue 19).

A fact counts what was done for people in the thing's own measure word (为高血压职工建立健康档案52份, 为农民工办理
工会会员卡460张); a strong model counts the people instead (为52名高血压职工建立了健康档案). The number is the
fact's when
  * the draft writes it in a measure word of people (名/人/位) right after 为/给 (the people it was done for),
  * a fact line holds the same value in another measure word, after 为/给 and the people, and
  * the words after the draft's number write both ends of the fact's phrase: the start of its people (高血) and
    the end of the thing counted (档案), so neither the people nor the thing is another.
The fact's number is then stated (not missing); the note says it was counted per person. The other way round
(session 27): the draft counts the people and gives each one thing (86名选手参赛，每人领到一份纪念品 for 发放纪念品
86份): the fact's count is stated by given_each, and a 一份 after 每人 is that count (_one_of_counted).
"""

from __future__ import annotations

import re

from drafter.numcheck.cnnum import parse_numeral
from drafter.numcheck.mention import Mention, same_value
from textkit.sentences import BREAKS, ENUM_COMMA, SENTENCE_ENDS, char_class

PEOPLE_GROUPS = frozenset({"人"})  # the unit group of 名/人/位
_FOR = "为给"  # the words that put the people a thing was given to before it
_CLAUSE_END = re.compile(char_class(BREAKS + ENUM_COMMA + "\n"))  # a clause or list item ends
MIN_PHRASE = 4  # the fact's people and thing together: at least two characters each


def one_per_person(m: Mention, facts) -> tuple[int, str, Mention] | None:
    """(fact line, note, the fact's number) when `m` counts the people a fact's things were given to, one each."""
    if m.group not in PEOPLE_GROUPS:
        return _one_of_counted(m, facts)
    if m.value is None or m.key is not None or m.approximate:
        return None
    if m.start == 0 or m.source[m.start - 1] not in _FOR:
        return None
    end = _CLAUSE_END.search(m.source, m.end)
    after = m.source[m.end:end.start() if end else len(m.source)]
    for line, fact in facts.mentions:
        if fact.group in PEOPLE_GROUPS or fact.group is None or fact.key is not None or fact.approximate \
                or fact.value is None or not same_value(fact.value, m.value):
            continue
        phrase = _given_to(fact)
        if phrase and phrase[:2] in after and phrase[-2:] in after:
            return line, f"每人一{fact.unit or ''}：第{line}行事实为 {fact.display()}", fact
    return None


def _given_to(fact: Mention) -> str:
    """The fact's words from its people to its number (高血压职工建立健康档案 of 为高血压职工建立健康档案52份), or ''."""
    clause_start = max(fact.source.rfind(mark, 0, fact.start) for mark in BREAKS + ENUM_COMMA) + 1
    at = max(fact.source.rfind(word, clause_start, fact.start) for word in _FOR)
    phrase = fact.source[at + 1:fact.start] if at >= 0 else ""
    return phrase if len(phrase) >= MIN_PHRASE else ""


_SENTENCE_END = re.compile(char_class(SENTENCE_ENDS + "\n"))
_EACH = re.compile("每[人位名户]")
_EACH_REACH = 12  # characters after 每人 that may write the one thing and what it is


def given_each(fact: Mention, draft: list[Mention], text: str) -> bool:
    """Is a fact's count of things (发放爱心礼包620份) stated by the people given one each: a draft number of people of
    the same value (620名新会员), then in its sentence 每人 with 一 and the fact's measure word and the end of the
    fact's thing (每人获赠爱心礼包一份, 每人领到一份“新人礼包”)? A thing the fact does not count stays missing."""
    if fact.group in PEOPLE_GROUPS or fact.value is None or fact.key is not None or fact.approximate or not fact.unit:
        return False
    thing = (fact.item or "").rstrip("”’\"'》」")[-2:]
    if len(thing) < 2:
        return False
    for d in draft:
        if d.group not in PEOPLE_GROUPS or d.value is None or d.approximate or not same_value(d.value, fact.value):
            continue
        end = _SENTENCE_END.search(text, d.end)
        each = _EACH.search(text, d.end, end.start() if end else len(text))
        reach = text[each.end():each.end() + _EACH_REACH] if each else ""
        if reach and f"一{fact.unit}" in reach and thing in reach:
            return True
    return False


_PEOPLE_COUNT = re.compile("([0-9]+|[一二两三四五六七八九十百千万]+)[名人位]")


def _one_of_counted(m: Mention, facts) -> tuple[int, str, Mention] | None:
    """一份 after 每人 in a sentence that counted the people (620名新会员，每人获赠爱心礼包一份): the fact's number
    of that value in the thing's measure word, when the fact's thing is said beside it (礼包)."""
    if m.value != 1 or m.key is not None or m.approximate or m.group is None:
        return None
    end = _SENTENCE_END.search(m.source, m.end)
    start = max(m.source.rfind(mark, 0, m.start) for mark in SENTENCE_ENDS + "\n") + 1
    each = None
    for each in _EACH.finditer(m.source, max(start, m.start - _EACH_REACH), m.start):
        pass
    if each is None:
        return None
    counted = {parse_numeral(n) for n in _PEOPLE_COUNT.findall(m.source, start, each.start())}
    around = m.source[each.end():end.start() if end else len(m.source)][:_EACH_REACH + 4]
    for line, fact in facts.mentions:
        thing = (fact.item or "").rstrip("”’\"'》」")[-2:]
        if fact.group == m.group and fact.key is None and fact.value in counted and len(thing) == 2 and thing in around:
            return line, f"每{each.group()[1:]}{m.text}：第{line}行事实为 {fact.display()}", fact
    return None
