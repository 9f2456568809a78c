"""The editor's payload (coloured marks, problem list, verdict), sign-in tokens and working-copy autosave."""

from __future__ import annotations

import pytest

from drafter.models import Claim, CheckResult, DraftRequest, DraftResult, MissingFact, NumberHit
from drafter.view import marks, workcopy

FACTS = ["春节走访慰问困难职工86户", "举办技能竞赛3场"]
TEXT = "走访慰问困难职工68户。我们荣获全国先进。"


def _hit(text, status, line=None):
    start = TEXT.index(text)
    return NumberHit(start=start, end=start + len(text), text=text, value=None, unit=None, status=status,
                     fact_line=line)


def _claim():
    start = TEXT.index("荣获全国先进")
    return Claim(start=start, end=start + 6, text="荣获全国先进", kind="claim", note="事实中没有获奖")


CHECK = CheckResult(ok=False, numbers=[_hit("68户", "mismatch", 1)], missing=[MissingFact(fact_line=2, text=FACTS[1])],
                    claims=[_claim()])
USAGE = [{"fact_line": 1, "text": FACTS[0], "used": True, "spans": []},
         {"fact_line": 2, "text": FACTS[1], "used": False, "spans": []}]


def test_marks_cover_numbers_and_claims_with_reasons():
    got = marks.marks(CHECK, FACTS)
    assert [(m["kind"], TEXT[m["start"]:m["end"]]) for m in got] == [("mismatch", "68户"), ("claim", "荣获全国先进")]
    assert "86户" in got[0]["reason"] and "事实中没有获奖" in got[1]["reason"]


def test_problem_list_in_text_order_then_left_out_facts_once():
    items = marks.problems(CHECK, FACTS, USAGE)
    assert [p["kind"] for p in items] == ["mismatch", "claim", "unused"]
    assert items[0]["mark"] == "n0" and items[1]["mark"] == "c0" and items[2]["mark"] is None
    assert items[2]["text"] == "第2条：举办技能竞赛3场"


def test_verdict_is_green_only_when_every_fact_is_used_and_numbers_and_claims_pass():
    ok, line = marks.verdict(CHECK, USAGE)
    assert not ok and "3 处问题" in line and "1 条事实未写入" in line and "1 处说法" in line
    clean = CheckResult(ok=True, numbers=[_hit("68户", "supported", 1)])
    assert marks.verdict(clean, [dict(u, used=True) for u in USAGE])[0]
    assert not marks.verdict(clean, USAGE)[0], "an unused fact is never green"
    assert not marks.verdict(clean.model_copy(update={"claims": [_claim()]}), [dict(u, used=True) for u in USAGE])[0]


def test_editor_payload_carries_text_revision_and_checked_text():
    payload = marks.editor_payload(TEXT, 3, CHECK, FACTS, USAGE)
    assert payload["text"] == payload["checked"] == TEXT and payload["revision"] == 3
    assert len(payload["marks"]) == 2 and len(payload["problems"]) == 3 and payload["ok_text"] == ""


@pytest.fixture
def svc(settings):
    from drafter.service import DrafterService

    return DrafterService(settings)


def test_autosave_restores_form_draft_and_unsaved_edit_in_a_new_session(svc):
    state = {"f_org": "市总工会", "f_period": "2025年", "f_facts": FACTS[0], "draft_text": "初稿", "editor_rev": 1,
             "request": DraftRequest(org="市总工会", period="2025年", facts=FACTS).model_dump()}
    assert workcopy.autosave(state, svc, "张秘书")
    assert not workcopy.autosave(state, svc, "张秘书"), "nothing changed, nothing written"
    state["draft_text"] = "初稿，改过"
    assert workcopy.autosave(state, svc, "张秘书")

    other = {}  # a reload, a second tab, another browser
    note = workcopy.restore(other, svc, "张秘书")
    assert "未保存的修改" in note and other["draft_text"] == "初稿，改过" and other["f_org"] == "市总工会"
    assert other["request"]["facts"] == FACTS and other["editor_rev"] >= 1
    assert workcopy.restore(other, svc, "张秘书") is None, "once per session"
    assert workcopy.restore({}, svc, "李审核") is None, "working copies are per user"


def test_the_open_saved_draft_comes_back_with_its_edit(svc):
    request = DraftRequest(org="市总工会", period="2025年", facts=FACTS)
    result = DraftResult(text="正文86户", sections=[], check=CheckResult(ok=True), provider="template", elapsed_s=0.1)
    detail = svc.create_draft(request, result, "张秘书")
    state = {"f_org": "市总工会", "request": request.model_dump(), "draft_id": detail.id, "base_version": 1,
             "saved_text": "正文86户", "draft_text": "正文86户，未保存"}
    workcopy.autosave(state, svc, "张秘书")
    other = {}
    workcopy.restore(other, svc, "张秘书")
    assert other["draft_id"] == detail.id and other["base_version"] == 1
    assert other["draft_text"] == "正文86户，未保存" and other["saved_text"] == "正文86户"


def test_the_reason_names_the_items_when_a_number_sits_on_the_wrong_one():
    hit = _hit("68户", "mismatch", 1).model_copy(update={"item": "慰问困难职工", "fact_item": "走访户数"})
    reason = marks.marks(CheckResult(ok=False, numbers=[hit]), FACTS)[0]["reason"]
    assert "初稿写的是“慰问困难职工”" in reason and "事实中是“走访户数”" in reason
