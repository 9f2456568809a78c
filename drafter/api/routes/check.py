"""POST /v1/check: the number check with its exact contract."""

from __future__ import annotations

from fastapi import APIRouter, Request

from drafter.api.auth import READ, Principal
from drafter.api.deps import Service, run_cpu_bound
from drafter.api.errors import error_responses
from drafter.api.schemas import CheckBody
from drafter.models import CheckResult

INLINE_CHECK_CHARS = 5_000
router = APIRouter(prefix="/v1", tags=["check"])


@router.post("/check", response_model=CheckResult, summary="核对文稿中的每个数字是否有事实依据",
             responses=error_responses(401, 403, 413, 422))
async def check(service: Service, body: CheckBody, request: Request, principal: Principal = READ) -> CheckResult:
    if len(body.draft) <= INLINE_CHECK_CHARS:  # a few milliseconds: a thread hop would cost more than it saves
        return service.check(body.facts, body.draft)
    return await run_cpu_bound(request, service.check, body.facts, body.draft)
