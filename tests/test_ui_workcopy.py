"""Working copies: text typed into a form box before it commits is autosaved (and loses to a newer committed
value), and opening a saved draft brings back that draft's own unsaved edit, not another draft's."""

from __future__ import annotations

import pytest

from drafter.models import CheckResult, DraftRequest, DraftResult
from drafter.view import actions, workcopy
from drafter.view.signin import PageUser

JIA = PageUser(name="张秘书", role="writer")


@pytest.fixture
def svc(settings):
    from drafter.service import DrafterService

    return DrafterService(settings)


def test_typed_text_is_saved_before_the_box_commits_and_comes_back_after_a_reload(svc):
    state = {"f_org": "市总工会", "f_period": "2025年", "f_facts": ""}
    workcopy.take_typed(state, {"f_facts": "走访职工86户", "not_a_field": "x", "f_org": "市总工会"})
    assert state["f_facts"] == "", "the widget's own value is never touched while the user types"
    assert workcopy.snapshot(state, "张秘书").form["f_facts"] == "走访职工86户"
    assert workcopy.autosave(state, svc, "张秘书")
    reloaded = {}
    workcopy.restore(reloaded, svc, "张秘书")
    assert reloaded["f_facts"] == "走访职工86户" and reloaded["f_org"] == "市总工会"
    assert "not_a_field" not in workcopy.snapshot(state, "张秘书").form


def test_a_newer_committed_value_wins_over_text_typed_before_it():
    state = {"f_facts": "旧"}
    workcopy.take_typed(state, {"f_facts": "旧，正在输入"})
    assert workcopy.field_value(state, "f_facts") == "旧，正在输入"
    state["f_facts"] = "旧，正在输入，已提交"  # the box committed (or a button rewrote the field)
    assert workcopy.field_value(state, "f_facts") == "旧，正在输入，已提交"
    workcopy.take_typed(state, {"f_facts": "旧，正在输入，已提交"})  # typed equals committed: nothing kept
    assert workcopy.LIVE in state and "f_facts" not in state[workcopy.LIVE]
    workcopy.take_typed(state, {"f_facts": "再改"})
    workcopy.take_typed(state, {"f_facts": "再改"})  # the same text again keeps its first base
    assert state[workcopy.LIVE]["f_facts"]["base"] == "旧，正在输入，已提交"
    assert workcopy.field_value({"f_org": "x"}, "f_org") == "x"


def _saved(svc, facts: list[str], text: str) -> str:
    request = DraftRequest(org="市总工会", period="2025年", facts=facts)
    result = DraftResult(text=text, sections=[], check=CheckResult(ok=True), provider="template", elapsed_s=0.1)
    return svc.create_draft(request, result, JIA).id


def _edit(state: dict, svc, text: str) -> None:
    state["draft_text"] = text
    workcopy.autosave(state, svc, JIA.name)


def test_opening_draft_a_then_b_brings_back_each_ones_own_unsaved_edit(svc):
    a = _saved(svc, ["走访职工86户"], "甲稿：走访职工86户。")
    b = _saved(svc, ["举办竞赛3场"], "乙稿：举办竞赛3场。")
    state: dict = {}
    assert actions.load_draft(state, svc, a)[0] == "success" and workcopy.reopen(state, svc, JIA.name, a) is None
    _edit(state, svc, "甲稿：走访职工86户。甲的修改。")
    actions.load_draft(state, svc, b)
    assert workcopy.reopen(state, svc, JIA.name, b) is None and state["draft_text"] == "乙稿：举办竞赛3场。"
    _edit(state, svc, "乙稿：举办竞赛3场。乙的修改。")

    actions.load_draft(state, svc, a)
    note = workcopy.reopen(state, svc, JIA.name, a)
    assert state["draft_text"] == "甲稿：走访职工86户。甲的修改。" and state["draft_id"] == a
    assert "未保存的修改" in note and state["f_facts"] == "走访职工86户"
    actions.load_draft(state, svc, b)
    workcopy.reopen(state, svc, JIA.name, b)
    assert state["draft_text"] == "乙稿：举办竞赛3场。乙的修改。" and state["saved_text"] == "乙稿：举办竞赛3场。"

    reloaded: dict = {}  # a reload comes back to the draft open last, with its edit
    workcopy.restore(reloaded, svc, JIA.name)
    assert reloaded["draft_id"] == b and reloaded["draft_text"].endswith("乙的修改。")


def test_an_edit_based_on_an_older_version_comes_back_with_that_version(svc):
    a = _saved(svc, ["走访职工86户"], "甲稿。")
    state: dict = {}
    actions.load_draft(state, svc, a)
    _edit(state, svc, "甲稿。我的修改。")
    svc.save_version(a, "甲稿。别人的第2版。", 1, PageUser(name="李编辑", role="editor"))
    other: dict = {}
    actions.load_draft(other, svc, a)
    note = workcopy.reopen(other, svc, JIA.name, a)
    assert other["draft_text"] == "甲稿。我的修改。" and other["base_version"] == 1
    assert "基于第 1 版" in note and "第 2 版" in note
    assert actions.save(other, svc, JIA)[0] == "error" and other["stale"], "no silent overwrite of version 2"


def test_typed_form_text_of_a_saved_draft_comes_back_without_a_text_edit(svc):
    a = _saved(svc, ["走访职工86户"], "甲稿。")
    state: dict = {}
    actions.load_draft(state, svc, a)
    workcopy.take_typed(state, {"f_problems": "覆盖面不够", "sig_date": "2026年1月5日"})
    workcopy.autosave(state, svc, JIA.name)
    other: dict = {}
    actions.load_draft(other, svc, a)
    assert "表单" in workcopy.reopen(other, svc, JIA.name, a)
    assert other["f_problems"] == "覆盖面不够" and other["sig_date"] == "2026年1月5日"
    assert other["draft_text"] == "甲稿。"


def test_a_reviewers_pending_comments_are_kept_per_draft_version_until_sent(svc):
    a = _saved(svc, ["走访职工86户"], "甲稿：走访职工86户。")
    passage = {"start": 5, "end": 9, "quote": "走访职工", "comment": "写明时间"}
    workcopy.save_review(svc, "王审核", a, 1, [passage])
    assert workcopy.load_review(svc, "王审核", a, 1) == [passage]
    assert workcopy.load_review(svc, "王审核", a, 2) == [], "comments on version 1 are not put on version 2"
    assert workcopy.load_review(svc, "李审核", a, 1) == [], "per reviewer"
    assert svc.load_working_copy("王审核", a) is None, "the reviewer's slot is not the draft's own working copy"
    workcopy.save_review(svc, "王审核", a, 1, [])
    assert workcopy.load_review(svc, "王审核", a, 1) == []


def test_starting_over_empties_the_boxes_by_value_and_drops_the_open_draft():
    state = {"f_org": "市总工会", "f_facts": "走访职工86户", "f_kind": "半年总结", "sig_org": "市总工会",
             "draft_id": "abc", "draft_text": "正文", workcopy.LIVE: {"f_facts": {"value": "x", "base": ""}}}
    workcopy.clear(state)
    assert state["f_org"] == state["f_facts"] == state["f_plans"] == "" and state["f_kind"] == "年度总结"
    assert not {"sig_org", "draft_id", "draft_text", workcopy.LIVE} & set(state)
