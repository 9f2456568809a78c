"""Parallel phrases (issue 19, session 12, drafter/numcheck/parallel.py): a pair that repeats one pattern says how
the work went, not what was done; the work named around it is still judged, and lists of things or acts stay."""

import pytest

from drafter.numcheck.faithlex import load_faith
from drafter.numcheck.match import check
from drafter.numcheck.parallel import parallel_spans

APP = ["上线“智慧工会”小程序，注册会员3200人"]
SAFETY = ["开展“安全生产月”劳动竞赛，参赛班组38个"]


def _claims(facts, draft):
    return [c.text for c in check(facts, draft).claims]


@pytest.mark.parametrize("facts, draft", [
    (APP, "上线“智慧工会”小程序，注册会员3200人，让会员少跑腿、数据多跑路。"),
    (SAFETY, "开展“安全生产月”劳动竞赛，38个班组参赛，营造了人人讲安全、个个争先进的浓厚氛围。"),
    (["新建职工健身房3个"], "坚持以体健身、以体育心，新建职工健身房3个。"),
])
def test_a_parallel_phrase_is_no_claim(facts, draft):
    assert _claims(facts, draft) == []


def test_the_work_around_a_parallel_phrase_is_still_judged():
    draft = "开展“安全生产月”劳动竞赛，38个班组参赛，退休职工也人人讲安全、个个争先进。"
    assert any("退休职工" in text for text in _claims(SAFETY, draft))


@pytest.mark.parametrize("clause", [
    "慰问困难职工、走访退休职工",  # a shared head: a list of people
    "焊工、电工技能比武",
    "要求各社区务必早调查、早上报、早慰问",  # acts
    "确保慰问对象不重复、不遗漏",  # a negation: a rule of conduct
    "开展春送岗位、夏送清凉、冬送温暖活动",  # a list an act names
    "公司领导进行了述职、述廉",  # two-character parts
])
def test_lists_of_things_and_acts_are_no_parallel_phrase(clause):
    assert parallel_spans(clause, load_faith()) == []
