"""The people phrase of a fact's item, read by word class, not by 词林 alone (issue 19, session 26).

词林 knows 职工 and 队员 as people but not the many trade names a strong model copies from the facts (维保工, 运维工,
护理员, 值机员 cut as 值机/员, 坐席员 cut as 坐席/员). A word names people when 词林 says so, or when 词林 does not
know it and it ends in a people suffix (rolewords.PEOPLE: 工, 员, 者, 师 …), or when a lone 员/工/者 is glued after
it. The people phrase of an item is such a word with the nouns glued before it (索道/运维工, 发射台/值机/员,
地质/队员): whom the act was for, which a draft may name in another clause of the sentence or, for a count of
events, leave out when it names no people of its own.
"""

from __future__ import annotations

from drafter.numcheck.items import kin_of
from drafter.numcheck.rolewords import PEOPLE
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import words

EVENT_GROUPS = frozenset("场期届轮")  # measure words counting events, sessions and rounds
_SUFFIXES = frozenset("员工者")  # a people suffix jieba cuts off (值机/员)
_QUALIFIER_TAGS = ("n", "x", "j", "s")  # nouns, unknown words, places (坐席/v before 员 is read by _names_people_at)


def people_word(word: str) -> bool:
    """Does the word name people: by 词林 (every class of it or of its known ending is A), or, unknown to 词林,
    by its people suffix (维保工, 护理员)?"""
    classes = kin_of(word)
    if classes:
        return all(c[0] == "A" for c in classes)
    return len(word) >= 3 and not cilin_classes().get(word) and PEOPLE.search(word) is not None


def people_head(word: str, fact_item: str) -> str:
    """The people word of the fact item's people phrase that `word` belongs to (see the module): the word itself
    when it names people, the people word it is glued before when it qualifies them (索道 of 索道运维工), else ''."""
    ws = words(fact_item)
    for k, w in enumerate(ws):
        if w[2] != word:
            continue
        for j in range(k, len(ws)):
            if j > k and ws[j][0] != ws[j - 1][1]:
                return ""
            if _names_people_at(ws, j):
                return ws[j][2]
            if not ws[j][3].startswith(_QUALIFIER_TAGS):
                return ""
    return ""


def _names_people_at(ws, j: int) -> bool:
    """Word j names people, by itself or with a lone suffix glued after it (值机/员)."""
    if people_word(ws[j][2]):
        return True
    nxt = ws[j + 1] if j + 1 < len(ws) else None
    return nxt is not None and nxt[2] in _SUFFIXES and nxt[0] == ws[j][1] and not cilin_classes().get(ws[j][2] + nxt[2])
