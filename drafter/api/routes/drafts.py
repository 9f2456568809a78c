"""Drafts: create (JSON or plain text, optionally streamed), list, read, edit, versions, diff, review, export."""

from __future__ import annotations

import threading
from urllib.parse import quote

import anyio
from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from drafter.api.auth import READ, REVIEW, WRITE, Principal
from drafter.api.deps import Service
from drafter.api.errors import error_responses
from drafter.api.request_body import OPENAPI_BODY, read_draft_request
from drafter.api.schemas import DraftCreated, EditBody, ReviewBody
from drafter.api.streaming import created_body, draft_stream
from drafter.models import Kind, ProviderName
from drafter.domain.records import DiffResult, DraftDetail, DraftPage, DraftStatus, VersionInfo

router = APIRouter(prefix="/v1/drafts", tags=["drafts"])
DISCONNECT_POLL_S = 0.5
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@router.post("", status_code=201, response_model=DraftCreated, openapi_extra=OPENAPI_BODY,
             summary="起草一篇总结并保存（stream=true 时以 SSE 推送生成过程）",
             responses={**error_responses(401, 403, 413, 415, 422, 429, 503),
                        200: {"content": {"text/event-stream": {"schema": {"type": "string"}}},
                              "description": "stream=true：SSE 事件流，最后一个事件 done 带保存后的 id"}})
async def create_draft(service: Service, request: Request,
                       provider: ProviderName | None = Query(None, description="强制指定模型提供方"),
                       stream: bool = Query(False, description="以 Server-Sent Events 推送 plan/section/token/check/done 事件"),
                       principal: Principal = WRITE):
    draft_request = await read_draft_request(request)
    if stream:
        return await draft_stream(service, draft_request, provider, principal)
    result = await _draft_until_disconnect(request, service, draft_request, provider, principal)
    detail = await run_in_threadpool(service.create_draft, draft_request, result, principal)
    return created_body(result, detail)


async def _draft_until_disconnect(request: Request, service, draft_request, provider, principal):
    """The draft, its model calls stopped when the client goes away (the draft then ends as at its deadline:
    template sentences for the sections not written, and it is still stored, so the request is not lost)."""
    cancel = threading.Event()

    async def watch() -> None:
        while not cancel.is_set():
            if await request.is_disconnected():
                cancel.set()
            await anyio.sleep(DISCONNECT_POLL_S)

    outcome: dict = {}

    async def run(group) -> None:
        try:
            outcome["result"] = await run_in_threadpool(service.draft, draft_request, provider, principal, cancel)
        except Exception as exc:  # raised below, outside the task group (which would wrap it in a group)
            outcome["error"] = exc
        finally:
            group.cancel_scope.cancel()

    async with anyio.create_task_group() as group:
        group.start_soon(watch)
        group.start_soon(run, group)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


@router.get("", response_model=DraftPage, summary="草稿列表（可按单位、期间、类型、状态筛选，分页）",
            responses=error_responses(401, 403, 422))
def list_drafts(service: Service, org: str | None = Query(None, max_length=200), period: str | None = Query(None, max_length=100),
                kind: Kind | None = None, status: DraftStatus | None = None,
                owner: str | None = Query(None, max_length=200, description="起草人（用户或密钥名称）"),
                offset: int = Query(0, ge=0, le=1_000_000), limit: int = Query(20, ge=1, le=100),
                principal: Principal = READ) -> DraftPage:
    return service.list_drafts(org=org, period=period, kind=kind, status=status, offset=offset, limit=limit,
                               owner=owner, viewer=principal)


@router.get("/{draft_id}", response_model=DraftDetail, summary="读取一篇草稿（含最新版本）",
            responses=error_responses(401, 403, 404))
def get_draft(service: Service, draft_id: str, principal: Principal = READ) -> DraftDetail:
    return service.get_draft(draft_id, viewer=principal)


@router.put("/{draft_id}", response_model=VersionInfo, summary="保存修改为新版本（重新核对；基于旧版本时 409，非起草人 403）",
            responses=error_responses(401, 403, 404, 409, 413, 422))
def save_version(service: Service, draft_id: str, body: EditBody, principal: Principal = WRITE) -> VersionInfo:
    return service.save_version(draft_id, body.text, body.base_version, principal)


@router.get("/{draft_id}/versions", response_model=list[VersionInfo], summary="全部版本",
            responses=error_responses(401, 403, 404))
def list_versions(service: Service, draft_id: str, principal: Principal = READ) -> list[VersionInfo]:
    return service.list_versions(draft_id, viewer=principal)


@router.get("/{draft_id}/versions/{number}", response_model=VersionInfo, summary="读取某一版本",
            responses=error_responses(401, 403, 404, 422))
def get_version(service: Service, draft_id: str, number: int, principal: Principal = READ) -> VersionInfo:
    return service.get_version(draft_id, number, viewer=principal)


@router.get("/{draft_id}/diff", response_model=DiffResult, summary="比较两个版本（文本差异与变化的数字）",
            responses=error_responses(401, 403, 404, 422))
def diff(service: Service, draft_id: str, from_version: int = Query(..., alias="from", ge=1, le=1_000_000),
         to_version: int = Query(..., alias="to", ge=1, le=1_000_000),
         principal: Principal = READ) -> DiffResult:
    return service.diff(draft_id, from_version, to_version, viewer=principal)


@router.post("/{draft_id}/review", response_model=DraftDetail,
             summary="审核已提交的稿件：通过（approve）或退回（return）；核对未通过时通过需 override_reason",
             responses=error_responses(401, 403, 404, 422))
def review(service: Service, draft_id: str, body: ReviewBody, principal: Principal = REVIEW) -> DraftDetail:
    return service.review(draft_id, body.decision, body.comment, principal, override_reason=body.override_reason,
                          passages=body.passages)


@router.get("/{draft_id}/export.docx", response_class=Response, summary="导出 Word（公文格式）",
            responses={**error_responses(401, 403, 404, 422), 200: {"content": {DOCX_TYPE: {}}}})
def export_docx(service: Service, draft_id: str, version: int | None = Query(None, ge=1, le=1_000_000), principal: Principal = READ) -> Response:
    filename, data = service.export_docx(draft_id, version, viewer=principal)
    disposition = f"attachment; filename=\"draft-{quote(draft_id)}.docx\"; filename*=UTF-8''{quote(filename)}"
    return Response(data, media_type=DOCX_TYPE, headers={"Content-Disposition": disposition})
