"""Appraisal tails (drafter/numcheck/appraisal.py, issue 19): how a given act went is frame, a new fact is not."""

from drafter.numcheck import check

FACTS = ["举办职工篮球赛，参赛队伍16支", "组织职工疗休养，参加职工120人"]
HEAD = "医院工会举办职工篮球赛，16支队伍参赛，"


def _claims(tail: str) -> list[str]:
    return [c.text for c in check(FACTS, HEAD + tail + "；组织职工疗休养，120名职工参加。").claims]


def test_how_a_given_act_went_is_no_claim():
    for tail in ("比赛紧张有序、亮点纷呈", "赛场气氛热烈", "比赛办得热烈而规范", "比赛精彩纷呈"):
        assert _claims(tail) == [], tail


def test_a_judgement_stating_a_new_fact_is_still_a_claim():
    for tail in ("比赛提前一个月完成", "比赛受到市总工会表扬"):
        assert _claims(tail), tail


def test_an_act_no_fact_gives_before_the_appraisal_is_still_a_claim():
    assert _claims("职工书法比赛精彩纷呈")


def test_an_act_done_ahead_of_time_names_the_time():
    notes = [c.note for c in check(FACTS, HEAD + "比赛提前一周完成；组织职工疗休养，120名职工参加。").claims]
    assert any(n.startswith('时间"提前一周完成"') for n in notes), notes
    early_facts = ["提前完成职工篮球赛，参赛队伍16支", "组织职工疗休养，参加职工120人"]
    assert check(early_facts, HEAD + "比赛提前完成；组织职工疗休养，120名职工参加。").claims == []
