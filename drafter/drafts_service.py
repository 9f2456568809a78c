"""The drafts, review, user and working-copy half of DrafterService (a mixin; uses `self.store` and the check).

`user` arguments accept a name or anything with `.name` and `.role` (records.UserInfo, review_rules.Actor, the
API's Principal). A bare name is looked up among the users; an unknown or disabled name has no role: it may
save and submit only its own drafts, and may not review.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pydantic import ValidationError

from drafter.errors import Forbidden, InvalidInput
from drafter.records import (DiffResult, DraftDetail, PassageComment, ReplyInput, ReviewInfo, ROLE_LABELS, UserInfo,
                             VersionInfo, WorkingCopy)
from drafter.review_rules import may_edit_others, may_reply_others, may_review


class ActorLike(Protocol):
    """records.UserInfo, review_rules.Actor or the API's Principal."""

    name: str
    role: str


class DraftsServiceMixin:
    """Mixed into DrafterService, which provides `store`, `check_text` and `get_draft`/`get_version`."""

    # --- who is acting -----------------------------------------------------------
    def _actor(self, user: str | ActorLike) -> tuple[str, str | None]:
        if isinstance(user, str):
            info = self.store.get_user(user)
            return user.strip(), (info.role if info is not None and not info.disabled else None)
        if getattr(user, "disabled", False):
            return str(user.name).strip(), None
        return str(user.name).strip(), str(user.role)

    # --- versions ----------------------------------------------------------------
    def save_version(self, draft_id: str, text: str, base_version: int, author: str | ActorLike) -> VersionInfo:
        """Save an edited text as a new version, rechecked against the draft's facts.

        Forbidden unless `author` owns the draft or is an editor/admin; StaleVersion if `base_version` is outdated.
        Saving is not submitting: the draft goes (back) to 草稿, and an approval is voided.
        The text is normalised first (drafter.input_text), so every stored version exports.
        """
        from drafter.input_text import clean_text

        text = clean_text(text)
        name, role = self._actor(author)
        others = may_edit_others(role)
        request = self.store.prepare_edit(draft_id, text, base_version, name, others)  # early refusal
        check = self.check_text(request, text)
        return self.store.add_version(draft_id, text, base_version, name, check, may_edit_others=others)

    def restore_version(self, draft_id: str, number: int, user: str | ActorLike) -> VersionInfo:
        """Version `number`'s text becomes a new version (rechecked against today's facts and lexicon)."""
        old = self.get_version(draft_id, number)
        latest = self.get_draft(draft_id).latest_version
        if number == latest:
            raise InvalidInput(f"第 {number} 版已是最新版本，无需恢复")
        name, role = self._actor(user)
        others = may_edit_others(role)
        request = self.store.prepare_edit(draft_id, old.text, latest, name, others)
        check = self.check_text(request, old.text)
        return self.store.add_version(draft_id, old.text, latest, name, check, may_edit_others=others,
                                      restored_from=number)

    # --- workflow ----------------------------------------------------------------
    def submit(self, draft_id: str, user: str | ActorLike, review_id: int | None = None,
               replies: Sequence[ReplyInput | dict] | None = None) -> DraftDetail:
        """草稿/已退回 → 已提交 (by the owner, an editor or an admin); with `review_id`, the owner's `replies` to
        that review's comments are stored in the same transaction (see reply_to_review)."""
        name, role = self._actor(user)
        answer = (review_id, _replies(replies or [])) if review_id is not None else None
        return self.store.submit(draft_id, name, may_edit_others=may_edit_others(role), replies=answer,
                                 may_reply_others=may_reply_others(role))

    def reply_to_review(self, draft_id: str, review_id: int, replies: Sequence[ReplyInput | dict],
                        user: str | ActorLike) -> ReviewInfo:
        """Replace the replies to the comments of the draft's latest returned review (批注回复), as its owner.

        Each reply answers one passage comment (its index) or the overall comment (passage None): 已修改, or 未采纳
        with a reason. Author, time and the draft's latest version are recorded. NotFound (draft or review),
        Forbidden (not the owner), Conflict (not the latest returned review, or resubmitted), InvalidInput."""
        name, role = self._actor(user)
        return self.store.save_replies(draft_id, review_id, _replies(replies), name,
                                       may_reply_others=may_reply_others(role))

    def list_reviews(self, draft_id: str) -> list[ReviewInfo]:
        """The draft's reviews, oldest first, each with its comments and the writer's replies."""
        return self.store.list_reviews(draft_id)

    def review(self, draft_id: str, decision: str, comment: str, reviewer: str | ActorLike,
               override_reason: str | None = None, passages: Sequence[PassageComment] = ()) -> DraftDetail:
        """通过 or 退回 the latest version of a submitted draft (see store.reviews for the rules)."""
        name, role = self._actor(reviewer)
        if not may_review(role):
            who = ROLE_LABELS.get(role, role) if role else f"“{name}”不是有效用户，"
            raise Forbidden(f"{who}不能审核稿件：需要审核人或管理员")
        try:
            passages = [p if isinstance(p, PassageComment) else PassageComment.model_validate(p) for p in passages]
        except ValidationError as exc:
            raise InvalidInput("批注格式无效：每条批注需要 start、end、quote（引用原文）和 comment（批注内容）") from exc
        return self.store.add_review(draft_id, decision, comment, name, override_reason=override_reason,
                                     passages=passages)

    def diff_since_return(self, draft_id: str) -> DiffResult | None:
        """The diff from the version last returned (退回) to the latest; None if the draft was never returned."""
        returned = self.store.last_return_version(draft_id)
        if returned is None:
            return None
        return self.diff(draft_id, returned, self.get_draft(draft_id).latest_version)

    def diff(self, draft_id: str, from_version: int, to_version: int) -> DiffResult:
        from drafter.diffing import diff_versions

        before, after = self.get_version(draft_id, from_version), self.get_version(draft_id, to_version)
        return diff_versions(draft_id, before, after)

    # --- users -------------------------------------------------------------------
    def create_user(self, name: str, password: str, role: str) -> UserInfo:
        """A person who signs in; only an argon2 hash of the password is stored."""
        return self.store.create_user(name, password, role)

    def login(self, name: str, password: str) -> UserInfo | None:
        """The user if name and password match and the user is not disabled, else None."""
        return self.store.verify_user(name, password)

    def get_user(self, name: str) -> UserInfo | None:
        return self.store.get_user(name)

    def list_users(self) -> list[UserInfo]:
        return self.store.list_users()

    def set_password(self, name: str, password: str) -> UserInfo:
        return self.store.set_password(name, password)

    def disable_user(self, name: str) -> UserInfo:
        return self.store.disable_user(name)

    # --- working copies (autosave) -------------------------------------------------
    def save_working_copy(self, copy: WorkingCopy) -> WorkingCopy:
        """Upsert the user's unsaved work for one draft (draft_id None: a draft not yet saved). Not a version."""
        if not isinstance(copy, WorkingCopy):
            raise InvalidInput("工作副本格式无效")
        return self.store.save_working_copy(copy)

    def load_working_copy(self, user: str, draft_id: str | None = None) -> WorkingCopy | None:
        return self.store.load_working_copy(user, draft_id)

    def discard_working_copy(self, user: str, draft_id: str | None = None) -> bool:
        return self.store.discard_working_copy(user, draft_id)


def _replies(items: Sequence[ReplyInput | dict]) -> list[ReplyInput]:
    """The replies as models with exportable text (drafter.input_text); InvalidInput names the first bad one."""
    from drafter.input_text import clean_text
    from drafter.validation import invalid

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
