"""The page's actions over a session-state dict and a real service store: save, stale save, open, review."""

from __future__ import annotations

import pytest

from drafter.domain.errors import NotFound, ProviderUnavailable, QueueFull
from drafter.models import CheckResult, DraftRequest, DraftResult
from drafter.view import actions
from drafter.view.signin import PageUser

TEXT = "一、主要工作\n春节走访慰问困难职工86户。"
JIA, YI = PageUser(name="甲", role="writer"), PageUser(name="乙", role="editor")
WANG = PageUser(name="王审核", role="reviewer")


@pytest.fixture
def svc(settings):
    from drafter.service import DrafterService

    return DrafterService(settings)


def session(text: str = TEXT) -> dict:
    """A session that has just generated a draft (unsaved)."""
    request = DraftRequest(org="市总工会", period="2025年", facts=["春节走访慰问困难职工86户"])
    result = DraftResult(text=TEXT, sections=[], check=CheckResult(ok=True), provider="template", elapsed_s=0.1)
    return {"request": request.model_dump(), "result": result.model_dump(), "draft_text": text,
            "draft_id": None, "base_version": None, "saved_text": None}


def test_first_save_keeps_the_generated_text_and_the_edit_as_versions(svc):
    state = session(TEXT.replace("86户", "68户"))
    assert actions.save(state, svc, PageUser(name="张秘书", role="writer")) == ("success", "已保存为第 2 版")
    versions = svc.list_versions(state["draft_id"])
    assert [v.text for v in versions] == [TEXT, TEXT.replace("86户", "68户")]
    assert versions[-1].author == "张秘书" and not versions[-1].check.ok
    assert actions.save(state, svc, PageUser(name="张秘书", role="writer"))[0] == "info", "unchanged: not saved again"


def test_stale_save_is_refused_and_nothing_is_lost(svc):
    mine = session()
    actions.save(mine, svc, JIA)
    theirs = {}
    assert actions.load_draft(theirs, svc, mine["draft_id"])[0] == "success"
    assert theirs["draft_text"] == TEXT and theirs["f_org"] == "市总工会" and theirs["f_facts"] == "春节走访慰问困难职工86户"
    theirs["draft_text"] = TEXT + "\n乙的修改。"
    assert actions.save(theirs, svc, YI) == ("success", "已保存为第 2 版")

    mine["draft_text"] = TEXT + "\n甲的修改。"
    level, message = actions.save(mine, svc, JIA)
    assert level == "error" and "第 2 版" in message and "第 1 版" in message
    assert mine["draft_text"] == TEXT + "\n甲的修改。" and mine["base_version"] == 1
    assert [v.number for v in svc.list_versions(mine["draft_id"])] == [1, 2] and mine["stale"]

    actions.load_draft(mine, svc, mine["draft_id"])  # 载入最新版本
    assert mine["base_version"] == 2 and mine["draft_text"] == TEXT + "\n乙的修改。" and not mine["stale"]


def test_saving_is_not_submitting_and_a_return_needs_a_comment(svc):
    state = session()
    actions.save(state, svc, JIA)
    draft_id = state["draft_id"]
    assert svc.get_draft(draft_id).status == "draft"
    state["draft_text"] = TEXT + "\n补充。"
    assert actions.submit(state, svc, JIA) == ("success", "已提交第 2 版，等待审核"), "unsaved edits are saved first"
    assert svc.get_draft(draft_id).status == "submitted"
    review = {}
    assert actions.review(review, svc, draft_id, "return", WANG)[0] == "error"
    review["r_comment"] = "请补充数字"
    assert actions.review(review, svc, draft_id, "return", WANG)[0] == "success"
    detail = svc.get_draft(draft_id)
    assert detail.status == "returned" and detail.reviews[-1].comment == "请补充数字"
    assert detail.reviews[-1].reviewer == "王审核" and review["r_comment"] == ""


def test_a_comment_on_a_selected_span_is_kept_until_the_review_and_stored(svc):
    state = session()
    actions.save(state, svc, JIA)
    actions.submit(state, svc, JIA)
    start = TEXT.index("慰问困难职工86户")
    review = {}
    assert actions.add_passage(review, TEXT, {"start": 0, "end": 3, "quote": "不存在的话", "comment": "？"})[0] == "error"
    assert actions.add_passage(review, TEXT, {"start": start, "end": start + 9, "quote": "慰问困难职工86户",
                                              "comment": "  "}) == ("error", "请填写批注内容")
    assert actions.add_passage(review, TEXT, None)[0] == "error" and not review.get("r_passages")
    selected = {"start": start, "end": start + 9, "quote": "慰问困难职工86户", "comment": "请写明走访时间"}
    assert actions.add_passage(review, TEXT, selected)[0] == "success"
    assert actions.add_passage(review, TEXT, dict(selected, comment="第二条"))[0] == "success"
    assert actions.drop_passage(review, "p1")[0] == "info" and len(review["r_passages"]) == 1
    assert actions.drop_passage(review, "r0.0") is None and actions.drop_passage(review, "p7") is None
    assert actions.review(review, svc, state["draft_id"], "return", WANG)[0] == "success", "a passage is enough"
    passage = svc.get_draft(state["draft_id"]).reviews[-1].passages[0]
    assert TEXT[passage.start:passage.end] == "慰问困难职工86户" and passage.comment == "请写明走访时间"
    assert review["r_passages"] == []


