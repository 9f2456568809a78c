"""The clause check: claims, headings, artifacts, frame text, sentence traces, faithful, report and CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.models import CheckResult
from drafter.numcheck import check, human_report, load_lexicon

FACTS = ["春节期间走访慰问困难职工86户，发放慰问金12.6万元", "组织312人参加职工运动会"]
GOOD = "春节期间，走访慰问困难职工86户，发放慰问金12.6万元。组织312人参加职工运动会，进一步增强了职工的凝聚力。"


def kinds(result: CheckResult) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in result.claims]


def test_draft_that_restates_the_facts_with_frame_text_is_faithful():
    draft = ("在上级工会的坚强领导下，我们紧紧围绕中心工作，" + GOOD
             + "回顾过去，工会工作取得了明显成效，充分调动了广大职工的积极性和创造性。")
    result = check(FACTS, draft)
    assert result.claims == [] and result.ok and result.faithful


def test_activity_no_fact_gives_is_a_claim_naming_its_words():
    draft = GOOD + "我们定期开展职工培训，进一步提高了职工素质。"
    result = check(FACTS, draft)
    assert kinds(result) == [("claim", "我们定期开展职工培训")]
    claim = result.claims[0]
    assert draft[claim.start:claim.end] == claim.text and "培训" in claim.note
    assert result.ok and not result.faithful


def test_honour_no_fact_gives_is_a_claim():
    result = check(FACTS, GOOD + "公司工会荣获全国模范职工之家称号。")
    assert [k for k, _ in kinds(result)] == ["claim"]


def test_problems_and_plans_support_clauses():
    draft = GOOD + "下一步，我们将推进职工书屋提档升级。"
    assert kinds(check(FACTS, draft)) == [("claim", "我们将推进职工书屋提档升级")]
    assert check(FACTS, draft, context=["推进职工书屋提档升级，建设2个车间职工书吧"]).faithful


def test_heading_that_asserts_what_no_fact_gives():
    draft = "一、会员队伍不断壮大\n" + GOOD
    assert kinds(check(FACTS, draft)) == [("heading", "会员队伍不断壮大")]
    assert check(FACTS + ["全年新发展会员126人"], draft + "全年新发展会员126人。").faithful


@pytest.mark.parametrize("heading", ["一、倾情关爱困难职工，守护职工幸福生活", "一、精准帮扶困难职工，兜牢民生底线",
                                     "一、用心用情帮扶，厚植尊崇劳动的良好氛围"])
def test_heading_rhetoric_after_an_effect_verb_is_frame(heading):
    """A strong model's heading: its effect tail (守护…, 兜牢…, 厚植…) says what the work did, as in a sentence."""
    assert check(FACTS, heading + "\n" + GOOD).faithful


def test_heading_effect_tail_naming_a_new_person_is_still_a_claim():
    result = check(FACTS, "一、关爱困难职工，守护退休职工健康\n" + GOOD)
    assert [k for k, _ in kinds(result)] == ["heading"] and "退休" in result.claims[0].note


@pytest.mark.parametrize(("piece", "expected"), [
    ("上一稿存在以下问题，这次务必改正：漏了第5条事实：走访慰问困难职工86户（必须写入，数字原。",
     "上一稿存在以下问题，这次务必改正：漏了第5条事实：走访慰问困难职工86户（必须写入，数字原。"),
    ("以下是根据事实写的总结正文。", "以下是根据事实写的总结正文。"),
    ("好的，我来写这一节。", "好的，我来写这一节。"),
    ("**重点工作**", "**"),
    ("## 二、文体活动", "##"),
    ("活动 highlights 很多。", "highlights"),
    # the section prompt echoed by the local model (tests/data/faithful_drafts.json), whole and cut off
    ("为华东公司工会2025年年度总结的“文体活动”部分，组织312人参加职工运动会。",
     "为华东公司工会2025年年度总结的“文体活动”部分，组织312人参加职工运动会。"),
    ("组织312人参加职工运动会。为华东公司工会2025年上半年半年", "为华东公司工会2025年上半年半年"),
])
def test_artifacts(piece, expected):
    draft = GOOD + "\n" + piece
    result = check(FACTS, draft)
    assert ("artifact", expected) in kinds(result)
    assert not result.faithful


def test_latin_names_from_the_facts_and_units_are_fine():
    facts = ["开通职工服务APP和EAP心理咨询热线", "组织312人参加职工运动会"]
    draft = "开通职工服务APP和EAP心理咨询热线。组织312人参加职工运动会。"
    assert check(facts, draft).claims == []


