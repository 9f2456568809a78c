"""The judge's paired question on a number whose item the draft words otherwise (issue 19 item 5, session 19):
which mismatches are asked about, what a verdict does to the number, its note and the result, the cache and the
service. Model answers are scripted (tests/test_claim_judge.ScriptedJudge: the draft clause -> score);
tests/test_item_judge_slow.py asks the real local model."""

from __future__ import annotations

import pytest

from drafter.numcheck import check, load_lexicon
from drafter.numcheck.undecided import undecided_numbers
from drafter.pipeline.item_judging import item_key, item_messages
from drafter.pipeline.judging import Judge, MemoryCache
from tests.test_claim_judge import ScriptedJudge

LEX = load_lexicon()
REWORDED = (["全年完成技术攻关项目27项"], "全年攻克技术难题27项。")  # the rules: 少了'攻关项目'


def asked(facts, text):
    result = check(facts, text, lexicon=LEX)
    return result, undecided_numbers(text, result, facts)


def test_a_reworded_item_is_undecided_with_its_fact_line_and_clause():
    result, found = asked(*REWORDED)
    assert [h.status for h in result.numbers] == ["mismatch"]
    assert [(u.index, u.fact, u.clause) for u in found] == [(0, "全年完成技术攻关项目27项", "全年攻克技术难题27项")]


@pytest.mark.parametrize("facts, text", [
    (["培训职工860人，其中取得技能证书320人"], "培训职工320人。"),  # another fact's item holds it: a swap
    (["评出先进班组20个"], "评出先进班组18个。"),  # another value
    (["参加县级职工技能大赛获奖选手12人"], "参加市级大赛获奖12人。"),  # another level (少了'技能' too)
    (["为困难职工子女发放助学金，共资助42人"], "为42名农民工子女发放助学金。"),  # no qualifier dropped: unrelated items
    (["发展新会员520名"], "发展新党员520名。"),  # the fact's people replaced by others
])
def test_swaps_values_levels_and_unrelated_items_stay_the_rules(facts, text):
    result, found = asked(facts, text)
    assert any(h.status != "supported" for h in result.numbers) and found == []


def test_people_left_unsaid_with_nothing_in_their_place_are_asked_about():
    # 化工操作 names no people: the line's 化工操作工 counted by the unit would be no ask (tests/test_numcheck_act_people.py)
    result, found = asked(["组织化工操作工技能培训，培训职工320人次"], "开展化工操作技能培训320人次。")
    assert "少了'职工'" in result.numbers[0].note and [u.clause for u in found] == ["开展化工操作技能培训320人次"]


def test_a_yes_passes_the_number_with_the_verdict_and_score_in_its_note():
    facts, text = REWORDED
    result = check(facts, text, lexicon=LEX)
    model = ScriptedJudge({"攻克技术难题": 3.0})
    judged = Judge(model, MemoryCache(), item_margin=1.2).review(facts, [], text, result, LEX)
    hit = judged.numbers[0]
    assert hit.status == "supported" and hit.judge.verdict == "supported" and hit.judge.score == 3.0
    assert "少了'攻关项目'" in hit.note and "模型复核：两处说的是同一件事，得分 +3.0" in hit.note
    assert judged.ok and judged.faithful and not result.ok and model.asked == ["全年攻克技术难题27项"]


def test_a_score_below_the_item_margin_keeps_the_mismatch():
    facts, text = REWORDED
    result = check(facts, text, lexicon=LEX)
    judged = Judge(ScriptedJudge({"": 1.0}), MemoryCache(), item_margin=1.2).review(facts, [], text, result, LEX)
    hit = judged.numbers[0]
    assert hit.status == "mismatch" and hit.judge.verdict == "unsupported" and not judged.ok
    assert hit.note.endswith("（模型复核：不能确认两处说的是同一件事，得分 +1.0）")


def test_item_verdicts_are_cached_and_applied_without_the_model():
    facts, text = REWORDED
    result = check(facts, text, lexicon=LEX)
    cache, model = MemoryCache(), ScriptedJudge({"": 3.0})
    Judge(model, cache).review(facts, [], text, result, LEX)
    again = Judge(model, cache).review(facts, [], text, result, LEX)
    assert len(model.asked) == 1 and again.numbers[0].judge.cached
    page = Judge(None, cache, label="scripted").review(facts, [], text, result, LEX)  # as the page applies it
    assert page.numbers[0].status == "supported" and len(model.asked) == 1
    assert Judge(None, MemoryCache(), label="scripted").review(facts, [], text, result, LEX) == result
    assert item_key("m", facts[0], "a") != item_key("m", facts[0], "b") != item_key("n", facts[0], "b")


def test_a_failing_model_leaves_the_mismatch_as_the_rules_said():
    facts, text = REWORDED
    result = check(facts, text, lexicon=LEX)
    assert Judge(ScriptedJudge({}, fail=True), MemoryCache()).review(facts, [], text, result, LEX) == result


def test_the_question_pairs_the_fact_line_with_the_draft_clause():
    messages = item_messages("全年完成技术攻关项目27项", "全年攻克技术难题27项")
    assert messages[0]["role"] == "system" and "是" in messages[0]["content"]
    user = messages[1]["content"]
    assert user.index("事实：全年完成技术攻关项目27项") < user.index("文稿：全年攻克技术难题27项") < user.index("同一件事")


def test_the_service_judges_a_draft_whose_only_flag_is_an_item(settings, monkeypatch):
    from drafter.service import DrafterService

    service = DrafterService(settings)
    model = ScriptedJudge({"攻克技术难题": 3.0})
    monkeypatch.setattr(service, "judge_model", lambda: model)
    facts, text = REWORDED
    assert not service.check(facts, text).ok and model.asked == []  # as-you-type: rules only
    assert service.check(facts, text, judge=True).ok and model.asked == ["全年攻克技术难题27项"]
