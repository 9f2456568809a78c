"""The reviewer's tab: submitted drafts, facts ↔ draft (each fact, and each sentence with the facts it draws on),
changes since the reviewer returned it, passage comments (批注: select text in the read view, then 添加批注), and
通过 / 退回 (approving a failing draft needs an explicit override with a reason)."""

from __future__ import annotations

import streamlit as st

from drafter.view import actions, marks, passages, workcopy
from drafter.view import highlight as vh
from drafter.view import labels as vl
from drafter.view import review as vr
from drafter.view import sentences as vs
from drafter.view.diff import side_by_side_html
from drafter.view.editor import draft_editor, sent_event
from drafter.view.page import answering
from drafter.view.safe import plain
from drafter.view.page.common import flash, show_flash, ss, table

STATUS_CHOICES = ["submitted", "returned", "approved", "draft", None]
READ_KEY = "review_view"


def drafts_picker(svc, area: str, status: str | None) -> str | None:
    """A list of saved drafts (optionally filtered by status); returns the chosen id."""
    try:
        page = svc.list_drafts(status=status, limit=100)
    except Exception as exc:  # noqa: BLE001
        st.error(plain(actions.error_text(exc)))
        return None
    if not page.items:
        st.info("没有符合条件的稿件")
        return None
    labels = {d.id: vl.draft_label(d) for d in page.items}
    return st.selectbox("选择稿件", list(labels), format_func=labels.get, key=f"{area}_pick")


def reviewer(svc, user) -> None:
    status = st.selectbox("按状态筛选", STATUS_CHOICES, key="r_status",
                          format_func=lambda s: vl.draft_status_label(s) if s else "全部")
    draft_id = drafts_picker(svc, "r", status)
    if not draft_id:
        show_flash("review")
        return
    try:
        detail = svc.get_draft(draft_id)
        request, text = detail.request, detail.latest.text
        check = svc.check_text(request, text, judged="cached")  # as judged on submit (no model call)
    except Exception as exc:  # noqa: BLE001
        st.error(plain(actions.error_text(exc)))
        return
    pending_passages(svc, user, draft_id, detail.latest.number)
    usage = vr.usages(request.facts, text, check)
    ok, line = marks.verdict(check, usage)
    st.markdown(f"#### {plain(detail.title)}")
    st.caption(plain(f"{request.org} · {request.period} · {vl.KIND_LABELS.get(request.kind, request.kind)} · "
                     f"第 {detail.latest.number} 版（{detail.latest.author}） · 状态：{vl.draft_status_label(detail.status)}"))
    (st.success if ok else st.error)(line)
    since_return(svc, draft_id)
    answering.replies_box(detail, text)
    st.markdown("**事实 ↔ 初稿对照**")
    table(vr.fact_rows(usage, text, check), "没有事实")
    sentence_view(text, check, request.facts, usage)
    options = vr.fact_options(usage)
    chosen = st.selectbox("在正文中高亮某条事实", [None, *options], key="r_focus",
                          format_func=lambda o: "（不高亮）" if o is None else o)
    focus = vr.focus_spans(usage, check, options.get(chosen) if chosen else None)
    read_view(detail, text, check, request.facts, usage, focus, user)
    with st.expander("每个数字的核对结果"):
        table(vh.number_rows(check, request.facts, only_problems=False), "正文中没有数字")
    review_form(svc, detail, failing=not ok, user=user)
    save_pending(svc, user, draft_id, detail.latest.number)


def sentence_view(text: str, check, facts, usage) -> None:
    """Each sentence with the fact lines it draws on; facts no sentence draws on below (未写入)."""
    with st.expander("逐句对照：每句话依据哪条事实", expanded=True):
        table(vs.sentence_rows(text, check, facts), "正文中没有句子")
        unused = vs.unused_fact_rows(check, facts, [u.fact_line for u in usage if not u.used])
        if unused:
            table(unused, "")
        else:
            st.caption("每条事实都有句子写到")


