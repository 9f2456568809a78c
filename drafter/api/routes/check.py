"""POST /v1/check: the number check with its exact contract."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from drafter.api.auth import READ, Principal
from drafter.api.check_pool import ClientGone
from drafter.api.deps import Service
from drafter.api.errors import error_responses
from drafter.api.schemas import CheckBody
from drafter.models import CheckResult

INLINE_CHECK_CHARS = 5_000
router = APIRouter(prefix="/v1", tags=["check"])


@router.post("/check", response_model=CheckResult, summary="核对文稿中的每个数字是否有事实依据",
             description="长文稿在单独的核对进程中进行：超过 DRAFTER_CHECK_DEADLINE_S 秒即停止（503 check_timeout），"
                         "客户端断开即停止；核对进程忙且排队已满时 429。",
             responses=error_responses(401, 403, 413, 422, 429, 503))
async def check(service: Service, body: CheckBody, request: Request, principal: Principal = READ) -> CheckResult:
    service.refuse_long_facts(body.facts)
    if body.judge:  # the claim judge needs the model: in this process, in a worker thread
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(service.check, body.facts, body.draft, None, True)
    if len(body.draft) <= INLINE_CHECK_CHARS and sum(map(len, body.facts)) <= INLINE_CHECK_CHARS:
        return service.check(body.facts, body.draft)  # a few milliseconds: a process hop would cost more
    try:
        return await request.app.state.check_pool.check(request, body.facts, body.draft)
    except ClientGone:
        return Response(status_code=499)  # nobody reads it
