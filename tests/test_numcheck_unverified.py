"""Wordings to read, not findings (issue 19, item 4: a formulaic clause is frame when it fills no role with new
content): a claim that names no role, no act and no theme, and no thing, person, place or body, moves from
`claims` to `CheckResult.unverified`. It does not make the draft unfaithful; the page shows it as 请核对, the
report lists it, the judge may clear it. Everything that names a role or a thing stays a claim."""

from __future__ import annotations

import pytest

from drafter.models import CheckResult
from drafter.numcheck import check, human_report, load_lexicon
from drafter.pipeline.judging import Judge
from drafter.view import marks
from tests.test_claim_judge import ScriptedJudge

LEX = load_lexicon()
WALK = ["开展职工健步走活动，参加职工420人"]
HABIT = "工会开展职工健步走活动，420名职工参加，引导职工养成科学健身的好习惯。"


def test_a_wording_that_fills_no_role_is_to_be_read_not_a_finding():
    result = check(WALK, HABIT, lexicon=LEX)
    assert result.faithful and not result.claims
    assert [c.text for c in result.unverified] == ["引导职工养成科学健身的好习惯"]
    assert result.unverified[0].note.startswith("这句话写了事实中没有的内容：")


@pytest.mark.parametrize("clause, role", [
    ("并为参加职工发放了运动护膝", None),  # one more act joined on by 并
    ("活动在市奥体中心举行", "地点"),
    ("公司总经理带队参加", "参与者"),
    ("活动被评为市级优秀工会活动", "荣誉"),
])
def test_what_names_a_role_or_a_thing_stays_a_claim(clause, role):
    result = check(WALK, f"工会开展职工健步走活动，420名职工参加，{clause}。", lexicon=LEX)
    assert not result.faithful and result.claims
    assert not any(clause in c.text or c.text in clause for c in result.unverified)
    if role:
        assert any(role in (c.note or "") for c in result.claims)


def test_a_flagged_number_keeps_the_wording_of_its_clause_a_claim():
    result = check(WALK, "工会开展职工健步走活动，520名职工参加并养成科学健身的好习惯。", lexicon=LEX)
    assert not result.unverified and not result.ok


def test_the_judge_clears_a_wording_or_leaves_it_to_be_read():
    result = check(WALK, HABIT, lexicon=LEX)
    cleared = Judge(ScriptedJudge({"健身": 4.0})).review(WALK, [], HABIT, result, LEX)
    assert not cleared.unverified and cleared.cleared[0].judge.verdict == "supported" and cleared.faithful
    doubted = Judge(ScriptedJudge({"健身": -3.0})).review(WALK, [], HABIT, result, LEX)
    assert doubted.faithful and not doubted.claims  # a doubt of the judge does not make it a finding
    assert doubted.unverified[0].judge.verdict == "unsupported" and "模型复核" in doubted.unverified[0].note


def test_the_page_marks_it_softly_and_the_verdict_ignores_it():
    result = check(WALK, HABIT, lexicon=LEX)
    painted = [m for m in marks.marks(result, WALK) if m["kind"] == "unverified"]
    assert len(painted) == 1 and HABIT[painted[0]["start"]:painted[0]["end"]] == "引导职工养成科学健身的好习惯"
    listed = [p for p in marks.problems(result, WALK, []) if p["kind"] == "unverified"]
    assert listed and "不算问题" in listed[0]["text"]
    assert marks.verdict(result, [])[0] is True


def test_the_report_lists_it_apart_and_the_api_model_carries_it():
    result = check(WALK, HABIT, lexicon=LEX)
    report = human_report(WALK, HABIT, result)
    assert "逐句核对通过" in report and "请核对" in report and "引导职工养成科学健身的好习惯" in report
    assert CheckResult.model_validate_json(result.model_dump_json()).unverified == result.unverified


@pytest.mark.parametrize("clause", ["为职工购置了工具箱和安全帽", "给参赛职工送去了月饼", "为一线职工配发了雨伞"])
def test_goods_handed_over_by_any_verb_are_an_activity(clause):
    """No lexicon act needed: a verb whose object is goods no fact names (词林 machines, utensils, clothing, food
    and medicine in every sense) reports an act (acts.py)."""
    result = check(WALK, f"工会开展职工健步走活动，420名职工参加，{clause}。", lexicon=LEX)
    assert any('活动"' in (c.note or "") and clause[-3:] in c.text for c in result.claims)


@pytest.mark.parametrize("clause", ["为职工成长成才搭梯子、铺路子", "为职工搭建了展示风采的舞台"])
def test_a_figure_of_building_is_no_goods(clause):
    result = check(WALK, f"工会开展职工健步走活动，420名职工参加，{clause}。", lexicon=LEX)
    assert not any('活动"' in (c.note or "") for c in result.claims)


@pytest.mark.parametrize("clause, act", [("还组织实操考核3次", "实操考核"), ("并组织消防疏散演练4次", "消防疏散演练")])
def test_an_invented_count_of_times_names_its_activity(clause, act):
    """次 counts events as 场 does: an invented 3次 names what was done that many times (added.py)."""
    facts = ["举办职工技能培训班5期，培训职工260人次"]
    result = check(facts, f"工会举办职工技能培训班5期，培训职工260人次，{clause}。", lexicon=LEX)
    assert any('活动"' in (c.note or "") and act in c.text for c in result.claims)


def test_how_often_is_no_count_of_events():
    facts = ["每季度召开一次工会委员会会议"]
    result = check(facts, "工会每季度召开一次工会委员会会议，并进行一次。", lexicon=LEX)
    assert not any('活动"' in (c.note or "") for c in result.claims)
