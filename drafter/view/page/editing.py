"""Step 4 and 5 of the secretary: the checking editor, then save (a version), submit (for review) and export."""

from __future__ import annotations

import streamlit as st

from drafter.models import DraftRequest
from drafter.view import actions, marks, passages, trace_panel, workcopy
from drafter.view import labels as vl
from drafter.view import review as vr
from drafter.view.editor import draft_editor, sent_doc
from drafter.view import replies as vrep
from drafter.view.page import answering
from drafter.view.page.conflict import conflict_box, kept_other
from drafter.view.safe import plain
from drafter.view.page.common import flash, show_flash, ss
from drafter.view.page.history import history, kept_text, stale_box

EDITOR_KEY = "editor"


def _take_doc() -> None:
    """The editor sent a new text: it becomes the session's draft text (if it answers the current revision)."""
    doc = sent_doc(ss, EDITOR_KEY)
    if doc and doc.get("revision") == ss.get("editor_rev", 0):
        ss.draft_text = doc["text"]


def current_check(svc):
    """(request, check, usage) of the editor's text, or None and an error shown."""
    request = DraftRequest.model_validate(ss.request)
    try:
        check = svc.check_text(request, ss.draft_text, judged="cached")  # the judge's stored verdicts, no call
    except Exception as exc:  # noqa: BLE001
        st.error(plain(actions.error_text(exc)))
        return None
    return request, check, vr.usages(request.facts, ss.draft_text, check)


@st.fragment
def editor_panel(svc, user) -> None:
    """Rechecked on every pause in typing: only this part of the page reruns."""
    st.subheader("4. 编辑与核对", anchor="draft-editor")
    _autosave(svc, user)  # first: a newer copy from another tab is shown before anything else
    conflict_box("editor")
    kept_other()
    checked = current_check(svc)
    if checked is None:
        return
    request, check, usage = checked
    ok, line = marks.verdict(check, usage)
    (st.success if ok else st.error)(line)
    payload = marks.editor_payload(ss.draft_text, ss.get("editor_rev", 0), check, request.facts, usage,
                                   readonly=not user.writes)
    payload["scroll"] = ss.get("scroll_to_editor", 0)
    payload["notes"] = passages.notes(_reviews(svc), [], ss.draft_text)
    draft_editor(payload, key=EDITOR_KEY, on_change=_take_doc)
    st.caption("停顿约 0.3 秒自动核对；点按或悬停在彩色文字上可看到原因；Ctrl+Z 可撤销。每次修改都会自动暂存，"
               "刷新页面或换一台电脑登录也不会丢失；“保存版本”才会生成新版本。")


def _autosave(svc, user) -> None:
    try:
        workcopy.autosave(ss, svc, user.name)
    except Exception as exc:  # noqa: BLE001 - autosave trouble is shown, the text stays in the editor
        st.warning(plain(f"自动暂存失败：{actions.error_text(exc)}"))


def _reviews(svc) -> list:
    """The open draft's reviews, whose passage comments the editor shows on the text (none before a save, and none
    for a draft that is not there: the save panel says so)."""
    detail = _detail(svc, ss.get("draft_id"), quiet=True)
    return list(detail.reviews) if detail is not None else []


def save_panel(svc, user) -> None:
    st.subheader("5. 保存、提交与导出")
    draft_id = ss.get("draft_id")
    detail = _detail(svc, draft_id)
    if detail is not None:
        status_line(detail)
        answering.reply_panel(svc, user, detail)
    elif draft_id:  # deleted, or not within the user's organisation: the text and form stay, and can be kept
        gone_box(svc)
        return
    c1, c2, c3 = st.columns(3)
    c1.button("保存版本", key="save", on_click=lambda: flash("save", actions.save(ss, svc, user)),
              disabled=not user.writes)
    can_submit = detail is None or detail.status in ("draft", "returned")
    c2.button("提交审核", key="submit", type="primary", disabled=not (user.writes and can_submit),
              on_click=lambda: answering.submit(svc, user))
    c3.button("导出 Word…", key="export_toggle", disabled=not draft_id,
              on_click=lambda: ss.update(export_open=not ss.get("export_open")))
    show_flash("save")
    answering.confirm_button(svc, user)
    if not draft_id:
        st.caption("尚未保存；保存后可提交审核、导出 Word 和查看版本历史")
        return
    if ss.get("draft_text") != ss.get("saved_text"):
        st.caption(f"有未保存的修改（已自动暂存）；导出和提交的是已保存的版本（第 {ss.base_version} 版）")
    if ss.get("export_open"):
        export_box(svc, detail)
    word_import(svc, user)
    if ss.get("stale"):
        stale_box(svc, draft_id)
    kept_text()
    reviews_box(detail)
    history(svc, draft_id, user)
    if user.admin:
        trace_panel.render(st, svc, draft_id)


