"""People joined by 及其 to a group the facts name (issue 19, session 12): 退休职工及其配偶 adds 配偶 (jieba tags it a
verb, and 退休职工 a set phrase), also before an adjective that opens the next phrase (及其配偶健康体检)."""

import pytest

from drafter.numcheck.match import check


@pytest.mark.parametrize("facts, draft", [
    (["组织退休职工健康体检，参检880人"], "组织退休职工及其配偶健康体检，参检880人。"),
    (["春节前走访慰问困难职工"], "春节前走访慰问困难职工及其配偶，送去组织的温暖。"),
])
def test_a_spouse_joined_by_jiqi_is_an_added_object(facts, draft):
    notes = [c.note for c in check(facts, draft).claims]
    assert any(n.startswith('对象"配偶"事实中没有') for n in notes), notes


def test_the_group_alone_is_no_claim():
    assert check(["组织退休职工健康体检，参检880人"], "组织退休职工健康体检，参检880人。").claims == []
