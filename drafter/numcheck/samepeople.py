"""A people head of a fact's item said by the fact's own other name for them (issue 19, session 24).

A fact line may name its people twice: 开展家政服务员母婴护理技能培训，培训学员150人; 组织电梯维保工应急救援演练4场，
参演职工160人次. A strong model counts them by the specific name: 150名家政服务员参加, 维保工累计参演一百六十人次. The
item check (drafter.numcheck.qualifiers) then finds the item's head missing (学员, 职工). That head is *renamed*,
and the number stays supported, when the missing word names people (词林 A or a people ending: 员, 工, 职工 …) and the
draft's item writes, in its place, people the same fact line writes outside its item. People the line does not
write (青年营销人员 for 营销人员) stay a change, read by the item and qualifier checks.
"""

from __future__ import annotations

from drafter.numcheck.itemsense import names_people
from drafter.numcheck.mention import Mention
from drafter.numcheck.rolewords import PEOPLE


def renamed_people(word: str, fact: Mention, m: Mention) -> bool:
    """Is the missing `word` of `fact`'s item a people head the draft's item names by people the fact line writes?"""
    if not (PEOPLE.search(word) or names_people(word)) or not m.item or not fact.source:
        return False
    item, fact_item, line = m.item, fact.item or "", fact.source
    return any(item[i:j] != word and item[i:j] in line and item[i:j] not in fact_item
               and (PEOPLE.search(item[i:j]) or names_people(item[i:j]))
               for i in range(len(item) - 1) for j in range(i + 2, len(item) + 1))
