"""Roles read by kind (issue 19, session 13): manner words are no role, kin words are the facts' own.

第一时间 says how soon, not when; 邀请医生走进企业 names 医生 as the actor and 走进企业 as where he went; a
parallel phrase on doubled characters (人人参与、天天锻炼) says how widely; 孩子 is 子女 and 费用 the facts' 经费
(同义词词林: one synonym group, or the generic money word of its class); the people who did what the facts report
(创新者) are the facts' people in an effect clause. A person, actor or near miss of their own is still caught.
"""

from __future__ import annotations

import pytest

from drafter.numcheck import check


def _flags(facts: list[str], draft: str) -> list[str]:
    result = check(facts, draft)
    return [c.note for c in result.claims] + [h.note or h.status for h in result.numbers if h.status != "supported"]


@pytest.mark.parametrize("facts, draft", [
    (["慰问防汛抢险一线职工460人次"], "工会第一时间深入防汛抢险一线，慰问职工460人次。"),
    (["开展医生进企业健康咨询8次"], "工会邀请医生走进企业开展健康咨询8次。"),
    (["在各班组推广工间操，参与职工1800人"],
     "在各班组推广工间操，1800名职工积极参与，营造了人人参与、天天锻炼的良好氛围。"),
    (["开展金秋助学活动，资助困难职工子女45名"], "开展金秋助学活动，资助困难职工子女45名，为困难家庭的孩子送去关怀。"),
    (["疗休养经费全部由工会经费列支，共计50.4万元"], "50.4万元费用全部从工会经费中支出。"),
    (["发放职工创新奖励资金12万元"], "发放职工创新奖励资金12万元，让创新者有名有利。"),
    (["组织职工参加“慈善一日捐”活动，参与职工2650人"], "组织职工参加“慈善一日捐”活动，2650名职工慷慨解囊。"),  # an act (i)
])
def test_manner_and_kin_words_fill_no_role(facts, draft):
    assert _flags(facts, draft) == []


@pytest.mark.parametrize("facts, draft, quoted", [
    (["开展医生进企业健康咨询8次"], "工会邀请律师走进企业开展健康咨询8次。", "律师"),
    (["发放助学金13.5万元"], "发放奖学金13.5万元。", "奖学金"),  # a related word of 词林 (#), not a synonym
    (["组织职工参加“慈善一日捐”活动，参与职工2650人"], "组织职工参加“慈善一日捐”活动，2650名职工和家属参与。", "家属"),
    (["慰问防汛抢险一线职工460人次"], "工会第一时间赴杭州深入防汛抢险一线，慰问职工460人次。", "杭州"),
])
def test_an_actor_person_or_near_miss_of_their_own_is_still_caught(facts, draft, quoted):
    result = check(facts, draft)
    texts = [c.text + c.note for c in result.claims] + [h.note or "" for h in result.numbers if h.status != "supported"]
    assert any(quoted in t for t in texts), texts
