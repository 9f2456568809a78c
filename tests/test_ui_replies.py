"""Replies to a returned review (批注回复) on the page: the writer answers two comments, a reload brings her answers
back, 提交审核 counts the unanswered one and asks, and the reviewer sees each reply with 原文已修改 and the summary
line. The pure parts (what is sent, the summary, the notes on the text) are tested without a page."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from drafter.domain.records import CommentReply, PassageComment, ReviewInfo
from drafter.domain.review_rules import Actor
from drafter.view import passages
from drafter.view import replies as vrep
from drafter.view.signin import LOCAL_USER
from test_ui_app import _submitted_draft, data_dir, messages, new_page, service, type_text  # noqa: F401
from test_ui_app_review import component_data, review_page

NOW = datetime.now(timezone.utc)


def _review(*replies: CommentReply, comment: str = "请核对") -> ReviewInfo:
    items = [PassageComment(start=0, end=3, quote="68户", comment="应为86户"),
             PassageComment(start=5, end=9, quote="举办竞赛", comment="写明名称"),
             PassageComment(start=12, end=14, quote="3场", comment="核对场次")]
    return ReviewInfo(id=4, decision="return", comment=comment, reviewer="王审核", created_at=NOW, version=2,
                      passages=items, replies=list(replies))


def _reply(passage, state, text="") -> CommentReply:
    return CommentReply(passage=passage, state=state, text=text, author="张秘书", version=3, created_at=NOW)


def test_what_is_sent_the_unanswered_count_and_the_problems_named():
    review = _review()
    pending = {"0": {"state": "revised", "text": ""}, "1": {"state": "declined", "text": " 名称见附件 "},
               "2": {"state": "", "text": ""}}
    replies, unanswered, problems = vrep.to_send(pending, review)
    assert [(r.passage, r.state, r.text) for r in replies] == [(0, "revised", ""), (1, "declined", "名称见附件")]
    assert (unanswered, problems) == (2, []), "the overall comment and passage 3 are unanswered"
    bad = {**pending, "1": {"state": "declined", "text": ""}, "2": {"state": "", "text": "写了没选"}}
    _, _, problems = vrep.to_send(bad, review)
    assert problems == ["批注 2：选择“未采纳”时请填写说明，告诉审核人为什么不修改", "批注 3写了回复，请选择“已修改”或“未采纳”"]


def test_the_summary_line_and_each_comment_with_its_reply_and_whether_its_quote_is_still_there():
    review = _review(_reply(0, "revised", "已改"), _reply(1, "revised"), _reply(2, "declined", "3场无误"),
                     _reply(None, "revised"))
    assert vrep.summary(review) == "3 条批注：2 条已修改，1 条未采纳（附说明）；总体意见：已修改"
    assert vrep.summary(_review(_reply(0, "revised"), comment="")) == "3 条批注：1 条已修改，2 条未回复"
    rows = vrep.reply_rows(review, "86户。举办竞赛3场")
    assert [r["批注"] for r in rows] == ["总体意见", "“68户”（原文已修改）", "“举办竞赛”", "“3场”"]
    assert rows[3]["回复"] == "未采纳：3场无误（张秘书，第 3 版）" and rows[2]["回复"] == "已修改（张秘书，第 3 版）"
    assert rows[3]["回复时间"] == NOW.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%m-%d %H:%M"), "the user's zone"
    assert vrep.reply_rows(_review(), "")[1]["回复时间"] == "—"
    notes = passages.notes([review], [], "68户。举办竞赛3场")
    assert notes[0]["reply"] == "回复（张秘书，第 3 版）：已修改：已改"
    assert passages.note_lines(notes)[2].endswith("；回复（张秘书，第 3 版）：未采纳：3场无误")


def _returned(svc):
    """A draft by 张秘书 with a wrong number, returned with an overall comment and two passage comments."""
    draft_id, writer, text = _submitted_draft(svc, ("86户", "68户"))
    wrong = svc.get_draft(draft_id).latest.text
    marks = [{"start": wrong.index(q), "end": wrong.index(q) + len(q), "quote": q, "comment": c}
             for q, c in (("68户", "应为86户"), ("举办竞赛3场", "写明竞赛名称"))]
    review = svc.review(draft_id, "return", "请核对数字", Actor("王审核", "reviewer"), passages=marks).reviews[-1]
    return draft_id, review.id, wrong


def test_the_writer_answers_reloads_finds_her_answers_submits_and_the_reviewer_sees_them(data_dir):
    svc = service(data_dir)
    draft_id, review_id, wrong = _returned(svc)
    at = new_page()
    at.selectbox(key="s_pick").select(draft_id).run()
    at.button(key="s_open").click().run()
    assert at.radio(key=f"rp_state_{review_id}_0").value == "" and at.text_area(key=f"rp_text_{review_id}_o")
    type_text(at, at.session_state["draft_text"].replace("68户", "86户"))
    assert any("批注 1：“68户”（原文已修改）" in m.value for m in at.markdown), "the fixed quote is marked for her"
    at.radio(key=f"rp_state_{review_id}_0").set_value("revised")
    at.text_area(key=f"rp_text_{review_id}_0").input("已改为86户")
    at.radio(key=f"rp_state_{review_id}_1").set_value("declined").run()
    at.button(key="submit").click().run()
    assert any("批注 2：选择“未采纳”时请填写说明" in e for e in messages(at, "error"))
    assert svc.get_draft(draft_id).status == "returned", "nothing sent"
    at.text_area(key=f"rp_text_{review_id}_1").input("竞赛名称较长，正文从简").run()
    assert svc.load_working_copy(LOCAL_USER, vrep.slot(draft_id)).form["replies"]["1"]["state"] == "declined"

    again = new_page()  # a reload: the open draft, its edit and the answers come back
    assert again.session_state["draft_id"] == draft_id and "86户" in again.session_state["draft_text"]
    assert again.radio(key=f"rp_state_{review_id}_0").value == "revised"
    assert again.text_area(key=f"rp_text_{review_id}_0").value == "已改为86户"
    assert again.radio(key=f"rp_state_{review_id}_1").value == "declined"
    assert again.text_area(key=f"rp_text_{review_id}_1").value == "竞赛名称较长，正文从简"
    again.button(key="submit").click().run()
    assert any("还有 1 条意见未回复（共 3 条）" in w for w in messages(again, "warning"))
    assert svc.get_draft(draft_id).status == "returned", "asked first: nothing saved or sent yet"
    again.button(key="submit_anyway").click().run()
    assert any("已提交第 3 版" in s and "已送出 2 条回复" in s for s in messages(again, "success")), messages(again, "success")
    detail = svc.get_draft(draft_id)
    assert detail.status == "submitted" and detail.latest.number == 3
    assert [(r.passage, r.state, r.text, r.author, r.version) for r in detail.reviews[-1].replies] == [
        (0, "revised", "已改为86户", LOCAL_USER, 3), (1, "declined", "竞赛名称较长，正文从简", LOCAL_USER, 3)]
    assert svc.load_working_copy(LOCAL_USER, vrep.slot(draft_id)) is None, "sent: nothing pending"
    assert not [r for r in again.get("radio") if (r.key or "").startswith("rp_")], "a submitted draft takes no more answers"

    reviewer = review_page(draft_id)
    assert "2 条批注：1 条已修改，1 条未采纳（附说明）；总体意见：未回复" in messages(reviewer, "info")
    rows = next(t for t in reviewer.table if "回复" in t.value.columns.tolist()).value
    assert rows["批注"].tolist() == ["总体意见", "“68户”（原文已修改）", "“举办竞赛3场”"]
    assert rows["回复"].tolist() == ["未回复", f"已修改：已改为86户（{LOCAL_USER}，第 3 版）",
                                   f"未采纳：竞赛名称较长，正文从简（{LOCAL_USER}，第 3 版）"]
    notes = component_data(reviewer, "review_view")["notes"]
    assert [(n["quote"], n["stale"], n.get("reply")) for n in notes] == [
        ("68户", True, f"回复（{LOCAL_USER}，第 3 版）：已修改：已改为86户"),
        ("举办竞赛3场", False, f"回复（{LOCAL_USER}，第 3 版）：未采纳：竞赛名称较长，正文从简")], "on the text too"


def test_only_the_owner_answers_only_the_latest_return_of_a_draft_not_yet_resubmitted():
    from types import SimpleNamespace

    approve = _review().model_copy(update={"id": 5, "decision": "approve"})
    draft = SimpleNamespace(status="returned", owner="张秘书", reviews=[_review()])
    assert vrep.answerable(draft).id == 4
    assert vrep.answerable(SimpleNamespace(status="draft", owner="张秘书", reviews=[_review()])).id == 4
    assert vrep.answerable(SimpleNamespace(status="submitted", owner="张秘书", reviews=[_review()])) is None
    assert vrep.answerable(SimpleNamespace(status="draft", owner="张秘书", reviews=[_review(), approve])) is None
    assert vrep.may_answer(Actor("张秘书", "writer"), draft) and vrep.may_answer(Actor(LOCAL_USER, "local"), draft)
    assert not vrep.may_answer(Actor("李干事", "writer"), draft) and not vrep.may_answer(Actor("周编辑", "editor"), draft)


class _State(dict):
    """A session-state stand-in (attribute and item access)."""

    __getattr__ = dict.get

    def __setattr__(self, name, value):
        self[name] = value


def test_a_reply_typed_but_not_yet_committed_is_what_is_kept_until_the_box_commits(monkeypatch):
    from drafter.view.page import answering

    state = _State(rp_items={"0": {"state": "revised", "text": "旧"}}, rp_text_4_0="旧", rp_state_4_0="revised")
    monkeypatch.setattr(answering, "ss", state)
    review = _review()
    answering.take_typed({"rp_text_4_0": "正在输入的回复", "f_org": "不是回复框"})
    assert answering.current(review)["0"] == {"state": "revised", "text": "正在输入的回复"}
    assert answering.current(review)["o"] == {"state": "", "text": ""}
    state["rp_text_4_0"] = "提交后的文字"  # the box committed (or was rewritten): the committed value is newer
    assert answering.current(review)["0"]["text"] == "提交后的文字"