def test_sentences_trace_the_fact_lines_they_draw_on():
    draft = "走访慰问困难职工86户。组织312人参加职工运动会。丰富了职工的业余文化生活。"
    result = check(FACTS, draft)
    assert [(draft[s.start:s.end], s.fact_lines) for s in result.sentences] == [
        ("走访慰问困难职工86户。", [1]), ("组织312人参加职工运动会。", [2]), ("丰富了职工的业余文化生活。", [])]


def test_human_report_lists_claims_in_chinese():
    draft = GOOD + "我们定期开展职工培训。以下是正文。"
    report = human_report(FACTS, draft, check(FACTS, draft))
    assert "逐句核对未通过" in report and "无事实依据的说法" in report and "培训" in report
    assert "不是总结正文" in report and "〔我们定期开展职工培训⚠无依据说法〕" in report
    assert "逐句核对通过" in human_report(FACTS, GOOD, check(FACTS, GOOD))


def test_cli_json_carries_claims_and_context(tmp_path):
    facts, draft, context = tmp_path / "f.txt", tmp_path / "d.txt", tmp_path / "c.txt"
    facts.write_text("\n".join(FACTS), encoding="utf-8")
    draft.write_text(GOOD + "下一步，我们将推进职工书屋提档升级。", encoding="utf-8")
    context.write_text("推进职工书屋提档升级\n", encoding="utf-8")
    runner = CliRunner()
    data = json.loads(runner.invoke(app, ["check", "--facts", str(facts), str(draft), "--json"]).stdout)
    assert [c["kind"] for c in data["claims"]] == ["claim"] and data["faithful"] is False and data["ok"] is True
    out = runner.invoke(app, ["check", "--facts", str(facts), str(draft), "--context", str(context), "--json"])
    assert json.loads(out.stdout)["faithful"] is True


def test_user_frame_file_extends_the_frame(tmp_path):
    draft = GOOD + "我们开展了职工书香阅读。"
    assert kinds(check(FACTS, draft))
    extra = tmp_path / "frame.txt"
    extra.write_text("# 本单位的固定说法\n开展了职工书香阅读\n", encoding="utf-8")
    assert check(FACTS, draft, lexicon=load_lexicon(faith_extra=extra)).claims == []


def test_check_sentence_reports_one_sentence_without_missing_facts():
    from drafter.numcheck import check_sentence

    good = check_sentence(FACTS, "走访慰问困难职工86户。")
    assert good.ok and good.faithful and good.missing == []
    bad = check_sentence(FACTS, "新发展会员86户，我们定期开展职工培训。")
    assert not bad.ok and [c.kind for c in bad.claims] == ["claim"]
    assert bad.numbers[0].status == "mismatch" and bad.numbers[0].item == "新发展会员"


def test_a_category_lead_over_its_instances_is_faithful_and_over_nothing_is_a_claim():
    # 文体活动 is one jieba word: its part 文体 is backed by an instance (羽毛球) the facts write
    lead = "工会积极开展形式多样的文体活动，丰富员工业余生活。"
    facts = ["组织青年员工羽毛球、乒乓球比赛，参赛员工430人次"]
    assert check(facts, lead + "组织青年员工羽毛球、乒乓球比赛，参赛员工达430人次。").claims == []
    other = ["为困难员工发放帮扶金9.3万元，帮扶17户"]
    assert [c.kind for c in check(other, lead + "为困难员工发放帮扶金9.3万元，帮扶17户。").claims] == ["claim"]


def test_a_formal_praise_after_shoudao_is_an_honour_and_a_place_jieba_splits_is_one_place():
    facts = ["协调解决农民工工资支付问题3起，涉及金额27.5万元", "开展农民工夜校课程4期，项目部组织安全培训"]
    praised = "协调解决农民工工资支付问题3起，涉及金额27.5万元，受到区总工会通报表扬。"
    assert [c.note for c in check(facts, praised).claims] == ['荣誉"区总工会通报表扬"事实中没有']
    assert check(facts + ["工会被区总工会通报表扬"], praised).claims == []
    assert check(facts, "开展农民工夜校课程4期，受到职工好评。").claims == []  # 好评: frame, not an honour
    place = "在项目部职工之家开展农民工夜校课程4期。"
    assert [c.note for c in check(facts, place).claims] == ['地点"项目部职工之家"事实中没有']
    assert check(["在项目部职工之家开展农民工夜校课程4期"], place).claims == []
