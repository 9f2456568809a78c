"""Rows to records (drafter.domain.records); SQLite hands back naive datetimes, which are UTC."""

from __future__ import annotations

from datetime import UTC, datetime

from drafter.models import CheckResult, DraftRequest, DraftResult
from drafter.domain.records import (ROOT_ORG, ApiKeyInfo, OrgInfo, CommentReply, DraftDetail, DraftSummary, PassageComment, ReviewInfo, UserInfo,
                             VersionInfo, WorkingCopy)
from drafter.store.tables import ApiKeyRow, DraftRow, OrgRow, ReplyRow, ReviewRow, UserRow, VersionRow, WorkingCopyRow


def utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def now() -> datetime:
    return datetime.now(UTC)


def version_info(row: VersionRow) -> VersionInfo:
    return VersionInfo(number=row.number, text=row.text, author=row.author, created_at=utc(row.created_at),
                       check=CheckResult.model_validate(row.check), restored_from=row.restored_from,
                       source=row.source)


def review_info(row: ReviewRow, replies: list[CommentReply] | None = None) -> ReviewInfo:
    return ReviewInfo(id=row.id, replies=list(replies or []), decision=row.decision, comment=row.comment, reviewer=row.reviewer,
                      created_at=utc(row.created_at), version=row.version, override_reason=row.override_reason,
                      passages=[PassageComment.model_validate(p) for p in row.passages or []],
                      voided=bool(row.voided))


def summary_fields(row: DraftRow) -> dict:
    return dict(id=row.id, title=row.title, org=row.org, period=row.period, kind=row.kind, topic=row.topic,
                status=row.status, owner=row.owner or "", org_id=row.org_id or ROOT_ORG, latest_version=row.latest_version, check_ok=row.check_ok,
                created_at=utc(row.created_at), updated_at=utc(row.updated_at))


def draft_summary(row: DraftRow) -> DraftSummary:
    return DraftSummary(**summary_fields(row))


def reply_info(row: ReplyRow) -> CommentReply:
    # model_construct: a stored reply was validated when written (a declined reply always has its text)
    return CommentReply.model_construct(passage=None if row.target < 0 else row.target, state=row.state,
                                        text=row.text or "", author=row.author, version=row.version,
                                        created_at=utc(row.created_at))


def draft_detail(row: DraftRow, latest: VersionRow, reviews: list[ReviewInfo]) -> DraftDetail:
    """The draft with its latest version and its reviews (already converted, with their replies)."""
    result = DraftResult.model_validate(row.result) if row.result is not None else None
    return DraftDetail(**summary_fields(row), request=DraftRequest.model_validate(row.request), result=result,
                       latest=version_info(latest), reviews=reviews)


def api_key_info(row: ApiKeyRow) -> ApiKeyInfo:
    return ApiKeyInfo(id=row.id, name=row.name, role=row.role, created_at=utc(row.created_at), revoked=row.revoked,
                      org_id=row.org_id or ROOT_ORG)


def user_info(row: UserRow) -> UserInfo:
    return UserInfo(name=row.name, role=row.role, created_at=utc(row.created_at), disabled=bool(row.disabled),
                    org_id=row.org_id or ROOT_ORG)


def working_copy(row: WorkingCopyRow) -> WorkingCopy:
    return WorkingCopy(user=row.user_name, draft_id=row.slot or None, base_version=row.base_version,
                       form=dict(row.form or {}), text=row.text, updated_at=utc(row.updated_at))


def org_info(row: OrgRow) -> OrgInfo:
    return OrgInfo(id=row.id, name=row.name, parent_id=row.parent_id, path=row.path, created_at=utc(row.created_at))
