"""The review round: submit, review (通过/退回), the writer's replies to comments.

A part of DrafterService (drafter.service.facade), which provides `settings`, `store`, `library`, `providers`,
`traces`, `jobs` and `queue`, and the other parts' methods."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from drafter.domain.errors import Forbidden, InvalidInput
from drafter.domain.records import DraftDetail, PassageComment, ReplyInput, ReviewInfo, ROLE_LABELS
from drafter.domain.review_rules import may_edit_others, may_reply_others, may_review
from drafter.domain.input_text import identity
from drafter.service.accounts import ActorLike


class ReviewsService:
    """Mixed into DrafterService."""

    def submit(self, draft_id: str, user: str | ActorLike, review_id: int | None = None,
               replies: Sequence[ReplyInput | dict] | None = None) -> DraftDetail:
        """草稿/已退回 → 已提交 (by the owner, an editor or an admin); with `review_id`, the owner's `replies` to
        that review's comments are stored in the same transaction (see reply_to_review)."""
        self.require_reach(draft_id, user)
        name, role = self._actor(user)
        self.judge_latest(draft_id)  # issue 19: the claim judge's second stage on what is submitted
        answer = (review_id, _replies(replies or [])) if review_id is not None else None
        return self.store.submit(draft_id, name, may_edit_others=may_edit_others(role), replies=answer,
                                 may_reply_others=may_reply_others(role))

    def reply_to_review(self, draft_id: str, review_id: int, replies: Sequence[ReplyInput | dict],
                        user: str | ActorLike) -> ReviewInfo:
        """Replace the replies to the comments of the draft's latest returned review (批注回复), as its owner.

        Each reply answers one passage comment (its index) or the overall comment (passage None): 已修改, or 未采纳
        with a reason. Author, time and the draft's latest version are recorded. NotFound (draft or review),
        Forbidden (not the owner), Conflict (not the latest returned review, or resubmitted), InvalidInput."""
        self.require_reach(draft_id, user)
        name, role = self._actor(user)
        return self.store.save_replies(draft_id, review_id, _replies(replies), name,
                                       may_reply_others=may_reply_others(role))

    def list_reviews(self, draft_id: str, viewer=None) -> list[ReviewInfo]:
        """The draft's reviews, oldest first, each with its comments and the writer's replies."""
        self.require_reach(draft_id, viewer)
        return self.store.list_reviews(draft_id)

    def review(self, draft_id: str, decision: str, comment: str, reviewer: str | ActorLike,
               override_reason: str | None = None, passages: Sequence[PassageComment] = ()) -> DraftDetail:
        """通过 or 退回 the latest version of a submitted draft (see store.reviews for the rules)."""
        self.require_reach(draft_id, reviewer)  # a reviewer acts within its organisation and its descendants
        name, role = self._actor(reviewer)
        if not may_review(role):
            who = ROLE_LABELS.get(role, role) if role else f"“{name}”不是有效用户，"
            raise Forbidden(f"{who}不能审核稿件：需要审核人或管理员")
        try:
            passages = [p if isinstance(p, PassageComment) else PassageComment.model_validate(p) for p in passages]
        except ValidationError as exc:
            raise InvalidInput("批注格式无效：每条批注需要 start、end、quote（引用原文）和 comment（批注内容）") from exc
        if decision == "approve":
            comment = self._separation_of_duties(draft_id, name, role, comment)
            self.judge_latest(draft_id)  # issue 19: approval reads the judged check (cached since submit)
        return self.store.add_review(draft_id, decision, comment, name, override_reason=override_reason,
                                     passages=passages)

    def _separation_of_duties(self, draft_id: str, reviewer: str, role: str | None, comment: str) -> str:
        """Approval needs a reviewer other than the draft's author (issue 24, D5): Forbidden otherwise; an admin
        may approve their own draft only with DRAFTER_ALLOW_ADMIN_SELF_APPROVAL, and the review's comment says so.
        Names are compared as identities: NFKC, case-folded, without blanks and invisible characters (keys
        create refuses a name another key or user holds, so one name is one identity)."""
        if self.settings.auth == "off":
            return comment  # one-person local use (DRAFTER_AUTH=off): the one person reviews their own drafts
        owner = self.store.get_draft(draft_id).owner
        if not owner or identity(owner) != identity(reviewer):
            return comment
        if role == "admin" and self.settings.allow_admin_self_approval:
            return f"〔管理员审核通过本人起草的稿件（DRAFTER_ALLOW_ADMIN_SELF_APPROVAL）〕{comment}"
        raise Forbidden("不能审核通过自己起草的稿件：请由起草人以外的审核人审核")


def _replies(items: Sequence[ReplyInput | dict]) -> list[ReplyInput]:
    """The replies as models with exportable text (drafter.domain.input_text); InvalidInput names the first bad one."""
    from drafter.domain.input_text import clean_text
    from drafter.domain.validation import invalid

    out = []
    for index, item in enumerate(items):
        fields = item.model_dump() if isinstance(item, ReplyInput) else item
        if isinstance(fields, dict) and isinstance(fields.get("text"), str):
            fields = {**fields, "text": clean_text(fields["text"])}
        try:
            out.append(ReplyInput.model_validate(fields))
        except ValidationError as exc:
            errors = [{**e, "loc": ("replies", index, *e.get("loc", ()))} for e in exc.errors()]
            raise invalid(errors, "回复无效") from None
    return out
