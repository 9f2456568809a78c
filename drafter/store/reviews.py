"""Submitting and reviewing: 草稿 → 已提交 → 已通过 / 已退回, with override reasons and passage comments (批注)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from drafter.domain.errors import Forbidden, InvalidInput
from drafter.models import CheckResult
from drafter.domain.records import DECISIONS, STATUS_LABELS, DraftDetail, PassageComment, ReplyInput
from drafter.domain.review_rules import check_problems
from drafter.store import convert
from drafter.store.replies import store_replies
from drafter.store.tables import DraftRow, ReviewRow, VersionRow

MAX_PASSAGES = 200


class ReviewMixin:
    """Review workflow for DraftStore (uses its `_writing`, `_reading`, `_locked_draft` and `get_draft`)."""

    def submit(self, draft_id: str, user: str, may_edit_others: bool = True,
               replies: tuple[int, Sequence[ReplyInput]] | None = None, may_reply_others: bool = False) -> DraftDetail:
        """草稿/已退回 → 已提交; submitting a submitted draft again changes nothing; an approved one is refused.

        `replies` (review id, replies) are stored in the same transaction (store.replies rules): a refused reply
        leaves the draft unsubmitted."""
        def work(session: Session) -> None:
            draft = self._locked_draft(session, draft_id)
            if not may_edit_others and (user or "").strip() != (draft.owner or ""):
                raise Forbidden(f"只有起草人（{draft.owner}）、编辑或管理员可以提交这篇稿件")
            if draft.status == "approved":
                raise InvalidInput("稿件已审核通过，无需再次提交；如需修改，请保存新版本后再提交")
            if replies is not None:
                store_replies(session, draft, replies[0], replies[1], user, may_reply_others)
            if draft.status != "submitted":
                draft.status, draft.updated_at = "submitted", convert.now()

        self._writing(work)
        return self.get_draft(draft_id)

    def add_review(self, draft_id: str, decision: str, comment: str, reviewer: str,
                   override_reason: str | None = None, passages: Sequence[PassageComment] = ()) -> DraftDetail:
        """Review the latest version of a submitted draft: → approved or returned.

        Approving an approved draft again is a no-op. Approving a version whose check fails needs an
        `override_reason`; returning needs a comment or a passage comment.
        """
        if decision not in DECISIONS:
            raise InvalidInput(f"审核结论只能是 approve（通过）或 return（退回），收到：{decision}")
        comment, reason = (comment or "").strip(), (override_reason or "").strip() or None
        if len(passages) > MAX_PASSAGES:
            raise InvalidInput(f"批注过多：最多 {MAX_PASSAGES} 条")

        def work(session: Session) -> None:
            draft = self._locked_draft(session, draft_id)
            if draft.status == "approved" and decision == "approve":
                return  # idempotent
            if decision == "return" and not comment and not passages:
                raise InvalidInput("退回时请填写意见或批注，说明需要修改的地方")
            _require_submitted(draft)
            latest = session.scalars(select(VersionRow).where(VersionRow.draft_id == draft_id,
                                                               VersionRow.number == draft.latest_version)).one()
            if decision == "approve":
                _require_override(CheckResult.model_validate(latest.check), draft.latest_version, reason)
            anchored = [anchor_passage(p, latest.text, draft.latest_version).model_dump() for p in passages]
            moment = convert.now()
            session.add(ReviewRow(draft_id=draft_id, version=draft.latest_version, decision=decision,
                                  comment=comment, reviewer=(reviewer or "").strip()[:200] or "匿名",
                                  created_at=moment, override_reason=reason if decision == "approve" else None,
                                  passages=anchored, voided=False))
            draft.status = "approved" if decision == "approve" else "returned"
            draft.updated_at = moment

        self._writing(work)
        return self.get_draft(draft_id)

    def last_return_version(self, draft_id: str) -> int | None:
        """The version the latest 退回 was given on, or None if the draft was never returned."""
        with self._reading() as session:
            self._draft(session, draft_id)
            return session.scalars(select(ReviewRow.version).where(ReviewRow.draft_id == draft_id,
                                                                    ReviewRow.decision == "return")
                                   .order_by(ReviewRow.id.desc()).limit(1)).first()


def _require_submitted(draft: DraftRow) -> None:
    if draft.status == "submitted":
        return
    reasons = {"draft": "稿件尚未提交审核，请起草人先提交",
               "returned": "稿件已退回，待起草人修改并重新提交后才能再次审核",
               "approved": "稿件已审核通过；如需修改，请起草人保存新版本并重新提交"}
    raise InvalidInput(reasons.get(draft.status, f"当前状态（{STATUS_LABELS.get(draft.status, draft.status)}）不能审核"))


def _require_override(check: CheckResult, version: int, reason: str | None) -> None:
    problems = check_problems(check)
    if problems and not reason:
        raise InvalidInput(f"第 {version} 版核对未通过（{'；'.join(problems)}）。如仍要通过，"
                           "请填写强制通过的理由（override_reason），理由将记录在审核意见中")


def anchor_passage(passage: PassageComment, text: str, version: int) -> PassageComment:
    """The passage with offsets that point at its quote in `text` (the nearest occurrence if the offsets drifted)."""
    if text[passage.start:passage.end] == passage.quote:
        return passage
    starts, position = [], text.find(passage.quote)
    while position != -1:
        starts.append(position)
        position = text.find(passage.quote, position + 1)
    if not starts:
        raise InvalidInput(f"批注引用的原文在第 {version} 版中找不到：“{passage.quote[:30]}”")
    start = min(starts, key=lambda s: abs(s - passage.start))
    return passage.model_copy(update={"start": start, "end": start + len(passage.quote)})
