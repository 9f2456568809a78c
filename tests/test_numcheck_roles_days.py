"""Roles read wider (issue 19): a named day after a time marker, a holiday with 前/后, and whoever 由…牵头 names."""

import pytest

from drafter.numcheck import check

FACTS = ["开展职工心理健康讲座4场，参加职工380人次", "协调解决农民工欠薪问题，追回工资128万元",
         "开展厂务公开满意度测评，满意率95%"]
CASES = [
    ("结合世界精神卫生日开展职工心理健康讲座4场，参加职工380人次。", "时间", "世界精神卫生日"),
    ("围绕全国安全生产月开展职工心理健康讲座4场，参加职工380人次。", "时间", "全国安全生产月"),
    ("在春节前集中协调解决农民工欠薪问题，追回工资128万元。", "时间", "春节"),
    ("由纪委牵头开展厂务公开满意度测评，满意率95%。", "参与者", "纪委"),
]


@pytest.mark.parametrize("draft,role,words", CASES, ids=[w for _, _, w in CASES])
def test_the_role_is_named(draft, role, words):
    notes = [c.note for c in check(FACTS, draft).claims]
    assert any(n.startswith(f'{role}"') and words in n for n in notes), notes


def test_an_events_name_ending_in_a_day_is_no_time():
    facts = ["举办会员服务日集中宣传活动，发放资料800份"]
    result = check(facts, "举办会员服务日集中宣传活动，发放资料800份。")
    assert not result.claims


def test_a_holiday_the_facts_give_with_qian_is_fine():
    facts = ["春节前走访慰问困难职工86户"]
    assert not check(facts, "春节前夕，走访慰问困难职工86户。").claims
    assert not check(facts, "在春节前走访慰问困难职工86户。").claims
