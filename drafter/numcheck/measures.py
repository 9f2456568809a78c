"""A rise credited in words (issue 19, session 13): an effect clause that says a measure changed.

  facts: 女职工体检率95%，会员入会率98%   draft: 工会提升了女职工的健康水平和入会率

A clause without a number whose verb says a quantity changed (提升, 提高, 增加, 减少, 下降 …: 同义词词林's classes of
increase, decrease and strengthening, Ih05/Ih06/Ih10/If08) and that names a measure the facts state only as a
level (…率, …满意度, …覆盖面, …比例) claims a change no fact gives: the facts' line with that measure writes no
change (提高到, 由…到, 增长 …). Such a clause reads like an effect clause, but what it adds is a result, so it
is a claim (结果"…"事实中没有). A measure no fact writes is left to the other rules. A change the work aims at
(围绕提升职工就餐满意度, 为进一步提高入会率, 以提高覆盖面为目标) is its purpose, not a result.
"""

from __future__ import annotations

import re

from drafter.models import Claim
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import words
from drafter.numcheck.zeros import none_claims
from textkit.sentences import BREAKS, char_class

_MEASURE = re.compile(r"(?:[\u4e00-\u9fff]{1,4}率|满意度|覆盖面|比例|比重)")
_CHANGE_CLASSES = ("Ih05", "Ih06", "Ih10", "If08")
_CHANGE_VERBS = frozenset({"提升", "提高", "增强", "增加", "增长", "上升", "下降", "降低", "减少", "扩大"})
_WITHIN = char_class(BREAKS + "\n", negate=True) + "{0,12}?"  # inside one clause
_PURPOSE_BEFORE = re.compile(r"(?:围绕|为了|为|旨在|着眼于?|致力于|力求|力争|以)(?:进一步|持续|不断|全面|切实|着力)?$")
_PURPOSE_AFTER = re.compile(r"为(?:目标|目的|宗旨|重点|出发点|落脚点|导向)")
_FACT_CHANGE = re.compile(f"提高|提升|增长|上升|下降|降低|减少|增加|扩大|由{_WITHIN}[到至]|从{_WITHIN}[到至]")


def result_claims(clause: str, offset: int, support) -> list[Claim]:
    """A result the facts do not state: a change of a measure they state only as a level (rise_claims), or none of a
    thing they say nothing of (zeros.none_claims: the facts' synonyms are read only when needed)."""
    return rise_claims(clause, offset, support) or none_claims(clause, offset, support.text, lambda: support.aliases)


def rise_claims(clause: str, offset: int, support) -> list[Claim]:
    """The claim of a clause that credits a change to a measure the facts state only as a level ([] else)."""
    if not _MEASURE.search(clause) or any(c.isdigit() for c in clause):
        return []
    verb = next((w for w in words(clause) if w[3][:1] in ("v", "i", "l") and _changes(w[2])), None)
    if verb is None or _PURPOSE_BEFORE.search(clause, 0, verb[0]) or _PURPOSE_AFTER.search(clause, verb[1]):
        return []  # 围绕提升职工就餐满意度, 以提高入会率为目标: what the work is for, not a result it reports
    for m in _MEASURE.finditer(clause):  # 提升了…入会率, 入会率明显提升
        measure = _fact_measure(m.group(0), support)
        if measure is not None and not any(_FACT_CHANGE.search(line) for line in _lines_with(measure, support)):
            start, end = min(verb[0], m.start()), max(verb[1], m.end())
            body = clause[start:end]
            note = f'结果"{body}"事实中没有（事实中"{measure}"只有数值，没有写它的变化）'
            return [Claim(start=offset + start, end=offset + end, text=body, kind="claim", note=note)]
    return []


def _changes(word: str) -> bool:
    """A verb of increase or decrease, or a set phrase ending in one (进一步提高)."""
    return word[-2:] in _CHANGE_VERBS or any(c.startswith(_CHANGE_CLASSES) for c in cilin_classes().get(word, ()))


def _fact_measure(found: str, support) -> str | None:
    """The facts' measure the draft's words name: the longest tail of `found` (…入会率 -> 入会率) a fact writes."""
    for k in range(len(found) - 1):
        if found[k:] in support.text and len(found) - k >= 2:
            return found[k:]
    return None


def _lines_with(measure: str, support) -> list[str]:
    return [line for line in support.text.splitlines() if measure in line]