def _detail(svc, draft_id, quiet: bool = False):
    if not draft_id:
        return None
    try:
        return svc.get_draft(draft_id)
    except Exception as exc:  # noqa: BLE001
        if not quiet:
            st.error(plain(actions.error_text(exc)))
        return None


def gone_box(svc) -> None:
    """The open draft is not there for this user (NotFound: deleted, or another organisation's, the same words):
    the editor's text and the form stay; they can be saved as a new draft of the user's own."""
    st.caption("编辑框和表单中的内容仍然保留：可以另存为一份新稿件，或复制后使用。")
    st.button("另存为新稿件", key="save_as_new", on_click=lambda: flash("save", actions.save_as_new(ss, svc)))
    show_flash("save")


def word_import(svc, user) -> None:
    """A .docx exported here and edited in Word or WPS comes back as a new version."""
    with st.expander("导入在 Word / WPS 中修改过的稿件"):
        st.caption("选择从这里导出、在 Word 或 WPS 中修改并保存的 .docx 文件：正文会成为新的版本并重新核对。")
        st.file_uploader("选择 .docx 文件", type=["docx"], key=f"word_in_{ss.get('word_in', 0)}",
                         on_change=lambda: _take_word(svc, user), disabled=not user.writes)
        show_flash("word")


def _take_word(svc, user) -> None:
    key = f"word_in_{ss.get('word_in', 0)}"
    upload = ss.get(key)
    if upload is None:
        return
    flash("word", actions.import_word(ss, svc, upload.name, upload.getvalue(), user))
    ss.word_in = int(ss.get("word_in", 0)) + 1  # a fresh uploader: the same file can be taken in again


def status_line(detail) -> None:
    label = vl.draft_status_label(detail.status)
    voided = [r for r in detail.reviews if getattr(r, "voided", False) and r.decision == "approve"]
    text = f"稿件状态：**{label}** · 最新第 {detail.latest.number} 版"
    if detail.status == "draft" and voided:
        text += " · ⚠️ 之前的审核通过已失效（通过后稿件又被修改），需要重新提交审核"
    st.markdown(text)


def reviews_box(detail) -> None:
    for r in detail.reviews if detail else []:
        line = vl.review_line(r)
        if r.passages:
            line += f"（另有 {len(r.passages)} 条批注，见正文下方）"
        if r.replies:
            line += f"。您的回复：{vrep.summary(r)}"
        (st.success if r.decision == "approve" and not getattr(r, "voided", False) else st.warning)(plain(line))


def export_box(svc, detail) -> None:
    """Signature lines editable, and a warning to confirm when the saved version's check has problems."""
    from drafter.documents.export_docx import export_version
    from drafter.documents.paragraphs import chinese_date

    with st.container(border=True, key="export_box"):
        c1, c2 = st.columns(2)
        ss.setdefault("sig_org", detail.org)  # kept (and autosaved) per draft; drafter.view.page.autosave
        ss.setdefault("sig_date", chinese_date(detail.latest.created_at, ss.get("tz")))
        org = c1.text_input("落款单位", key="sig_org")
        date_text = c2.text_input("落款日期", key="sig_date")
        check = detail.latest.check
        problems = vl.problem_parts(check)
        if problems:
            st.warning(f"第 {detail.latest.number} 版核对没有通过：{'，'.join(problems)}。导出前请确认这些问题已处理或确实无误。")
            if not st.checkbox("我已知晓这些问题，仍要导出", key="export_ack"):
                return
        name, data = export_version(detail, detail.latest, org=org.strip() or detail.org,
                                    date_text=date_text.strip() or None, zone_name=ss.get("tz"))
        st.download_button("下载 Word 文件", key="export", data=data, file_name=name,
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           on_click="ignore")
