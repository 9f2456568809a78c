"""A people head of a fact's item said by the fact's own other name for them (issue 19, session 24).

A fact line may name its people twice: 开展家政服务员母婴护理技能培训，培训学员150人; 组织电梯维保工应急救援演练4场，
参演职工160人次. A strong model counts them by the specific name: 150名家政服务员参加, 维保工累计参演一百六十人次. The
item check (drafter.numcheck.qualifiers) then finds the item's head missing (学员, 职工). That head is *renamed*,
and the number stays supported, when the missing word names people (词林 A or a people ending: 员, 工, 职工 …) and the
draft's item writes, in its place, people the same fact line writes outside its item, whole (not 退休职工 for the
line's 职工) and as the head counted (not 化工操作工 of 化工操作工技能培训). People the line does not write (青年营销
人员 for 营销人员) stay a change, read by the item and qualifier checks.
"""

from __future__ import annotations

import re

from drafter.numcheck.itemsense import names_people
from drafter.numcheck.mention import Mention
from drafter.numcheck.rolewords import PEOPLE
from drafter.numcheck.words import words

_FUNCTION = re.compile("[共了已还均都又再并和及与的等为对向在将把被给有其名人次]")  # may stand before the people

def renamed_people(word: str, fact: Mention, m: Mention, clause: str = "") -> bool:
    """Is the missing `word` of `fact`'s item a people head the draft's item names by people the fact line writes?
    (`clause`: the draft's clause before the number)"""
    if not (PEOPLE.search(word) or names_people(word)) or not m.item or not fact.source:
        return False
    return _named_head(word, fact, m) or _people_of_the_act(word, fact, m, clause)


def _named_head(word: str, fact: Mention, m: Mention) -> bool:
    """The draft's item writes, whole and as its head, people the fact line writes (150名家政服务员)."""
    item, fact_item, line = m.item, fact.item or "", fact.source
    for j in range(2, len(item) + 1):
        i = next((i for i in range(j - 1) if item[i:j] in line), None)  # the longest run the line writes
        if i is None or item[i:j] == word or item[i:j] in fact_item or i and not _FUNCTION.match(item[i - 1]):
            continue  # (退休职工: 退休 before the line's 职工 is people of another kind)
        if (PEOPLE.search(item[i:j]) or names_people(item[i:j])) and not _noun_after(item[j:]):
            return True
    return False


def _noun_after(rest: str) -> bool:
    """Does the item go on with a noun (化工操作工|技能培训: the people qualify the thing counted, no head)?"""
    ws = words(rest)
    return bool(ws) and ws[0][0] == 0 and ws[0][3].startswith(("n", "vn"))


_PEOPLE_COUNTS = frozenset({"人", "人次", "名", "位"})


_OPENINGS = frozenset({"", "并", "还", "同时", "又"})  # what the clause may say before such an item


def _people_of_the_act(word: str, fact: Mention, m: Mention, clause: str) -> bool:
    """A count of people put on the fact line's own act of its people (化工操作工技能培训320人次 for 组织化工操作工技能
    培训，培训职工320人次): the unit counts people, the draft's item ends on the fact item's act (培训) and is, after
    verbs (开展, 工会组织), words the line writes in a row that name people (操作工). An added word (开展青年化工
    操作工…), another actor (市总工会开展…) or other people (电工技能培训) are no part of it: still a change."""
    act = (fact.item or "").replace(word, "", 1)
    if m.unit not in _PEOPLE_COUNTS or len(act) < 2 or not m.item.endswith(act) or m.item not in clause:
        return False
    if clause[:clause.rfind(m.item)].strip().removeprefix("工会") not in _OPENINGS:
        return False  # words before the item (区总工会开展…): another actor, read by no item check
    item, line = m.item, fact.source or ""
    start = next((i for i in range(len(item) - len(act)) if item[i:] in line), None)
    if start is None:
        return False
    said = words(item[start:])
    if not any(w[2] != word and (PEOPLE.search(w[2]) or names_people(w[2])) for w in said if len(w[2]) >= 2):
        return False
    verbs = item[:start].removeprefix("工会")  # the union itself may say it (工会组织); no other actor
    return all(w[3].startswith("v") and len(w[2]) >= 2 for w in words(verbs))
