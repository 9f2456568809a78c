"""The page's actions over a session-state dict and a real service store: save, stale save, open, review."""

from __future__ import annotations

import pytest

from drafter.errors import NotFound, ProviderUnavailable, QueueFull
from drafter.models import CheckResult, DraftRequest, DraftResult
from drafter.view import actions

TEXT = "一、主要工作\n春节走访慰问困难职工86户。"


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
    assert actions.save(state, svc, "张秘书") == ("success", "已保存为第 2 版")
    versions = svc.list_versions(state["draft_id"])
    assert [v.text for v in versions] == [TEXT, TEXT.replace("86户", "68户")]
    assert versions[-1].author == "张秘书" and not versions[-1].check.ok
    assert actions.save(state, svc, "张秘书")[0] == "info", "an unchanged text is not saved again"


def test_stale_save_is_refused_and_nothing_is_lost(svc):
    mine = session()
    actions.save(mine, svc, "甲")
    svc.create_user("乙", "password-yi", "editor")  # only the owner or an editor may save (issue 13)
    theirs = {}
    assert actions.load_draft(theirs, svc, mine["draft_id"])[0] == "success"
    assert theirs["draft_text"] == TEXT and theirs["f_org"] == "市总工会" and theirs["f_facts"] == "春节走访慰问困难职工86户"
    theirs["draft_text"] = TEXT + "\n乙的修改。"
    assert actions.save(theirs, svc, "乙") == ("success", "已保存为第 2 版")

    mine["draft_text"] = TEXT + "\n甲的修改。"
    level, message = actions.save(mine, svc, "甲")
    assert level == "error" and "第 2 版" in message and "第 1 版" in message
    assert mine["draft_text"] == TEXT + "\n甲的修改。" and mine["base_version"] == 1
    assert [v.number for v in svc.list_versions(mine["draft_id"])] == [1, 2] and mine["stale"]

    actions.load_draft(mine, svc, mine["draft_id"])  # 载入最新版本
    assert mine["base_version"] == 2 and mine["draft_text"] == TEXT + "\n乙的修改。" and not mine["stale"]


def test_review_needs_a_comment_to_return_and_is_stored(svc):
    state = session()
    actions.save(state, svc, "甲")
    draft_id = state["draft_id"]
    svc.submit(draft_id, "甲")  # only a submitted draft is reviewed, by a reviewer (issue 12)
    svc.create_user("王审核", "password-wang", "reviewer")
    assert actions.review(state, svc, draft_id, "return", "审核人")[0] == "error"
    state["r_comment"] = "请补充数字"
    assert actions.review(state, svc, draft_id, "return", "王审核")[0] == "success"
    detail = svc.get_draft(draft_id)
    assert detail.status == "returned" and detail.reviews[-1].comment == "请补充数字"
    assert detail.reviews[-1].reviewer == "王审核" and state["r_comment"] == ""


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
    from drafter.queue import GenerationQueue

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
