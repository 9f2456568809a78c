"""GET /v1/drafts/{id}/trace: the model calls that produced a draft (prompts, replies, tokens, time), admin only.

Prompts hold the facts and replies the unreviewed model text, so only the admin role reads them (with
DRAFTER_AUTH=off the local user may).
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from drafter.api.auth import ALL_PERMISSIONS, LOCAL_USER, ROLE_PERMISSIONS, Principal, authenticated
from drafter.api.deps import Service
from drafter.api.errors import ApiError, error_responses
from drafter.providers.trace_log import TraceCall

ADMIN_ROLE = "admin"
router = APIRouter(prefix="/v1/drafts", tags=["drafts"])
_bearer = HTTPBearer(auto_error=False, description="API 密钥（admin 角色）")


async def require_admin(request: Request,
                        credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Principal:
    """The caller when it holds an admin key (or auth is off); 401/403 otherwise."""
    service = request.app.state.service
    if service.settings.auth == "off":
        return Principal(LOCAL_USER, "local", ALL_PERMISSIONS)
    info = await authenticated(request, credentials)  # failures counted and throttled like every route's
    role = str(getattr(info, "role", ""))
    if role != ADMIN_ROLE:
        raise ApiError(403, f"角色 {role} 无权查看生成过程（仅限 {ADMIN_ROLE} 角色）")
    return Principal(str(info.name), role, ROLE_PERMISSIONS[role], str(getattr(info, "org_id", "") or "root"))


@router.get("/{draft_id}/trace", response_model=list[TraceCall], responses=error_responses(401, 403, 404),
            summary="生成过程：该稿件每次模型调用的提示、回复、词元数、用时与步骤（仅限 admin）")
async def draft_trace(service: Service, draft_id: str, admin: Principal = Depends(require_admin)) -> list[TraceCall]:
    return await run_in_threadpool(service.trace, draft_id, admin)
