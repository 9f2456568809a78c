"""The page through AppTest: the reviewer's read view with passage comments on selected spans and the
sentence-by-sentence facts, the writer seeing those comments on their spans (原文已修改 once edited away), and
opening saved drafts one after another, each with its own unsaved edit. (The selection itself and the typing
autosave run in the browser: tests/test_ui_e2e_page.py.)"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from drafter.view.signin import LOCAL_USER
from test_ui_app import _submitted_draft, data_dir, messages, new_page, service, type_text  # noqa: F401


def component_data(at: AppTest, key: str) -> dict:
    """The data the page gave an editor component (what the browser paints)."""
    import json

    for element in at.get("bidi_component"):
        if element.key == key:
            return json.loads(element.proto.json or element.proto.mixed.json)
    raise AssertionError(f"no component {key}")


def select_and_comment(at: AppTest, quote: str, comment: str) -> None:
    """What the read view sends when a reviewer selects `quote` and adds a comment (the component's trigger)."""
    from drafter.view import actions

    text = component_data(at, "review_view")["text"]
    pending = {"r_passages": list(at.session_state["r_passages"])}
    start = text.index(quote)
    selection = {"start": start, "end": start + len(quote), "quote": quote, "comment": comment}
    assert actions.add_passage(pending, text, selection)[0] == "success"
    at.session_state["r_passages"] = pending["r_passages"]
    at.run()


def review_page(draft_id: str):
    """A fresh page (a reload) on the reviewer's tab with the submitted draft picked."""
    at = new_page()
    at.selectbox(key="r_status").select("submitted").run()
    at.selectbox(key="r_pick").select(draft_id).run()
    return at


def test_the_writer_sees_the_reviewers_comments_on_their_spans_and_changed_ones_marked(data_dir):
    svc = service(data_dir)
    draft_id, writer, text = _submitted_draft(svc, ("86户", "68户"))
    at = review_page(draft_id)
    select_and_comment(at, "68户", "应为86户")
    select_and_comment(at, "举办竞赛3场", "写明竞赛名称")
    again = review_page(draft_id)  # a reload before the review is sent keeps the pending comments
    assert [n["quote"] for n in component_data(again, "review_view")["notes"] if n["pending"]] == ["68户", "举办竞赛3场"]
    at.text_area(key="r_comment").input("见批注").run()
    at.button(key="return").click().run()
    assert [p.quote for p in svc.get_draft(draft_id).reviews[-1].passages] == ["68户", "举办竞赛3场"]
    assert svc.load_working_copy(LOCAL_USER, "review:" + draft_id) is None, "sent: nothing pending any more"

    at.selectbox(key="s_pick").select(draft_id).run()
    at.button(key="s_open").click().run()
    notes = component_data(at, "editor")["notes"]
    assert [(n["quote"], n["stale"]) for n in notes] == [("68户", False), ("举办竞赛3场", False)]
    assert at.session_state["draft_text"][notes[0]["start"]:notes[0]["end"]] == "68户"
    type_text(at, at.session_state["draft_text"].replace("68户", "86户"))
    notes = component_data(at, "editor")["notes"]
    assert [(n["quote"], n["stale"]) for n in notes] == [("68户", True), ("举办竞赛3场", False)], "原文已修改"



def test_reviewer_returns_sees_changes_since_and_must_override_a_failing_draft(data_dir):
    svc = service(data_dir)
    draft_id, writer, text = _submitted_draft(svc, ("86户", "68户"))
    at = review_page(draft_id)
    assert any(e.startswith("发现") for e in messages(at, "error")), "the edited draft has a wrong number"
    at.button(key="return").click().run()
    assert any("请填写意见" in e for e in messages(at, "error"))
    select_and_comment(at, "68户", "应为86户")
    view = component_data(at, "review_view")
    assert [(n["quote"], n["pending"], n["stale"]) for n in view["notes"]] == [("68户", True, False)]
    assert view["can_comment"] and view["readonly"]
    sentence_table = next(t for t in at.table if "依据的事实" in str(t.value.columns.tolist()))
    assert any(str(v).startswith("事实第1条") for v in sentence_table.value["依据的事实"])
    at.button(key="return").click().run()
    assert any("已退回" in s for s in messages(at, "success"))
    assert svc.get_draft(draft_id).reviews[-1].passages[0].quote == "68户"

    svc.save_version(draft_id, text.replace("86户", "68户", 1).replace("。", "。补充一句。", 1), 2, writer)
    svc.submit(draft_id, writer)
    at.selectbox(key="r_status").select("submitted").run()
    at.selectbox(key="r_pick").select(draft_id).run()
    assert any("退回时的第 2 版" in h.value and "补充一句" in h.value for h in at.html), "changes since the return"
    at.button(key="approve").click().run()
    assert any("仍然通过" in e for e in messages(at, "error")) and svc.get_draft(draft_id).status == "submitted"
    at.checkbox(key="r_override").check().run()
    at.text_input(key="r_override_reason").input("68户为最新统计口径")
    at.button(key="approve").click().run()
    assert any("已通过" in s for s in messages(at, "success"))
    assert svc.get_draft(draft_id).reviews[-1].override_reason == "68户为最新统计口径"


def test_opening_draft_a_then_b_on_the_page_brings_back_each_ones_own_edit(data_dir):
    svc = service(data_dir)
    a, _, text_a = _submitted_draft(svc)
    b, _, text_b = _submitted_draft(svc, ("86户", "68户"))
    at = new_page()
    at.selectbox(key="s_pick").select(a).run()
    at.button(key="s_open").click().run()
    type_text(at, text_a + "\n甲稿未保存的修改。")
    at.selectbox(key="s_pick").select(b).run()
    at.button(key="s_open").click().run()
    assert at.session_state["draft_text"] == svc.get_draft(b).latest.text, "B opens with its own text"
    type_text(at, at.session_state["draft_text"] + "\n乙稿未保存的修改。")
    at.selectbox(key="s_pick").select(a).run()
    at.button(key="s_open").click().run()
    assert at.session_state["draft_text"] == text_a + "\n甲稿未保存的修改。"
    assert any("未保存的修改" in s for s in messages(at, "success"))
    at.selectbox(key="s_pick").select(b).run()
    at.button(key="s_open").click().run()
    assert at.session_state["draft_text"].endswith("乙稿未保存的修改。") and "甲稿" not in at.session_state["draft_text"]
    again = new_page()  # a reload: the draft open last, with its edit
    assert again.session_state["draft_id"] == b and again.session_state["draft_text"].endswith("乙稿未保存的修改。")
