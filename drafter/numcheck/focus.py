"""The focus a union summary opens a paragraph with (issue 19, session 23): 纺织厂工会聚焦技能提升, 医院工会立足岗位练兵,
制药公司工会紧扣质量主题, 工会围绕安全生产和职工素质提升两条主线.

After the writer's own union (ownorg.own_org, or 工会 alone) a focus verb (立足, 聚焦, 紧扣, 围绕, 着眼, 着力, 紧盯,
瞄准, 锚定) names what the work below is about. When every word after it is abstract (a skill, a theme, a line of
work: no people, thing, time or place by 同义词词林 classes A, B, C; no name by jieba's tags, no event word, no figure,
no word neither 词林 nor the facts know, no name in quotes), the clause says how the writer frames its work, not what was done, and is
an effect tail as a whole (drafter.numcheck.effects). A focus on something concrete (聚焦三号车间, 围绕职工书屋建设)
is judged as written.
"""

from __future__ import annotations

import re

from drafter.numcheck.ownorg import own_org
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import EVENT
from drafter.numcheck.words import Word

_FOCUS = frozenset({"立足", "聚焦", "紧扣", "围绕", "着眼", "着眼于", "着力", "着力于", "紧盯", "瞄准", "锚定"})
_UNION = re.compile(r"\s*总?工会")
_WORKPLACE = re.compile(r"\s*(?![省市区县]总)[\u4e00-\u9fff]{2,10}?(?<!总)工会")  # a workplace's union, not 市总工会
_QUOTED = re.compile("[“《〈]")
_CONCRETE = ("A", "B", "C")
_NAMES = ("nr", "ns", "nt", "nz")


def focus_start(clause: str, ws: tuple[Word, ...], reader) -> int | None:
    """The start of the focus verb when the clause is the writer's focus on abstract work, else None."""
    org = own_org(clause)
    at = org[1] if org is not None else len(clause) - len(clause.lstrip())
    union = _UNION.match(clause, at) or _WORKPLACE.match(clause)  # 市人民医院工会 (own_org leaves out 市…)
    at = union.end() if union else at
    k = next((i for i, w in enumerate(ws) if w[0] >= at), None)
    if k is None or ws[k][0] != at or ws[k][2] not in _FOCUS or k + 1 >= len(ws) or _QUOTED.search(clause, at):
        return None  # 围绕“节水节电”主题: a name in quotes is a campaign of its own, judged as written
    return at if all(_abstract(w, reader) for w in ws[k + 1:]) else None


def _abstract(w: Word, reader) -> bool:
    word = w[2]
    if not word.strip() or reader.neutral(word) or len(word) == 1 and not word.isdigit():
        return True
    classes = cilin_classes().get(word)
    if any(c.isdigit() for c in word) or EVENT.search(word) or w[3] in _NAMES and not classes:
        return False  # a figure, an event, a name (练兵/nr is 词林's act: read by its classes)
    if not classes:
        return reader.backed(word)  # a word 词林 does not know says something unless the facts write it
    return not all(c.startswith(_CONCRETE) for c in classes)  # 岗位 (a place and a post) is abstract too
