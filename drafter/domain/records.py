"""Pydantic models of stored things: drafts, versions, reviews, diffs, users, API keys and working copies
(shared by API, UI and CLI)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field, model_validator

from drafter.models import CheckResult, DraftRequest, DraftResult

DraftStatus = Literal["draft", "submitted", "approved", "returned"]
Role = Literal["writer", "reviewer", "reader", "editor", "admin"]
UserRole = Literal["writer", "reviewer", "editor", "admin"]
Decision = Literal["approve", "return"]
DRAFT_STATUSES: tuple[str, ...] = ("draft", "submitted", "approved", "returned")
ROLES: tuple[str, ...] = ("writer", "reviewer", "reader", "editor", "admin")  # API keys
USER_ROLES: tuple[str, ...] = ("writer", "reviewer", "editor", "admin")  # people who sign in
DECISIONS: tuple[str, ...] = ("approve", "return")
# 草稿 → 已提交 → 已通过 / 已退回 (saving a version is not submitting; a new version puts a draft back to 草稿)
STATUS_LABELS: dict[str, str] = {"draft": "草稿", "submitted": "已提交", "approved": "已通过", "returned": "已退回"}
ROLE_LABELS: dict[str, str] = {"writer": "起草人", "reviewer": "审核人", "editor": "编辑", "admin": "管理员",
                               "reader": "只读"}
DECISION_LABELS: dict[str, str] = {"approve": "通过", "return": "退回"}
ReplyState = Literal["revised", "declined"]
REPLY_STATES: tuple[str, ...] = ("revised", "declined")
REPLY_STATE_LABELS: dict[str, str] = {"revised": "已修改", "declined": "未采纳"}
MAX_REPLY_CHARS = 2000


class VersionInfo(BaseModel):
    """One saved text of a draft; versions are numbered 1, 2, 3 … and never overwritten."""

    number: int
    text: str
    author: str
    created_at: datetime
    check: CheckResult
    restored_from: int | None = Field(None, description="The older version this one restores, if any.")
    source: str | None = Field(None, description="How it came about: generated, edit, after_return, restore, word "
                                                 "(a .docx edited in Word or WPS), kept (saved before regenerating); "
                                                 "None for versions stored before this was recorded.")


class PassageComment(BaseModel):
    """A reviewer's comment on a quoted span [start, end) of the reviewed version's text (批注)."""

    start: int = Field(..., ge=0, description="Offset of the first character (code points)")
    end: int = Field(..., ge=1, description="Offset after the last character")
    quote: str = Field(..., min_length=1, max_length=2000, description="The quoted text")
    comment: str = Field(..., min_length=1, max_length=2000, description="批注内容")


class ReplyInput(BaseModel):
    """The writer's answer to one comment of the latest returned review (批注回复), as she sends it."""

    passage: int | None = Field(None, ge=0, le=1000,
                                description="所回复批注的序号（审核记录 passages 中的位置，从 0 开始）；不填表示回复总体审核意见")
    state: ReplyState = Field(..., description="revised（已修改）或 declined（未采纳：须填写说明）")
    text: str = Field("", max_length=MAX_REPLY_CHARS, description="回复内容（未采纳时必填）")

    @model_validator(mode="after")
    def _declined_says_why(self) -> ReplyInput:
        self.text = self.text.strip()
        if self.state == "declined" and not self.text:
            raise ValueError("选择“未采纳”时请填写说明，告诉审核人为什么不修改")
        return self


class CommentReply(ReplyInput):
    """A stored reply: who wrote it (the signed-in user or API key), when, and on which version of the draft."""

    author: str
    version: int = Field(..., description="回复时稿件的最新版本号")
    created_at: datetime


class ReviewInfo(BaseModel):
    id: int | None = Field(None, description="审核记录编号（回复批注时使用）")
    decision: Decision
    comment: str
    reviewer: str
    created_at: datetime
    version: int | None = Field(None, description="The version number the reviewer saw.")
    override_reason: str | None = Field(None, description="Why a draft whose check failed was approved anyway.")
    passages: list[PassageComment] = Field(default_factory=list)
    voided: bool = Field(False, description="An approval voided by a later edit (the draft went back to 草稿).")
    replies: list[CommentReply] = Field(default_factory=list,
                                        description="起草人对本次审核意见与批注的回复（仅最近一次退回可回复）")


class DraftSummary(BaseModel):
    id: str
    title: str
    org: str
    period: str
    kind: str
    topic: str | None
    status: DraftStatus
    owner: str = Field("", description="Who created the draft (user or API key name); may save versions.")
    org_id: str = Field("root", description="The author's organisation (orgs.id)")
    latest_version: int
    check_ok: bool
    created_at: datetime
    updated_at: datetime


class DraftDetail(DraftSummary):
    request: DraftRequest
    result: DraftResult | None
    latest: VersionInfo
    reviews: list[ReviewInfo]


class DraftPage(BaseModel):
    items: list[DraftSummary]
    total: int
    offset: int
    limit: int


class NumberChange(BaseModel):
    """A number that differs between two versions (before/after are the surface texts, e.g. "86户")."""

    change: Literal["changed", "added", "removed"]
    before: str | None
    after: str | None
    before_value: float | None
    after_value: float | None
    unit: str | None


class DiffResult(BaseModel):
    draft_id: str
    from_version: int
    to_version: int
    unified: str
    changed_numbers: list[NumberChange]


class ApiKeyInfo(BaseModel):
    id: str
    name: str
    role: Role
    created_at: datetime
    revoked: bool = False
    org_id: str = Field("root", description="The organisation the key acts for (orgs.id)")


class UserInfo(BaseModel):
    """A person who signs in (the password hash never leaves the store)."""

    name: str
    role: UserRole
    created_at: datetime
    disabled: bool = False
    org_id: str = Field("root", description="The organisation the user belongs to (orgs.id)")


ROOT_ORG = "root"  # the organisation every user, key and draft of a database older than organisations belongs to


class OrgInfo(BaseModel):
    """An organisation (总工会 → 区/产业工会 → 基层工会)."""

    id: str
    name: str
    parent_id: str | None = None
    path: str = Field(..., description="Ids from the root down: /root/…/id/")
    created_at: datetime

    @property
    def lineage(self) -> list[str]:
        """Ids of the root, …, the parent and this organisation."""
        return [part for part in self.path.split("/") if part]


class WorkingCopy(BaseModel):
    """A user's autosaved, unsaved work for one draft (or for a new draft: draft_id None); not a version."""

    user: str = Field(..., min_length=1, max_length=200)
    draft_id: str | None = Field(None, max_length=32)
    base_version: int | None = Field(None, ge=1)
    form: dict[str, Any] = Field(default_factory=dict,
                                 description="org, period, kind, topic, facts_text, problems_text, plans_text, length …")
    text: str = ""
    updated_at: datetime | None = None
