"""A rise credited in words (issue 19, session 13): an effect clause saying a measure changed is a claim when the
facts give that measure only as a level; it stays frame when a fact writes the change or names no measure."""

from __future__ import annotations

import pytest

from drafter.numcheck import check

FACTS = ["组织女职工健康体检，女职工体检率95%", "会员入会率98%"]
LEAD = "组织女职工健康体检，体检率95%，会员入会率98%，"


@pytest.mark.parametrize("clause, quoted", [
    ("工会提升了女职工的健康水平和入会率。", "入会率"),  # a rise of the facts' rate, credited to another group
    ("职工入会率明显提升。", "入会率"),
    ("女职工体检率进一步提高。", "体检率"),
])
def test_a_rise_of_a_measure_the_facts_give_as_a_level_is_a_claim(clause, quoted):
    claims = check(FACTS, LEAD + clause).claims
    assert any(c.note.startswith("结果") and quoted in c.text for c in claims), [c.note for c in claims]


@pytest.mark.parametrize("facts, draft", [
    (FACTS, LEAD + "职工的健康意识明显增强。"),  # no measure: an effect clause
    (["职工就餐满意度由78%提高到93%"], "职工就餐满意度由78%提高到93%，职工满意度明显提升。"),  # the facts give the rise
])
def test_an_effect_clause_without_a_new_rise_stays_frame(facts, draft):
    assert check(facts, draft).claims == []
