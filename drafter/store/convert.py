"""Rows to records (drafter.records); SQLite hands back naive datetimes, which are UTC."""

from __future__ import annotations

from datetime import UTC, datetime

from drafter.models import CheckResult, DraftRequest, DraftResult
from drafter.records import ApiKeyInfo, DraftDetail, DraftSummary, ReviewInfo, VersionInfo
from drafter.store.tables import ApiKeyRow, DraftRow, ReviewRow, VersionRow


def utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def now() -> datetime:
    return datetime.now(UTC)


def version_info(row: VersionRow) -> VersionInfo:
    return VersionInfo(number=row.number, text=row.text, author=row.author, created_at=utc(row.created_at),
                       check=CheckResult.model_validate(row.check))


def review_info(row: ReviewRow) -> ReviewInfo:
    return ReviewInfo(decision=row.decision, comment=row.comment, reviewer=row.reviewer,
                      created_at=utc(row.created_at), version=row.version)


def summary_fields(row: DraftRow) -> dict:
    return dict(id=row.id, title=row.title, org=row.org, period=row.period, kind=row.kind, topic=row.topic,
                status=row.status, latest_version=row.latest_version, check_ok=row.check_ok,
                created_at=utc(row.created_at), updated_at=utc(row.updated_at))


def draft_summary(row: DraftRow) -> DraftSummary:
    return DraftSummary(**summary_fields(row))


def draft_detail(row: DraftRow, latest: VersionRow, reviews: list[ReviewRow]) -> DraftDetail:
    result = DraftResult.model_validate(row.result) if row.result is not None else None
    return DraftDetail(**summary_fields(row), request=DraftRequest.model_validate(row.request), result=result,
                       latest=version_info(latest), reviews=[review_info(r) for r in reviews])


def api_key_info(row: ApiKeyRow) -> ApiKeyInfo:
    return ApiKeyInfo(id=row.id, name=row.name, role=row.role, created_at=utc(row.created_at), revoked=row.revoked)
