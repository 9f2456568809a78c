"""The review workflow over HTTP: submit, restore an older version, the diff since the last return."""

from __future__ import annotations

from fastapi import APIRouter, Path

from drafter.api.auth import READ, WRITE, Principal
from drafter.api.deps import Service
from drafter.api.errors import ApiError, error_responses
from drafter.domain.records import DiffResult, DraftDetail, VersionInfo

router = APIRouter(prefix="/v1/drafts", tags=["review"])


@router.post("/{draft_id}/submit", response_model=DraftDetail, summary="提交审核（草稿/已退回 → 已提交）",
             responses=error_responses(401, 403, 404, 422))
def submit(service: Service, draft_id: str, principal: Principal = WRITE) -> DraftDetail:
    return service.submit(draft_id, principal)


@router.post("/{draft_id}/versions/{number}/restore", response_model=VersionInfo,
             summary="恢复某一旧版本：其正文保存为新的最新版本（重新核对）", responses=error_responses(401, 403, 404, 409, 422))
def restore_version(service: Service, draft_id: str, number: int = Path(..., ge=1, le=1_000_000), principal: Principal = WRITE) -> VersionInfo:
    return service.restore_version(draft_id, number, principal)


@router.get("/{draft_id}/diff-since-return", response_model=DiffResult,
            summary="自上次退回以来的修改（从被退回的版本到最新版本）", responses=error_responses(401, 403, 404))
def diff_since_return(service: Service, draft_id: str, principal: Principal = READ) -> DiffResult:
    diff = service.diff_since_return(draft_id, viewer=principal)
    if diff is None:
        raise ApiError(404, "该稿件没有被退回过")
    return diff
