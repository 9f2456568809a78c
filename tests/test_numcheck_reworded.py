"""A number whose item the draft words differently is shown to read, not hidden (drafter.numcheck.reworded).

The number stays supported and the draft faithful; CheckResult.unverified lists it (kind item, fact_line) with a
note naming the fact's item and the draft's wording, and the API, the report, the page and the reviewer's facts
table show it. A number whose item is copied (or only reordered, or said with 共/了 or a listed synonym) is not
listed; a changed item stays a mismatch."""

from __future__ import annotations

import pytest

from drafter.models import CheckResult
from drafter.numcheck import check, human_report, load_lexicon
from drafter.pipeline.judging import Judge
from drafter.view import marks
from drafter.view import review as vr
from tests.test_claim_judge import ScriptedJudge

LEX = load_lexicon()
FACTS = ["完成科研攻关课题12项", "开展职工技能培训260人次"]
DRAFT = "工会完成攻关课题12项，开展职工技能培训260人次。"


def items(result: CheckResult) -> list:
    return [c for c in result.unverified if c.kind == "item"]


def test_a_dropped_topic_word_is_listed_with_its_fact_line_and_both_wordings():
    result = check(FACTS, DRAFT, lexicon=LEX)
    assert result.ok and result.faithful and not result.claims
    assert all(h.status == "supported" for h in result.numbers)
    [read] = items(result)
    assert read.fact_line == 1 and read.text == "完成攻关课题12项"
    assert DRAFT[read.start:read.end] == read.text
    assert read.note == "12项 对应第1行事实'完成科研攻关课题'，此处写作'完成攻关课题'（没有'科研'），请核对"


@pytest.mark.parametrize("facts, draft, act", [
    (["为职工电动车安装充电桩40个"], "工会为职工电动车新增充电桩40个。", "安装"),  # the act said by another verb
    (["为一线装维人员配发防寒服1500套"], "工会为一线装维人员送去防寒服1500套。", "配发"),
])
def test_an_act_said_in_other_words_is_listed(facts, draft, act):
    result = check(facts, draft, lexicon=LEX)
    assert result.ok and result.faithful
    [read] = items(result)
    assert read.fact_line == 1 and f"没有'{act}'" in read.note and read.note.endswith("请核对")


@pytest.mark.parametrize("facts, draft", [
    (["完成科研攻关课题12项"], "工会全年共完成了科研攻关课题12项。"),  # copied, with 共/了
    (["参赛职工312人次"], "312人次职工参赛。"),  # word order
    (["为困难职工发放慰问金12万元"], "为困难员工发放慰问金12万元。"),  # an [items] synonym
    (["职工书屋新增图书1200册"], "持续推进职工书屋建设，全年新增藏书1200册。"),  # said before in its sentence
])
def test_an_item_copied_reordered_or_said_before_is_not_listed(facts, draft):
    result = check(facts, draft, lexicon=LEX)
    assert result.ok and not items(result)


@pytest.mark.parametrize("facts, draft", [
    (["提供心理咨询260人次"], "提供法律咨询260人次。"),
    (["完成科研攻关课题12项", "完成管理攻关课题8项"], "完成攻关课题12项。"),  # the word tells two facts apart
])
def test_a_changed_item_stays_a_mismatch_and_is_not_listed(facts, draft):
    result = check(facts, draft, lexicon=LEX)
    assert result.numbers[0].status == "mismatch" and not result.ok and not items(result)


def test_the_api_model_carries_it(settings):
    from fastapi.testclient import TestClient

    from drafter.api import create_app
    from drafter.service import DrafterService

    with TestClient(create_app(DrafterService(settings))) as client:
        body = client.post("/v1/check", json={"facts": FACTS, "draft": DRAFT}).json()
    result = CheckResult.model_validate(body)
    assert result.faithful and [(c.kind, c.fact_line) for c in result.unverified] == [("item", 1)]
    assert "完成科研攻关课题" in result.unverified[0].note


def test_the_reviewer_and_the_page_show_it_and_the_verdict_stays_green():
    result = check(FACTS, DRAFT, lexicon=LEX)
    usage = vr.usages(FACTS, DRAFT, result)
    rows = {row["行"]: row["核对"] for row in vr.fact_rows(usage, DRAFT, result)}
    assert rows["1"] == "通过；请核对事项说法：完成攻关课题12项" and rows["2"] == "通过"
    [painted] = [m for m in marks.marks(result, FACTS) if m["kind"] == "unverified"]
    assert (painted["start"], painted["end"]) == (items(result)[0].start, items(result)[0].end)
    [listed] = [p for p in marks.problems(result, FACTS, usage) if p["kind"] == "unverified"]
    assert listed["label"] == "请核对的事项说法" and "第1行事实" in listed["text"]
    assert marks.verdict(result, usage)[0] is True


def test_the_report_lists_it_under_the_numbers():
    report = human_report(FACTS, DRAFT, check(FACTS, DRAFT, lexicon=LEX))
    numbers, _, claims = report.partition("逐句核对")
    assert numbers.startswith("数字核对通过") and "请核对" in numbers and "完成攻关课题12项" in numbers
    assert "完成攻关课题" not in claims


def test_the_judge_is_not_asked_and_it_stays_to_read(settings, monkeypatch):
    from drafter.service import DrafterService

    result = check(FACTS, DRAFT, lexicon=LEX)
    model = ScriptedJudge({"攻关": 4.0})
    judged = Judge(model).review(FACTS, [], DRAFT, result, LEX)
    assert model.asked == [] and judged.unverified == result.unverified and not judged.cleared
    service = DrafterService(settings)
    monkeypatch.setattr(service, "judge_model", lambda: pytest.fail("no model for a reworded item"))
    assert service.check(FACTS, DRAFT, judge=True).unverified == result.unverified


def test_a_number_the_item_judge_passes_is_listed_to_read_and_one_it_keeps_is_not():
    facts, text = ["全年完成技术攻关项目27项"], "全年攻克技术难题27项。"  # the rules: 少了'攻关项目'
    result = check(facts, text, lexicon=LEX)
    assert result.numbers[0].status == "mismatch" and not items(result)
    passed = Judge(ScriptedJudge({"攻克技术难题": 3.0}), item_margin=1.2).review(facts, [], text, result, LEX)
    [read] = items(passed)
    assert passed.faithful and read.fact_line == 1 and read.text == "攻克技术难题27项"
    assert "对应第1行事实'完成技术攻关项目'" in read.note and "模型复核" in read.note
    again = Judge(ScriptedJudge({}), item_margin=1.2).review(facts, [], text, passed, LEX)
    assert again.unverified == passed.unverified  # judged once: listed once
    kept = Judge(ScriptedJudge({"攻克技术难题": 0.5}), item_margin=1.2).review(facts, [], text, result, LEX)
    assert not kept.ok and not items(kept)
