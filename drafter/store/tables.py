"""Tables of the drafts store (SQLAlchemy 2 typed declarative). Request, result and check are JSON columns."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

JsonDoc = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JsonDoc}


class DraftRow(Base):
    """One draft; status, latest_version and check_ok are kept in step with its versions for fast listing."""

    __tablename__ = "drafts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    org: Mapped[str] = mapped_column(String(200), index=True)
    period: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    topic: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(20), index=True, default="draft")
    latest_version: Mapped[int] = mapped_column(Integer, default=1)
    check_ok: Mapped[bool] = mapped_column(Boolean, default=False)
    request: Mapped[dict[str, Any]]
    result: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Added after the first release (nullable: store/migrate.py adds it to older databases).
    owner: Mapped[str | None] = mapped_column(String(200))
    # Issue 22: the author's organisation (orgs.id); older drafts are backfilled with the root organisation.
    org_id: Mapped[str | None] = mapped_column(String(32))  # indexed by store/migrate.py (old databases too)


class VersionRow(Base):
    """One saved text. (draft_id, number) is unique: a version is inserted once and never updated."""

    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("draft_id", "number", name="uq_versions_draft_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    draft_id: Mapped[str] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    check: Mapped[dict[str, Any]]
    check_ok: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    restored_from: Mapped[int | None] = mapped_column(Integer)
    # issue 21 (nullable, added by store/migrate.py): how the version came about, for its label
    source: Mapped[str | None] = mapped_column(String(20))


class ReviewRow(Base):
    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_draft", "draft_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    draft_id: Mapped[str] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    decision: Mapped[str] = mapped_column(String(10))
    comment: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    override_reason: Mapped[str | None] = mapped_column(Text)
    passages: Mapped[list[Any] | None] = mapped_column(JsonDoc)
    voided: Mapped[bool | None] = mapped_column(Boolean, default=False)


class ReplyRow(Base):
    """The writer's reply to one comment of a review: target is the passage's index, or -1 for the overall comment.

    One row per (review, target), overwritten when the writer changes her answer (added after the first release:
    create_all adds the table to older databases)."""

    __tablename__ = "comment_replies"
    __table_args__ = (UniqueConstraint("review_id", "target", name="uq_comment_replies_review_target"),
                      Index("ix_comment_replies_draft", "draft_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    draft_id: Mapped[str] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"))
    target: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text, default="")
    author: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ApiKeyRow(Base):
    """An API key: only the sha256 of the key is kept, never the key itself."""

    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    org_id: Mapped[str | None] = mapped_column(String(32))  # issue 22; backfilled with the root organisation


class UserRow(Base):
    """A person who signs in: only an argon2 hash of the password is kept."""

    __tablename__ = "users"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    org_id: Mapped[str | None] = mapped_column(String(32))  # issue 22; backfilled with the root organisation


class WorkingCopyRow(Base):
    """One autosaved working copy per (user, slot); slot is the draft id, or "" for a draft not yet saved."""

    __tablename__ = "working_copies"
    __table_args__ = (UniqueConstraint("user_name", "slot", name="uq_working_copies_user_slot"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_name: Mapped[str] = mapped_column(String(200))
    slot: Mapped[str] = mapped_column(String(32))
    base_version: Mapped[int | None] = mapped_column(Integer)
    form: Mapped[dict[str, Any]]
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OrgRow(Base):
    """An organisation (总工会 → 区/产业工会 → 基层工会). `path` lists the ids from the root down, "/root/…/id/",
    so an organisation's subtree is every row whose path starts with its own (organisations never move)."""

    __tablename__ = "orgs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    parent_id: Mapped[str | None] = mapped_column(String(32), index=True)
    path: Mapped[str] = mapped_column(String(2000), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class JobRow(Base):
    """A background job (large uploads), shared by every API machine; `doc` is the JobInfo as JSON."""

    __tablename__ = "jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    org_id: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(20), index=True)
    doc: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    # The running worker's lease, renewed by its heartbeat: a queued/running job past it has lost its worker
    # (kill -9, a machine gone) and is marked failed by the next reader (issue 24).
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class PageSessionRow(Base):
    """A signed-in page session (issue 21): only the sha256 of its token is kept; signing out revokes it."""

    __tablename__ = "page_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_name: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class SignInFailureRow(Base):
    """Wrong passwords in a row for one key ("user:NAME" or "addr:ADDRESS"): the next attempt waits, and the key
    is locked for a while after too many (issue 21). A right password clears the user's row."""

    __tablename__ = "sign_in_failures"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuthFailureRow(Base):
    """One failed API-key attempt, counted against its key prefix ("key:dk_…") and its client address
    ("addr:…") by every API machine alike (issue 24, D6). Rows older than the throttle's window are deleted."""

    __tablename__ = "auth_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(300))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)

    __table_args__ = (Index("ix_auth_failures_key_at", "key", "at"),)


class JudgementRow(Base):
    """A verdict of the claim judge (issue 19), by sha256 of model, prompt, facts and clause; shared by every API
    machine, so a clause is asked about once."""

    __tablename__ = "judgements"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    model: Mapped[str] = mapped_column(String(200))
    verdict: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GenerationJobRow(Base):
    """A page's drafting job (issue 21): one per user and slot (a draft id, or "" for a draft not saved yet), shared
    by every page server. `doc` holds the request, the progress so far (plan, section N of M, the text streamed)
    and, once ended, the result or the error. A running job's worker renews `lease_until`; past it, the job lost
    its worker and the first reader fails it, keeping the text so far (issue 24). `stop_asked` is 停止 from any
    server; the worker reads it with its heartbeat."""

    __tablename__ = "generation_jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    owner: Mapped[str] = mapped_column(String(200))
    slot: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(20))
    doc: Mapped[dict[str, Any]]
    stop_asked: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    lease_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_generation_jobs_owner_slot", "owner", "slot"),)
