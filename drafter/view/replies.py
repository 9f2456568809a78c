"""Replies to a returned review's comments (批注回复) on the page, without streamlit: which review the writer
answers, her pending answers (autosaved as a working copy until 提交审核), what is sent, and what the reviewer sees
(each comment with its reply, and whether its quote is still in the submitted text: 原文已修改).

Pending answers are keyed by target: "o" for the overall comment, "0", "1" … for the passage comments; each is
{"state": "" | "revised" | "declined", "text": str}.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from drafter.domain.records import REPLY_STATE_LABELS, ReplyInput, WorkingCopy
from drafter.view.passages import STALE_LABEL, anchor
from drafter.domain.times import local

OVERALL = "o"
STATE_OPTIONS = ("", "revised", "declined")
STATE_LABELS = {"": "未回复", **REPLY_STATE_LABELS}


def slot(draft_id: str) -> str:
    """The working-copy slot of the writer's pending replies to a draft's latest return."""
    return f"replies:{draft_id}"


def answerable(detail: Any):
    """The review the writer may answer: the latest one, when it is a 退回 and the draft is not resubmitted."""
    reviews = list(getattr(detail, "reviews", None) or [])
    if not reviews or getattr(detail, "status", None) not in ("returned", "draft"):
        return None
    latest = reviews[-1]
    return latest if latest.decision == "return" and latest.id is not None else None


def may_answer(user: Any, detail: Any) -> bool:
    """Only the draft's owner answers (the one-person local user owns everything)."""
    return getattr(user, "role", None) == "local" or getattr(user, "name", None) == getattr(detail, "owner", None)


def targets(review: Any) -> list[dict]:
    """The comments of a review that take a reply: the overall comment (if any), then each passage comment."""
    out = []
    if (review.comment or "").strip():
        out.append({"key": OVERALL, "passage": None, "quote": "", "start": 0, "comment": review.comment})
    for index, passage in enumerate(review.passages or []):
        out.append({"key": str(index), "passage": index, "quote": passage.quote, "start": passage.start,
                    "comment": passage.comment})
    return out


def stored_pending(review: Any) -> dict[str, dict]:
    """The replies already stored for the review, as pending answers (the API may have written them)."""
    return {(OVERALL if r.passage is None else str(r.passage)): {"state": r.state, "text": r.text}
            for r in review.replies or []}


def load_pending(svc, user: str, draft_id: str, review: Any) -> dict[str, dict]:
    """The writer's autosaved answers to this review, else the stored replies."""
    copy = svc.load_working_copy(user, slot(draft_id))
    if copy is not None and copy.base_version == review.id:
        saved = copy.form.get("replies")
        if isinstance(saved, Mapping):
            return {str(k): {"state": str(v.get("state") or ""), "text": str(v.get("text") or "")}
                    for k, v in saved.items() if isinstance(v, Mapping)}
    return stored_pending(review)


def save_pending(svc, user: str, draft_id: str, review_id: int, pending: Mapping[str, Mapping]) -> None:
    """Autosave the answers (never a version, nothing sent): the working copy slot replies:<draft>."""
    svc.save_working_copy(WorkingCopy(user=user, draft_id=slot(draft_id), base_version=review_id,
                                      form={"replies": {k: dict(v) for k, v in pending.items()}}))


def discard_pending(svc, user: str, draft_id: str) -> None:
    svc.discard_working_copy(user, slot(draft_id))


def to_send(pending: Mapping[str, Mapping], review: Any) -> tuple[list[ReplyInput], int, list[str]]:
    """(the replies to send, how many comments are unanswered, problems in Chinese). A comment with a text but no
    state, or 未采纳 without a reason, is a problem (never silently dropped)."""
    replies, unanswered, problems = [], 0, []
    for number, target in enumerate(targets(review), start=1):
        answer = pending.get(target["key"]) or {}
        state, text = str(answer.get("state") or ""), str(answer.get("text") or "").strip()
        name = "总体意见" if target["passage"] is None else f"批注 {target['passage'] + 1}"
        if not state:
            unanswered += 1
            if text:
                problems.append(f"{name}写了回复，请选择“已修改”或“未采纳”")
            continue
        try:
            replies.append(ReplyInput(passage=target["passage"], state=state, text=text))
        except ValidationError as exc:
            reason = "；".join(str(e.get("msg", "")).removeprefix("Value error, ") for e in exc.errors())
            problems.append(f"{name}：{reason if any(ch > '一' for ch in reason) else '回复无效（最多 2000 字）'}")
    return replies, unanswered, problems


def summary(review: Any) -> str:
    """"3 条批注：2 条已修改，1 条未采纳（附说明）" (+ unanswered, + the overall comment's answer)."""
    by_target = {r.passage: r for r in review.replies or []}
    count = len(review.passages or [])
    states = [by_target[i].state if i in by_target else "" for i in range(count)]
    parts = [f"{states.count('revised')} 条已修改" if "revised" in states else "",
             f"{states.count('declined')} 条未采纳（附说明）" if "declined" in states else "",
             f"{states.count('')} 条未回复" if "" in states else ""]
    line = f"{count} 条批注：{'，'.join(p for p in parts if p)}" if count else ""
    if (review.comment or "").strip():
        overall = by_target.get(None)
        answer = STATE_LABELS[overall.state] if overall else "未回复"
        line += f"{'；' if line else ''}总体意见：{answer}"
    return line


def reply_text(reply: Any) -> str:
    """One reply as a line: 已修改：… （张秘书，第 2 版）."""
    if reply is None:
        return "未回复"
    body = f"：{reply.text}" if reply.text else ""
    return f"{STATE_LABELS.get(reply.state, reply.state)}{body}（{reply.author}，第 {reply.version} 版）"


def reply_rows(review: Any, text: str, zone_name: str | None = None) -> list[dict[str, str]]:
    """What the reviewer sees per comment: the quote and whether it is still in `text`, the comment, the reply."""
    by_target = {r.passage: r for r in review.replies or []}
    rows = []
    for target in targets(review):
        if target["passage"] is None:
            where = "总体意见"
        else:
            found = anchor(target["quote"], target["start"], text) is not None
            where = f"“{target['quote'][:40]}”" + ("" if found else f"（{STALE_LABEL}）")
        reply = by_target.get(target["passage"])
        when = local(reply.created_at, zone_name, "%m-%d %H:%M") if reply is not None else "—"
        rows.append({"批注": where, "审核意见": target["comment"], "回复": reply_text(reply), "回复时间": when})
    return rows
