"""POST /v1/check: the number check with its exact contract."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from drafter.api.auth import READ, Principal
from drafter.api.deps import get_service
from drafter.api.errors import error_responses
from drafter.api.schemas import CheckBody
from drafter.models import CheckResult

router = APIRouter(prefix="/v1", tags=["check"])


@router.post("/check", response_model=CheckResult, summary="核对文稿中的每个数字是否有事实依据",
             responses=error_responses(401, 403, 413, 422))
def check(body: CheckBody, principal: Principal = READ, service=Depends(get_service)) -> CheckResult:
    # a plain `def`: FastAPI runs it in the threadpool, so a long text never blocks the event loop
    return service.check(body.facts, body.draft)