def test_approving_a_failing_draft_needs_the_override_and_a_reason(svc):
    state = session(TEXT.replace("86户", "68户"))
    actions.save(state, svc, JIA)
    actions.submit(state, svc, JIA)
    review = {"r_comment": "可以"}
    level, message = actions.review(review, svc, state["draft_id"], "approve", WANG, failing=True)
    assert level == "error" and "仍然通过" in message and svc.get_draft(state["draft_id"]).status == "submitted"
    review.update(r_override=True, r_override_reason="")
    assert actions.review(review, svc, state["draft_id"], "approve", WANG, failing=True)[0] == "error"
    review.update(r_override=True, r_override_reason="68户经核实无误")
    assert actions.review(review, svc, state["draft_id"], "approve", WANG, failing=True)[0] == "success"
    detail = svc.get_draft(state["draft_id"])
    assert detail.status == "approved" and detail.reviews[-1].override_reason == "68户经核实无误"

    state["draft_text"] = TEXT  # editing an approved draft voids the approval, visibly
    level, message = actions.save(state, svc, JIA)
    assert level == "warning" and "审核通过已失效" in message
    detail = svc.get_draft(state["draft_id"])
    assert detail.status == "draft" and detail.reviews[-1].voided


def test_restoring_an_old_version_makes_a_new_one_and_fills_the_editor(svc):
    state = session()
    actions.save(state, svc, JIA)
    state["draft_text"] = TEXT + "\n第二版。"
    actions.save(state, svc, JIA)
    state["draft_text"] = TEXT + "\n未保存。"
    assert actions.restore_version(state, svc, 1, JIA)[0] == "error", "unsaved edits are never overwritten"
    state["draft_text"] = state["saved_text"]
    rev = state.get("editor_rev", 0)
    assert actions.restore_version(state, svc, 1, JIA) == ("success", "已将第 1 版恢复为第 3 版")
    assert state["draft_text"] == TEXT and state["base_version"] == 3 and state["editor_rev"] == rev + 1
    assert [v.text for v in svc.list_versions(state["draft_id"])][-1] == TEXT


def test_someone_elses_draft_cannot_be_saved_by_a_writer(svc):
    state = session()
    actions.save(state, svc, JIA)
    other = {}
    actions.load_draft(other, svc, state["draft_id"])
    other["draft_text"] = TEXT + "丙的修改"
    level, message = actions.save(other, svc, PageUser(name="丙", role="writer"))
    assert level == "error" and message.startswith("没有权限")


def test_opening_an_unknown_draft_is_a_message(svc):
    level, message = actions.load_draft({}, svc, "no-such-draft")
    assert level == "error" and "不存在" in message


def test_error_texts_are_chinese():
    assert actions.error_text(QueueFull("x")) == "生成队列已满，请稍后再试"
    assert actions.error_text(ProviderUnavailable("未配置")).startswith("生成服务不可用")
    assert "不存在" in actions.error_text(NotFound("x"))


def test_upload_and_pin_update_the_state():
    state = {"f_facts": "走访86户"}
    assert actions.upload_facts(state, "a.txt", "1、举办竞赛3场\n".encode())[0] == "success"
    assert state["f_facts"] == "走访86户\n举办竞赛3场"
    assert actions.upload_facts(state, "a.exe", b"MZ")[0] == "error" and state["f_facts"] == "走访86户\n举办竞赛3场"
    actions.toggle_pin(state, "a.md", True)
    actions.toggle_pin(state, "b.md", True)
    actions.toggle_pin(state, "a.md", False)
    assert state["pinned"] == ["b.md"]


def test_a_full_generation_queue_is_a_message_before_any_event(service):
    from drafter.service.queue import GenerationQueue

    svc = service
    svc.queue = GenerationQueue(workers=1, size=0)
    request = DraftRequest.model_validate(session()["request"])
    held = svc.queue.reserve()  # another session is generating
    try:
        events, problem = actions.start_draft(svc, request)
        assert events is None and problem == ("error", "生成队列已满，请稍后再试")
    finally:
        held.release()


def test_a_forced_unavailable_provider_is_a_message(settings):
    from drafter.service import DrafterService

    svc = DrafterService(settings.model_copy(update={"provider": "openai", "openai_base_url": None}))
    events, problem = actions.start_draft(svc, DraftRequest.model_validate(session()["request"]))
    assert events is None and problem[0] == "error" and problem[1].startswith("生成服务不可用")
