"""Who an act reaches, said in a clause of its own after the number (issue 19, session 21): …450份，重点面向年龄偏大的
采茶工 / 主要覆盖山区留守妇女. A clause led by a verb of reach (面向, 针对, 覆盖, 惠及, 涵盖: jieba tags 面向 a noun)
whose words up to its end are a phrase ending on people (no figure, no act) names the act's object; people no
fact writes are the object role's claim (对象"年龄偏大的采茶工"事实中没有)."""

from __future__ import annotations

from drafter.numcheck.rolewords import PEOPLE
from drafter.numcheck.witness import person
from drafter.numcheck.words import Word

REACH = frozenset({"面向", "针对", "覆盖", "惠及", "涵盖", "覆盖到", "惠及到", "包括", "包含"})  # 包括…在内 too
_LEADS = ("n", "d", "c", "p")  # 重点/主要/同时/并: how much or a joint before the verb of reach


def reached(ws: tuple[Word, ...], i: int, lex) -> list[Word]:
    """The people after the verb of reach at word i, up to the clause's end; [] unless only words that lead a
    clause (重点, 主要) stand before it and the rest names people with no figure and no act of the lexicon."""
    rest = list(ws[i + 1:])
    while rest and not rest[-1][2].strip() or rest and not any(c.isalnum() for c in rest[-1][2]):
        rest.pop()  # the clause's closing mark
    if rest and rest[-1][2] == "在内":
        rest.pop()  # 包括劳务派遣人员在内
    if not rest or any(w[3][:1] not in _LEADS for w in ws[:i]) or i > 2:
        return []
    if any(any(c.isdigit() for c in w[2]) or w[3] == "m" or lex.assert_words.fullmatch(w[2]) for w in rest):
        return []  # 惠及女职工180人: the number's item, read by the number check
    head = rest[-1]
    return rest if PEOPLE.search(head[2]) or person(*head[2:]) else []
