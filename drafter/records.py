"""Pydantic models of stored things: drafts, versions, reviews, diffs and API keys (shared by API, UI and CLI)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from drafter.models import CheckResult, DraftRequest, DraftResult

DraftStatus = Literal["draft", "returned", "approved"]
Role = Literal["writer", "reviewer", "reader"]
Decision = Literal["approve", "return"]
DRAFT_STATUSES: tuple[str, ...] = ("draft", "returned", "approved")
ROLES: tuple[str, ...] = ("writer", "reviewer", "reader")
DECISIONS: tuple[str, ...] = ("approve", "return")


class VersionInfo(BaseModel):
    """One saved text of a draft; versions are numbered 1, 2, 3 … and never overwritten."""

    number: int
    text: str
    author: str
    created_at: datetime
    check: CheckResult


class ReviewInfo(BaseModel):
    decision: Decision
    comment: str
    reviewer: str
    created_at: datetime
    version: int | None = Field(None, description="The version number the reviewer saw.")


class DraftSummary(BaseModel):
    id: str
    title: str
    org: str
    period: str
    kind: str
    topic: str | None
    status: DraftStatus
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