def pending_passages(svc, user, draft_id: str, version: int) -> None:
    """Pending comments belong to one draft version and are autosaved (a reload or switching drafts keeps them)."""
    key = f"{draft_id}:{version}"
    if ss.get("r_passages_for") != key:
        try:
            ss.r_passages = workcopy.load_review(svc, user.name, draft_id, version)
        except Exception as exc:  # noqa: BLE001 - shown; new comments can still be added
            st.warning(plain(f"未能读取暂存的批注：{actions.error_text(exc)}"))
            ss.r_passages = []
        ss.r_passages_for, ss.r_passages_saved = key, list(ss.r_passages)


def save_pending(svc, user, draft_id: str, version: int) -> None:
    passages = list(ss.get("r_passages") or [])
    if passages == ss.get("r_passages_saved"):
        return
    try:
        workcopy.save_review(svc, user.name, draft_id, version, passages)
        ss.r_passages_saved = passages
    except Exception as exc:  # noqa: BLE001 - the comments stay in this session
        st.warning(plain(f"批注自动暂存失败：{actions.error_text(exc)}"))


def read_view(detail, text: str, check, facts, usage, focus, user) -> None:
    """The draft, read-only, in the editor component: coloured numbers and claims with their problem list, the
    chosen fact outlined, and passage comments (a reviewer selects text, then 添加批注)."""
    st.markdown("**正文**" + ("（选中一段文字即可添加批注）" if user.reviews else ""))
    payload = marks.editor_payload(text, f"{detail.id}:{detail.latest.number}", check, facts, usage, readonly=True)
    notes = passages.notes(detail.reviews, ss.get("r_passages", []), text)
    payload.update(notes=notes, can_comment=user.reviews, focus=[list(span) for span in focus])
    draft_editor(payload, key=READ_KEY,
                 on_comment=lambda: flash("passage", actions.add_passage(ss, text, sent_event(ss, READ_KEY, "comment"))),
                 on_drop=lambda: flash("passage", actions.drop_passage(
                     ss, (sent_event(ss, READ_KEY, "drop") or {}).get("id", ""))))
    show_flash("passage")


def since_return(svc, draft_id: str) -> None:
    """The changes since the version the reviewer returned, side by side."""
    try:
        diff = svc.diff_since_return(draft_id)
        if diff is None:
            return
        before = svc.get_version(draft_id, diff.from_version).text
        after = svc.get_version(draft_id, diff.to_version).text
    except Exception as exc:  # noqa: BLE001
        st.error(plain(actions.error_text(exc)))
        return
    with st.expander(f"退回后的修改（第 {diff.from_version} 版 → 第 {diff.to_version} 版）", expanded=True):
        st.html(side_by_side_html(before, after, f"退回时的第 {diff.from_version} 版", f"现在的第 {diff.to_version} 版"))


def review_form(svc, detail, failing: bool, user) -> None:
    st.markdown("**审核**")
    for r in detail.reviews:
        st.caption(plain(vl.review_line(r)))
    if not user.reviews:
        st.info("您的账号没有审核权限")
        return
    st.text_area("审核意见（退回时填写意见或批注）", key="r_comment", height=90)
    if failing:
        st.checkbox("核对没有通过，仍然通过（需要填写理由，理由会记录在审核意见中）", key="r_override")
        if ss.get("r_override"):
            st.text_input("仍然通过的理由", key="r_override_reason")
    submitted = detail.status == "submitted"
    if not submitted:
        st.caption("这份稿件尚未提交（或已审核）；通常只审核“已提交”的稿件")
    c1, c2, _ = st.columns([1, 1, 3])
    c1.button("通过", key="approve", type="primary", on_click=lambda: decide(svc, detail, "approve", user, failing))
    c2.button("退回", key="return", on_click=lambda: decide(svc, detail, "return", user, failing))
    show_flash("review")


def decide(svc, detail, decision: str, user, failing: bool) -> None:
    """通过 / 退回 with the comments; once recorded, the pending comments' autosave slot is emptied."""
    level, message = actions.review(ss, svc, detail.id, decision, user, failing=failing and decision == "approve")
    if level == "success":
        ss.r_passages_saved = []
        try:
            workcopy.save_review(svc, user.name, detail.id, detail.latest.number, [])
        except Exception as exc:  # noqa: BLE001 - the review is recorded; only the empty slot stays behind
            message += f"（暂存的批注未能清除：{actions.error_text(exc)}）"
    flash("review", (level, message))
