"""Replies to a returned review (批注回复) on the page: the writer answers each comment (已修改 / 未采纳 with a
reason), her answers are autosaved as she types and sent with 提交审核 (unanswered comments are counted and need a
confirmation); the reviewer sees each comment with its reply and a summary line."""

from __future__ import annotations

import streamlit as st

from drafter.view import actions
from drafter.view import replies as vrep
from drafter.view.safe import plain
from drafter.view.page.common import flash, ss, table

TYPED = "rp_typed"  # typed-but-uncommitted reply texts (drafter.view.live), with the committed text they were typed over


def _keys(review_id: int, target: str) -> tuple[str, str]:
    return f"rp_state_{review_id}_{target}", f"rp_text_{review_id}_{target}"


def _detail(svc):
    try:
        return svc.get_draft(ss["draft_id"]) if ss.get("draft_id") else None
    except Exception:  # noqa: BLE001 - the save panel shows the error
        return None


def _load(svc, user, draft_id: str, review) -> None:
    """Once per (draft, review): the autosaved answers (else the stored replies) become the pending ones."""
    marker = f"{draft_id}:{review.id}"
    if ss.get("rp_for") == marker:
        return
    try:
        items = vrep.load_pending(svc, user.name, draft_id, review)
    except Exception as exc:  # noqa: BLE001 - shown; new answers can still be typed
        st.warning(plain(f"未能读取暂存的回复：{actions.error_text(exc)}"))
        items = {}
    for target in vrep.targets(review):
        for key in _keys(review.id, target["key"]):
            ss.pop(key, None)
    ss.update(rp_for=marker, rp_items=items, rp_saved=dict(items), rp_review=review.id, rp_confirm=False)
    ss[TYPED] = {}


def current(review) -> dict[str, dict]:
    """The answers as the writer sees them: the widgets' values, or a newer text typed into a box not yet left."""
    items, typed = dict(ss.get("rp_items") or {}), ss.get(TYPED) or {}
    for target in vrep.targets(review):
        state_key, text_key = _keys(review.id, target["key"])
        kept = items.get(target["key"]) or {}
        text = ss[text_key] if text_key in ss else kept.get("text", "")
        live = typed.get(text_key)
        if live is not None and live.get("base") == text:
            text = live["value"]
        state = ss[state_key] if state_key in ss else kept.get("state", "")
        items[target["key"]] = {"state": state or "", "text": text or ""}
    return items


def take_typed(values: dict[str, str]) -> None:
    """Reply texts typed before the box committed (the page's live listener); kept beside the committed text."""
    live = dict(ss.get(TYPED) or {})
    for key, value in values.items():
        if key.startswith("rp_text_") and isinstance(value, str):
            live[key] = {"value": value, "base": ss.get(key, "")}
    ss[TYPED] = live


def typed_keys() -> list[str]:
    return list(ss.get("rp_typed_keys") or [])


def autosave(svc, user) -> None:
    """Store the pending answers when they changed (a working copy, not a reply yet)."""
    review_id = ss.get("rp_review")
    if review_id is None or ss.get("rp_for") != f"{ss.get('draft_id')}:{review_id}":
        return  # no answers open for the draft shown
    detail = _detail(svc)
    review = vrep.answerable(detail) if detail is not None else None
    if review is None or review.id != review_id:
        return
    items = current(review)
    ss.rp_items = items
    if items == ss.get("rp_saved"):
        return
    try:
        vrep.save_pending(svc, user.name, detail.id, review.id, items)
        ss.rp_saved = dict(items)
    except Exception as exc:  # noqa: BLE001 - the answers stay in this session
        st.warning(plain(f"回复自动暂存失败：{actions.error_text(exc)}"))


def reply_panel(svc, user, detail) -> None:
    """The writer's answers to the latest returned review, one box per comment (原文已修改 where the quote is gone)."""
    review = vrep.answerable(detail)
    ss.rp_typed_keys = []
    if review is None or not vrep.targets(review):
        return
    if not vrep.may_answer(user, detail):
        st.caption(plain(f"审核意见由起草人（{detail.owner}）回复"))
        return
    _load(svc, user, detail.id, review)
    st.markdown("**回复审核意见与批注**（随“提交审核”一起送出；未采纳的请写明理由）")
    text, items = ss.get("draft_text") or "", ss.get("rp_items") or {}
    for target in vrep.targets(review):
        state_key, text_key = _keys(review.id, target["key"])
        kept = items.get(target["key"]) or {}
        ss.setdefault(state_key, kept.get("state", ""))
        ss.setdefault(text_key, kept.get("text", ""))
        with st.container(border=True, key=f"rp_box_{review.id}_{target['key']}"):
            st.markdown(plain(_heading(target, text)))
            st.radio("处理结果", vrep.STATE_OPTIONS, key=state_key, horizontal=True,
                     format_func=vrep.STATE_LABELS.get)
            st.text_area("回复（选填；未采纳时必填）", key=text_key, max_chars=2000, height=68)
        ss.rp_typed_keys.append(text_key)
    autosave(svc, user)
    _, unanswered, _ = vrep.to_send(ss.rp_items, review)
    st.caption(f"共 {len(vrep.targets(review))} 条意见，{unanswered} 条未回复。回复随修改自动暂存，刷新页面不会丢失。")


