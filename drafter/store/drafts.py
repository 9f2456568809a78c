"""DraftStore: drafts and their versions (plus reviews, users, keys and working copies from the mixins).

Every write is one transaction; versions are only inserted, never updated.
"""

from __future__ import annotations

import secrets

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from drafter.domain.errors import Forbidden, InvalidInput, NotFound
from drafter.models import CheckResult, DraftRequest, DraftResult
from drafter.domain.records import DRAFT_STATUSES, ROOT_ORG, DraftDetail, DraftPage, VersionInfo
from drafter.store import convert
from drafter.store.base import StoreBase, require_base, require_text
from drafter.store.failures import AuthFailureMixin
from drafter.store.generation import GenerationJobMixin
from drafter.store.jobs import JobMixin
from drafter.store.judgements import JudgementMixin
from drafter.store.keys import ApiKeyMixin
from drafter.store.orgs import OrgMixin
from drafter.store.sessions import SessionMixin
from drafter.store.replies import ReplyMixin, reviews_of
from drafter.store.reviews import ReviewMixin
from drafter.store.tables import DraftRow, OrgRow, ReviewRow, VersionRow
from drafter.store.titles import draft_title
from drafter.store.users import UserMixin
from drafter.store.working import WorkingCopyMixin

MAX_PAGE = 500


class DraftStore(ReviewMixin, ReplyMixin, UserMixin, SessionMixin, WorkingCopyMixin, ApiKeyMixin, OrgMixin,
                 JobMixin, GenerationJobMixin, AuthFailureMixin, JudgementMixin, StoreBase):
    """The drafts store over one SQLAlchemy URL (SQLite file or PostgreSQL)."""

    # --- drafts ------------------------------------------------------------------
    def create_draft(self, request: DraftRequest, result: DraftResult, author: str,
                     org_id: str = ROOT_ORG) -> DraftDetail:
        """A new draft owned by `author` of organisation `org_id`, whose version 1 is the drafted text with its
        check result."""
        def work(session: Session) -> str:
            moment = convert.now()
            draft_id = secrets.token_hex(8)
            session.add(DraftRow(
                id=draft_id, title=draft_title(request.org, request.period, request.kind, request.topic),
                org=request.org, period=request.period, kind=request.kind, topic=request.topic, status="draft",
                owner=_author(author), org_id=org_id, latest_version=1, check_ok=result.check.ok,
                request=request.model_dump(mode="json"), result=result.model_dump(mode="json"),
                created_at=moment, updated_at=moment))
            session.flush()
            session.add(_version_row(draft_id, 1, result.text, author, result.check, moment, source="generated"))
            return draft_id

        return self.get_draft(self._writing(work))

    def list_drafts(self, org: str | None = None, period: str | None = None, kind: str | None = None,
                    status: str | None = None, offset: int = 0, limit: int = 20,
                    owner: str | None = None, within: str | None = None) -> DraftPage:
        """Drafts newest first, filtered by exact org/period/kind/status/owner; with `within` (an organisation
        path), only drafts of organisations whose path starts with it."""
        if offset < 0 or limit < 1:
            raise InvalidInput("分页参数无效：offset 不能小于 0，limit 至少为 1")
        if status is not None and status not in DRAFT_STATUSES:
            raise InvalidInput(f"未知的状态：{status}（可选：{'、'.join(DRAFT_STATUSES)}）")
        limit = min(limit, MAX_PAGE)
        filters = [column == value for column, value in ((DraftRow.org, org), (DraftRow.period, period),
                                                          (DraftRow.kind, kind), (DraftRow.status, status),
                                                          (DraftRow.owner, owner))
                   if value is not None]
        if within:
            filters.append(DraftRow.org_id.in_(select(OrgRow.id).where(OrgRow.path.startswith(within))))
        with self._reading() as session:
            total = session.scalar(select(func.count()).select_from(DraftRow).where(*filters)) or 0
            rows = session.scalars(select(DraftRow).where(*filters)
                                   .order_by(DraftRow.created_at.desc(), DraftRow.id.desc())
                                   .offset(offset).limit(limit)).all()
            return DraftPage(items=[convert.draft_summary(r) for r in rows], total=total, offset=offset, limit=limit)

    def get_draft(self, draft_id: str) -> DraftDetail:
        with self._reading() as session:
            return self._detail(session, draft_id)

    def prepare_edit(self, draft_id: str, text: str, base_version: int, author: str | None = None,
                     may_edit_others: bool = True) -> DraftRequest:
        """The draft's request, for rechecking an edit; InvalidInput/NotFound/Forbidden/StaleVersion refuse early."""
        require_text(text)
        with self._reading() as session:
            draft = self._draft(session, draft_id)
            _require_owner(draft, author, may_edit_others)
            require_base(draft, base_version)
            return DraftRequest.model_validate(draft.request)

    def _detail(self, session: Session, draft_id: str) -> DraftDetail:
        row = self._draft(session, draft_id)
        latest = session.scalars(select(VersionRow).where(VersionRow.draft_id == draft_id,
                                                           VersionRow.number == row.latest_version)).one()
        return convert.draft_detail(row, latest, reviews_of(session, draft_id))

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

    def add_version(self, draft_id: str, text: str, base_version: int, author: str, check: CheckResult,
                    may_edit_others: bool = True, restored_from: int | None = None,
                    source: str | None = None) -> VersionInfo:
        """Insert version latest+1 if `base_version` is still the latest (else StaleVersion), in one transaction.

        Without `may_edit_others` only the draft's owner may save (else Forbidden). The draft goes back to 草稿,
        and an approval of an earlier version is voided (kept, marked `voided`).
        """
        require_text(text)

        def work(session: Session) -> VersionInfo:
            draft = self._locked_draft(session, draft_id)
            _require_owner(draft, author, may_edit_others)
            require_base(draft, base_version)
            moment = convert.now()
            how = "restore" if restored_from else source or ("after_return" if draft.status == "returned" else "edit")
            row = _version_row(draft_id, draft.latest_version + 1, text, author, check, moment, restored_from, how)
            session.add(row)
            session.flush()  # a concurrent duplicate number fails here (unique) and the whole write is retried
            if draft.status == "approved":
                session.execute(update(ReviewRow).where(ReviewRow.draft_id == draft_id,
                                                        ReviewRow.decision == "approve").values(voided=True))
            draft.latest_version, draft.check_ok = row.number, check.ok
            draft.status, draft.updated_at = "draft", moment
            return convert.version_info(row)

        return self._writing(work)


def _author(author: str) -> str:
    return (author or "").strip()[:200] or "匿名"


def _version_row(draft_id: str, number: int, text: str, author: str, check: CheckResult, moment,
                 restored_from: int | None = None, source: str | None = None) -> VersionRow:
    return VersionRow(draft_id=draft_id, number=number, text=text, author=_author(author),
                      check=check.model_dump(mode="json"), check_ok=check.ok, created_at=moment,
                      restored_from=restored_from, source=source)


def _require_owner(draft: DraftRow, author: str | None, may_edit_others: bool) -> None:
    if may_edit_others or author is None or _author(author) == (draft.owner or ""):
        return
    raise Forbidden(f"只有起草人（{draft.owner}）、编辑或管理员可以修改这篇稿件")
