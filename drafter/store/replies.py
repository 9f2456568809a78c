"""The writer's replies to a returned review's comments (批注回复): stored per (review, comment), only on the latest
returned review of a draft that is not yet resubmitted, only by the draft's owner."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from drafter.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from drafter.domain.records import CommentReply, ReplyInput, ReviewInfo
from drafter.store import convert
from drafter.store.tables import DraftRow, ReplyRow, ReviewRow

OVERALL = -1  # the target of a reply to the review's overall comment


class ReplyMixin:
    """Replies for DraftStore (uses its `_writing`, `_reading`, `_draft` and `_locked_draft`)."""

    def save_replies(self, draft_id: str, review_id: int, replies: Sequence[ReplyInput], user: str,
                     may_reply_others: bool = False) -> ReviewInfo:
        """Replace the replies to review `review_id` with `replies` (an unchanged reply keeps its author, time and
        version). NotFound, Forbidden (not the owner), Conflict (not the latest returned review, or already
        resubmitted) and InvalidInput refuse before anything is stored."""
        def work(session: Session) -> None:
            draft = self._locked_draft(session, draft_id)
            store_replies(session, draft, review_id, replies, user, may_reply_others)

        self._writing(work)
        return self.get_review(draft_id, review_id)

    def get_review(self, draft_id: str, review_id: int) -> ReviewInfo:
        with self._reading() as session:
            self._draft(session, draft_id)
            review = _review(session, draft_id, review_id)
            return convert.review_info(review, _replies(session, draft_id).get(review.id, []))

    def list_reviews(self, draft_id: str) -> list[ReviewInfo]:
        with self._reading() as session:
            self._draft(session, draft_id)
            return reviews_of(session, draft_id)


def reviews_of(session: Session, draft_id: str) -> list[ReviewInfo]:
    """The draft's reviews, oldest first, each with its replies."""
    rows = session.scalars(select(ReviewRow).where(ReviewRow.draft_id == draft_id).order_by(ReviewRow.id)).all()
    replies = _replies(session, draft_id)
    return [convert.review_info(r, replies.get(r.id, [])) for r in rows]


def store_replies(session: Session, draft: DraftRow, review_id: int, replies: Sequence[ReplyInput], user: str,
                  may_reply_others: bool) -> None:
    """Check and write the replies inside the caller's transaction (the draft row is locked by the caller)."""
    review = _review(session, draft.id, review_id)
    name = (user or "").strip()[:200]
    if not may_reply_others and name != (draft.owner or ""):
        raise Forbidden(f"只有起草人（{draft.owner}）可以回复审核意见和批注")
    _require_answerable(session, draft, review)
    targets = _targets(review, replies)
    existing = {r.target: r for r in session.scalars(select(ReplyRow).where(ReplyRow.review_id == review.id))}
    session.execute(delete(ReplyRow).where(ReplyRow.review_id == review.id, ReplyRow.target.not_in(list(targets))))
    moment = convert.now()
    for target, reply in targets.items():
        row = existing.get(target)
        if row is not None and (row.state, row.text) == (reply.state, reply.text):
            continue  # unchanged: keeps the version and time it was written on
        if row is None:
            row = ReplyRow(review_id=review.id, draft_id=draft.id, target=target)
            session.add(row)
        row.state, row.text, row.author = reply.state, reply.text, name or "匿名"
        row.version, row.created_at = draft.latest_version, moment
    session.flush()


def _review(session: Session, draft_id: str, review_id: int) -> ReviewRow:
    review = session.get(ReviewRow, review_id) if isinstance(review_id, int) and 0 < review_id < 2**31 else None
    if review is None or review.draft_id != draft_id:
        raise NotFound(f"稿件 {draft_id} 没有编号为 {review_id} 的审核记录")
    return review


def _require_answerable(session: Session, draft: DraftRow, review: ReviewRow) -> None:
    latest = session.scalars(select(ReviewRow).where(ReviewRow.draft_id == draft.id)
                             .order_by(ReviewRow.id.desc()).limit(1)).first()
    if review.decision != "return" or latest is None or latest.id != review.id:
        raise Conflict(f"只能回复最近一次退回的审核意见（编号 {review.id} 的审核记录不是）")
    if draft.status not in ("returned", "draft"):
        raise Conflict("稿件已重新提交审核，回复已随提交送出；如需修改回复，请等待审核结果")


def _targets(review: ReviewRow, replies: Sequence[ReplyInput]) -> dict[int, ReplyInput]:
    """The replies by target, each pointing at a comment the review has (at most one reply per comment)."""
    count, out = len(review.passages or []), {}
    for index, reply in enumerate(replies):
        if not isinstance(reply, ReplyInput):
            raise InvalidInput("回复格式无效：每条回复需要 passage（批注序号）、state 和 text")
        where = [{"field": f"replies.{index}.passage", "message": ""}]
        if reply.passage is None and not (review.comment or "").strip():
            where[0]["message"] = "这次审核没有总体意见，请指定要回复的批注序号"
        elif reply.passage is not None and reply.passage >= count:
            where[0]["message"] = f"批注序号 {reply.passage} 不存在（这次审核共有 {count} 条批注，序号从 0 开始）"
        target = OVERALL if reply.passage is None else reply.passage
        if not where[0]["message"] and target in out:
            where[0]["message"] = "同一条意见只能有一条回复"
        if where[0]["message"]:
            raise InvalidInput(f"回复第 {index + 1} 条：{where[0]['message']}", fields=where)
        out[target] = reply
    return out


def _replies(session: Session, draft_id: str) -> dict[int, list[CommentReply]]:
    rows = session.scalars(select(ReplyRow).where(ReplyRow.draft_id == draft_id)
                           .order_by(ReplyRow.review_id, ReplyRow.target)).all()
    out: dict[int, list[CommentReply]] = {}
    for row in rows:
        out.setdefault(row.review_id, []).append(convert.reply_info(row))
    return out
