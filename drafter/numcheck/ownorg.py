"""The writer's own organisation as a clause's subject (issue 19, item 4: words the request supplies are given).

A union summary opens its sentences on its own union: 纺织厂工会聚焦…, 车务段工会以…为载体, 出租汽车公司工会开展….
The workplace before 工会 there names who writes, not a body that took part, so it is no new content. A
higher body (市总工会, 省总工会, 上级工会) is not the writer's own and stays an actor; so does a union written
after a marker (联合纺织厂工会: not at the clause's start) or one followed by people (工会主席, 工会领导). A clause
naming another body beside the writer (纺织厂工会联合市妇联…, …和市妇联…) is left whole: the rules judge it as written.
"""

from __future__ import annotations

import re

from drafter.numcheck.rolemarks import _ACTOR_AFTER, _ACTOR_BEFORE
from drafter.numcheck.words import words
from textkit.sentences import BREAKS, COMMAS, char_class

_OWN = re.compile(r"\s*(?![省市区县]|全国|上级|中华|总)([\u4e00-\u9fff]{2,10}?)总?工会(?!主席|副主席|领导|干部|委员)")

_FIRST_CLAUSE = re.compile(char_class(BREAKS + COMMAS, negate=True) + "*")
_LEVEL_INSIDE = re.compile(r"全[国省市区县]|[省市区县]级")
_NOT_ONE = ("工会", "联合", "会同", "携手", "协同", "配合", "与", "和", "及", "、")  # two bodies: 工会联合纺织厂工会
_BESIDE = _ACTOR_BEFORE | _ACTOR_AFTER | {"配合", "与", "和", "及", "同", "跟"}


def own_org(clause: str) -> tuple[int, int] | None:
    """The span of the workplace in a clause opening on `<workplace>工会`, or None."""
    m = _OWN.match(clause) if "工会" in clause else None  # (a clause without 工会 cannot open on one)
    if m is None or any(w in m.group(1) for w in _NOT_ONE) or _LEVEL_INSIDE.search(m.group(1)):
        return None  # 荣获全省工会…: a level inside makes it a higher body's name, not the writer's workplace
    ws = words(m.group(1))
    if any(t[:1] in "cp" or t[:1] == "v" and len(ws) > 1 for _, _, _, t in ws):
        return None  # an act before a body (并协助申请市总工会大病救助), not a workplace's name
    if any(w in _BESIDE for _, _, w, _ in words(clause[m.end():])):
        return None  # another body named beside the writer
    return m.span(1)


def without_own_org(clause: str, text: str) -> str:
    """`text` (the clause, or a same-length copy with words blanked) with the clause's opening workplace blanked."""
    span = own_org(clause)
    if span is None:
        return text
    a, b = span
    return text[:a] + " " * (b - a) + text[b:]


def with_own_org(draft: str, context):
    """The context lines and the workplace the draft's first clause opens on (监狱工会着眼…: 监狱): the writer's own,
    given by the request, so the draft may name it again later (新时代监狱民警, 全馆职工)."""
    first = _FIRST_CLAUSE.match(draft.lstrip()).group(0)
    span = own_org(first)
    if span is None or any(c.isdigit() for c in first):  # 新建非公企业工会12个: unions counted, not the writer
        return context
    org = first[span[0]:span[1]]
    return f"{context}\n{org}" if isinstance(context, str) else (*context, org)
