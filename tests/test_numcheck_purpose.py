"""A purpose after 把…作为 and a need (issue 19, session 12): 把 A 作为 B 的重要抓手 says what A is for or how high it ranks;
the clause is judged on A alone, wherever it stands; 聚焦…难题, 为解决…需求 states the need the work answers: frame."""

import pytest

from drafter.numcheck.match import check

FACTS = ["开展工资集体协商，签订工资专项集体合同1份，职工平均工资增长6.2%"]


def _claims(facts, draft):
    return [(c.text, c.note) for c in check(facts, draft).claims]


@pytest.mark.parametrize("purpose", ["维护职工经济权益的重要抓手", "维权工作的重中之重", "服务职工的有力举措来抓"])
def test_the_purpose_of_given_work_is_frame(purpose):
    draft = f"坚持把工资集体协商作为{purpose}，签订工资专项集体合同1份，职工平均工资增长6.2%。"
    assert _claims(FACTS, draft) == []


def test_the_work_before_the_purpose_is_still_judged():
    draft = "坚持把劳模疗休养作为维护职工经济权益的重要抓手，签订工资专项集体合同1份，职工平均工资增长6.2%。"
    assert any("疗休养" in note for _, note in _claims(FACTS, draft))


@pytest.mark.parametrize("facts, need", [
    (["开展职工子女暑期托管，托管学生65名"], "为解决双职工家庭暑期子女看护难题"),
    (["举办单身青年职工联谊活动3场，参加青年职工320人"], "聚焦单身青年职工婚恋难题"),
    (["开展夏季送清凉活动，慰问一线职工2300人次"], "针对高温天气持续时间长、一线作业强度大的实际"),
])
def test_a_clause_stating_the_need_the_work_answers_is_frame(facts, need):
    assert _claims(facts, f"{need}，{facts[0]}。") == []


def test_the_work_after_a_need_is_still_judged():
    facts = ["开展职工子女暑期托管，托管学生65名"]
    assert _claims(facts, "为解决双职工家庭暑期子女看护难题，开展职工子女暑期托管，托管学生65名，并组织子女赴北京研学。")
