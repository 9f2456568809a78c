"""A number's item judged by what it counts (issue 19, session 19: drafter.numcheck.itemkind).

Each faithful rewording (a dropped topic qualifier, the item's act in other words) fails without the rule; each has
an invented twin that changes what the number counts and stays a mismatch."""

import pytest

from drafter.numcheck import check


def _status(facts, draft, text):
    hits = [h for h in check(facts, draft).numbers if h.text == text]
    assert hits, f"{text} not read in {draft}"
    return hits[0].status


@pytest.mark.parametrize("facts, draft, text", [
    (["完成科研攻关课题12项"], "公司工会组织职工开展技术创新，全年完成攻关课题12项。", "12项"),  # topic qualifier dropped
    (["开展“安康杯”竞赛，排查整改安全隐患236处"], "矿区工会组织排查隐患236处并全部整改到位。", "236处"),
    (["为职工提供心理咨询260人次"], "工会为职工开展心理疏导260人次。", "260人次"),  # the act said in other words
])
def test_faithful_rewording_is_supported(facts, draft, text):
    assert _status(facts, draft, text) == "supported"


@pytest.mark.parametrize("facts, draft, text", [
    # the qualifier tells this fact's item from another fact's with the same head and unit
    (["完成科研攻关课题12项", "完成管理攻关课题8项"], "全年完成攻关课题12项，完成管理攻关课题8项。", "12项"),
    (["完成科研攻关课题12项"], "公司工会组织职工开展技术创新，全年完成技术攻关课题12项。", "12项"),  # replaced, not dropped
    (["排查整改重大安全隐患236处"], "矿区工会组织排查隐患236处并全部整改到位。", "236处"),  # a grade (Ed) dropped
    (["为职工提供心理咨询260人次"], "工会为职工开展法律咨询260人次。", "260人次"),  # a noun of its own in the item
    (["为职工提供心理咨询260人次", "开展职工技能培训120人次"], "工会为职工开展心理培训260人次。", "260人次"),  # swap
    (["慰问困难职工86户"], "工会走访慰问职工86户。", "86户"),  # people qualifier
    (["开展退休职工健康讲座6场"], "工会开展职工健康讲座6场。", "6场"),  # qualifier of people (an act word)
    (["举办市级技能竞赛3场"], "工会举办技能竞赛3场。", "3场"),  # level
    (["全年工会经费收入215.3万元"], "工会全年共收入215.3万元。", "215.3万元"),  # money
])
def test_changed_referent_stays_mismatch(facts, draft, text):
    assert _status(facts, draft, text) == "mismatch"
