"""DraftStore: drafts, their versions and reviews. Every write is one transaction; versions are only inserted."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from drafter.errors import InvalidInput, NotFound, StaleVersion
from drafter.models import CheckResult, DraftRequest, DraftResult
from drafter.records import DECISIONS, DRAFT_STATUSES, DraftDetail, DraftPage, VersionInfo
from drafter.store import convert
from drafter.store.engine import make_engine, session_factories
from drafter.store.keys import ApiKeyMixin
from drafter.store.tables import Base, DraftRow, ReviewRow, VersionRow
from drafter.store.titles import draft_title

T = TypeVar("T")
MAX_PAGE = 500
WRITE_ATTEMPTS = 5
# A review is accepted from these states; editing an approved or returned draft puts it back to "draft".
REVIEWABLE = ("draft", "returned")


class DraftStore(ApiKeyMixin):
    """The drafts store over one SQLAlchemy URL (SQLite file or PostgreSQL); tables are created on start."""

    def __init__(self, url: str) -> None:
        self.engine = make_engine(url)
        _create_tables(self.engine)
        self._read, self._write = session_factories(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # --- transactions ------------------------------------------------------------
    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    def _writing(self, work: Callable[[Session], T]) -> T:
        """Run `work` in one write transaction; retried when a concurrent writer took the same version number."""
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self._write() as session, session.begin():
                    return work(session)
            except IntegrityError:
                if attempt == WRITE_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    @staticmethod
    def _locked_draft(session: Session, draft_id: str) -> DraftRow:
        """The draft row, locked for this transaction (FOR UPDATE on PostgreSQL; SQLite holds the write lock)."""
        row = session.scalars(select(DraftRow).where(DraftRow.id == draft_id).with_for_update()).first()
        if row is None:
            raise NotFound(f"稿件不存在：{draft_id}")
        return row

    # --- drafts ------------------------------------------------------------------
    def create_draft(self, request: DraftRequest, result: DraftResult, author: str) -> DraftDetail:
        """A new draft whose version 1 is the drafted text with its check result."""
        def work(session: Session) -> str:
            moment = convert.now()
            draft_id = secrets.token_hex(8)
            session.add(DraftRow(
                id=draft_id, title=draft_title(request.org, request.period, request.kind, request.topic),
                org=request.org, period=request.period, kind=request.kind, topic=request.topic, status="draft",
                latest_version=1, check_ok=result.check.ok, request=request.model_dump(mode="json"),
                result=result.model_dump(mode="json"), created_at=moment, updated_at=moment))
            session.flush()
            session.add(_version_row(draft_id, 1, result.text, author, result.check, moment))
            return draft_id

        return self.get_draft(self._writing(work))

    def list_drafts(self, org: str | None = None, period: str | None = None, kind: str | None = None,
                    status: str | None = None, offset: int = 0, limit: int = 20) -> DraftPage:
        """Drafts newest first, filtered by exact org/period/kind/status."""
        if offset < 0 or limit < 1:
            raise InvalidInput("分页参数无效：offset 不能小于 0，limit 至少为 1")
        if status is not None and status not in DRAFT_STATUSES:
            raise InvalidInput(f"未知的状态：{status}（可选：{'、'.join(DRAFT_STATUSES)}）")
        limit = min(limit, MAX_PAGE)
        filters = [column == value for column, value in ((DraftRow.org, org), (DraftRow.period, period),
                                                          (DraftRow.kind, kind), (DraftRow.status, status))
                   if value is not None]
        with self._reading() as session:
            total = session.scalar(select(func.count()).select_from(DraftRow).where(*filters)) or 0
            rows = session.scalars(select(DraftRow).where(*filters)
                                   .order_by(DraftRow.created_at.desc(), DraftRow.id.desc())
                                   .offset(offset).limit(limit)).all()
            return DraftPage(items=[convert.draft_summary(r) for r in rows], total=total, offset=offset, limit=limit)

    def get_draft(self, draft_id: str) -> DraftDetail:
        with self._reading() as session:
            return self._detail(session, draft_id)

    def get_request(self, draft_id: str) -> DraftRequest:
        with self._reading() as session:
            return DraftRequest.model_validate(self._draft(session, draft_id).request)

    def prepare_edit(self, draft_id: str, text: str, base_version: int) -> DraftRequest:
        """The draft's request, for rechecking an edit; InvalidInput/NotFound/StaleVersion refuse it early."""
        _require_text(text)
        with self._reading() as session:
            draft = self._draft(session, draft_id)
            _require_base(draft, base_version)
            return DraftRequest.model_validate(draft.request)

    @staticmethod
    def _draft(session: Session, draft_id: str) -> DraftRow:
        row = session.get(DraftRow, draft_id)
        if row is None:
            raise NotFound(f"稿件不存在：{draft_id}")
        return row

    def _detail(self, session: Session, draft_id: str) -> DraftDetail:
        row = self._draft(session, draft_id)
        latest = session.scalars(select(VersionRow).where(VersionRow.draft_id == draft_id,
                                                           VersionRow.number == row.latest_version)).one()
        reviews = session.scalars(select(ReviewRow).where(ReviewRow.draft_id == draft_id)
                                  .order_by(ReviewRow.id)).all()
        return convert.draft_detail(row, latest, list(reviews))

    # --- versions ----------------------------------------------------------------
    def list_versions(self, draft_id: str) -> list[VersionInfo]:
        with self._reading() as session:
            self._draft(session, draft_id)
            rows = session.scalars(select(VersionRow).where(VersionRow.draft_id == draft_id)
                                   .order_by(VersionRow.number)).all()
            return [convert.version_info(r) for r in rows]

    def get_version(self, draft_id: str, number: int) -> VersionInfo:
        with self._reading() as session:
            self._draft(session, draft_id)
            row = session.scalars(select(VersionRow).where(VersionRow.draft_id == draft_id,
                                                            VersionRow.number == number)).first()
            if row is None:
                raise NotFound(f"稿件 {draft_id} 没有第 {number} 版")
            return convert.version_info(row)

    def add_version(self, draft_id: str, text: str, base_version: int, author: str,
                    check: CheckResult) -> VersionInfo:
        """Insert version latest+1 if `base_version` is still the latest (else StaleVersion), in one transaction."""
        _require_text(text)

        def work(session: Session) -> VersionInfo:
            draft = self._locked_draft(session, draft_id)
            _require_base(draft, base_version)
            moment = convert.now()
            row = _version_row(draft_id, draft.latest_version + 1, text, author, check, moment)
            session.add(row)
            session.flush()  # a concurrent duplicate number fails here (unique) and the whole write is retried
            draft.latest_version, draft.check_ok = row.number, check.ok
            draft.status, draft.updated_at = "draft", moment
            return convert.version_info(row)

        return self._writing(work)

    # --- reviews -----------------------------------------------------------------
    def add_review(self, draft_id: str, decision: str, comment: str, reviewer: str) -> DraftDetail:
        """Record a review of the latest version: status draft/returned → approved or returned."""
        if decision not in DECISIONS:
            raise InvalidInput(f"审核结论只能是 approve（通过）或 return（退回），收到：{decision}")

        def work(session: Session) -> None:
            draft = self._locked_draft(session, draft_id)
            if draft.status not in REVIEWABLE:
                raise InvalidInput("该稿件已审核通过；修改并保存新版本后才能再次审核")
            moment = convert.now()
            session.add(ReviewRow(draft_id=draft_id, version=draft.latest_version, decision=decision,
                                  comment=comment or "", reviewer=reviewer, created_at=moment))
            draft.status = "approved" if decision == "approve" else "returned"
            draft.updated_at = moment

        self._writing(work)
        return self.get_draft(draft_id)


def _version_row(draft_id: str, number: int, text: str, author: str, check: CheckResult, moment) -> VersionRow:
    return VersionRow(draft_id=draft_id, number=number, text=text, author=author or "匿名",
                      check=check.model_dump(mode="json"), check_ok=check.ok, created_at=moment)


def _require_text(text: str) -> None:
    if not text or not text.strip():
        raise InvalidInput("正文不能为空")


def _require_base(draft: DraftRow, base_version: int) -> None:
    if base_version != draft.latest_version:
        raise StaleVersion(f"稿件已被他人修改：您编辑的是第 {base_version} 版，最新为第 {draft.latest_version} 版，"
                           "请刷新后再保存")


def _create_tables(engine: Engine) -> None:
    """create_all, retried: several API workers starting at once may race to create the same tables."""
    for attempt in range(WRITE_ATTEMPTS):
        try:
            Base.metadata.create_all(engine)
            return
        except DBAPIError:
            if attempt == WRITE_ATTEMPTS - 1:
                raise
            time.sleep(0.2 * (attempt + 1))
