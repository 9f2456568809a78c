"""A fact item's head that is the number's own measure word said as a noun (issue 19, session 27).

A fact may name what it counts by the measure word once more: 提供法律援助案件41件, 演出场次18场, 参赛人数120人. A
strong model writes the count once (提供法律援助41件, 慰问演出18场); the item check then finds the head (案件, 场次)
unsaid. The unit still says it, so the word is no change when it is the item's last word and
  * the measure word with 次 or 数 after it (场次 of 18场, 人数 of 120人, 件数 of 41件), or
  * a noun ending on the measure word (案件 of 41件), by jieba's tag (报名 of 报名职工45名 is an act: still a change).
The draft's item must end on a word of the fact's item (not 调解劳动争议诉讼27件 for …案件27件); nothing else of
the item is read here: its other words stay checked (攻关 of 攻关项目27项 for 攻克难题27项).
"""

from __future__ import annotations

from drafter.numcheck.mention import Mention
from drafter.numcheck.words import words

_COUNT_ENDS = "次数"  # 场次, 人数: how many of the measure


def said_by_unit(word: str, fact: Mention, m: Mention) -> bool:
    """Is the missing `word` the head of `fact`'s item and its number's measure word made a noun, the unit `m`
    writes too?"""
    unit = fact.unit or ""
    if len(unit) != 1 or unit != (m.unit or "") or len(word) != 2 or not (fact.item or "").endswith(word):
        return False
    said = words(m.item or "")[-1:]
    if not said or said[0][2] not in (fact.item or ""):
        return False  # the draft's item ends on a word of its own (调解劳动争议诉讼27件): another thing in its place
    if word[0] == unit and word[1] in _COUNT_ENDS:
        return True
    last = words(fact.item or "")[-1:]
    return word[1] == unit and bool(last) and last[0][2] == word and last[0][3].startswith("n")