def _heading(target: dict, text: str) -> str:
    if target["passage"] is None:
        return f"总体意见：{target['comment']}"
    gone = vrep.anchor(target["quote"], target["start"], text) is None
    quote = target["quote"][:60] + ("…" if len(target["quote"]) > 60 else "")
    return (f"批注 {target['passage'] + 1}：“{quote}”{'（' + vrep.STALE_LABEL + '）' if gone else ''}"
            f" —— {target['comment']}")


def _check_fails(svc) -> str | None:
    """The verdict line when the text to submit fails its check (and the writer has not confirmed this text)."""
    from drafter.models import DraftRequest
    from drafter.view import marks
    from drafter.view import review as vr

    text = ss.get("draft_text") or ""
    if not ss.get("request") or not text or ss.get("fail_ok_text") == text:
        return None
    try:
        request = DraftRequest.model_validate(ss.request)
        check = svc.check_text(request, text)
        ok, line = marks.verdict(check, vr.usages(request.facts, text, check))
    except Exception:  # noqa: BLE001 - the submit itself reports a broken store
        return None
    return None if ok else line


def confirm_failing(svc, user) -> None:
    ss.fail_ok_text, ss.fail_confirm = ss.get("draft_text"), False
    submit(svc, user)


def submit(svc, user, confirmed: bool = False) -> None:
    """提交审核 with the answers; a failing check asks first (as export does), unanswered comments are counted
    and need 仍然提交, bad answers are named."""
    failing = _check_fails(svc)
    if failing:
        ss.fail_confirm = True
        flash("save", ("warning", f"核对没有通过：{failing}。审核人会看到这些问题。确定要提交吗？"
                                  "点“仍然提交（核对未通过）”提交，或先修改。"))
        return
    ss.fail_confirm = False
    detail = _detail(svc)
    review = vrep.answerable(detail) if detail is not None else None
    if review is None or not vrep.targets(review) or not vrep.may_answer(user, detail):
        flash("save", actions.submit(ss, svc, user))
        return
    items = current(review)
    ss.rp_items = items
    replies, unanswered, problems = vrep.to_send(items, review)
    if problems:
        flash("save", ("error", "未提交：" + "；".join(problems)))
        return
    if unanswered and not confirmed:
        ss.rp_confirm = True
        total = len(vrep.targets(review))
        flash("save", ("warning", f"还有 {unanswered} 条意见未回复（共 {total} 条）。确定不回复就提交吗？"
                                  "点“仍然提交”提交，或先填写回复。"))
        return
    level, message = actions.submit(ss, svc, user, replies=(review.id, replies))
    if level == "success":
        ss.rp_confirm, ss.rp_for = False, None
        message += f"；已送出 {len(replies)} 条回复" + (f"，{unanswered} 条意见未回复" if unanswered else "")
        try:
            vrep.discard_pending(svc, user.name, detail.id)
        except Exception as exc:  # noqa: BLE001 - the replies are sent; only the autosave slot stays behind
            message += f"（暂存的回复未能清除：{actions.error_text(exc)}）"
    flash("save", (level, message))


def confirm_button(svc, user) -> None:
    if ss.get("fail_confirm"):
        st.button("仍然提交（核对未通过）", key="submit_failing", on_click=lambda: confirm_failing(svc, user))
    elif ss.get("rp_confirm"):
        st.button("仍然提交（部分意见未回复）", key="submit_anyway", on_click=lambda: submit(svc, user, confirmed=True))


def replies_box(detail, text: str) -> None:
    """For the reviewer: the latest 退回's comments with the writer's replies, and a summary line."""
    returns = [r for r in detail.reviews if r.decision == "return" and vrep.targets(r)]
    if not returns:
        return
    review = returns[-1]
    st.markdown("**上次退回的意见与起草人的回复**" + plain(f"（{review.reviewer}，第 {review.version} 版退回）"))
    st.info(plain(vrep.summary(review)))
    table(vrep.reply_rows(review, text, ss.get("tz")), "")
