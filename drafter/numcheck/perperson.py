"""A count of things given one to a person, restated as the count of the people (issue 19).

A fact counts what was done for people in the thing's own measure word (为高血压职工建立健康档案52份, 为农民工办理
工会会员卡460张); a strong model counts the people instead (为52名高血压职工建立了健康档案). The number is the
fact's when
  * the draft writes it in a measure word of people (名/人/位) right after 为/给 (the people it was done for),
  * a fact line holds the same value in another measure word, after 为/给 and the people, and
  * the words after the draft's number write both ends of the fact's phrase: the start of its people (高血) and
    the end of the thing counted (档案), so neither the people nor the thing is another.
The fact's number is then stated (not missing); the note says it was counted per person.
"""

from __future__ import annotations

import re

from drafter.numcheck.mention import Mention, same_value
from textkit.sentences import BREAKS, ENUM_COMMA, char_class

PEOPLE_GROUPS = frozenset({"人"})  # the unit group of 名/人/位
_FOR = "为给"  # the words that put the people a thing was given to before it
_CLAUSE_END = re.compile(char_class(BREAKS + ENUM_COMMA + "\n"))  # a clause or list item ends
MIN_PHRASE = 4  # the fact's people and thing together: at least two characters each


def one_per_person(m: Mention, facts) -> tuple[int, str, Mention] | None:
    """(fact line, note, the fact's number) when `m` counts the people a fact's things were given to, one each."""
    if m.group not in PEOPLE_GROUPS or m.value is None or m.key is not None or m.approximate:
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
