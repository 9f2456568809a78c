"""The outline of a draft (issue 20): POST /v1/plan proposes sections and headings for a request's facts; the
secretary may change them and send the outline back in the request's `plan` to POST /v1/drafts."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from drafter.api.auth import WRITE, Principal
from drafter.api.deps import Service
from drafter.api.errors import error_responses
from drafter.api.request_body import OPENAPI_BODY, read_draft_request
from drafter.models import DraftPlan, ProviderName

router = APIRouter(prefix="/v1/plan", tags=["drafts"])


@router.post("", response_model=DraftPlan, openapi_extra=OPENAPI_BODY,
             summary="为一组事实拟定提纲（分节、标题、每节的事实），可修改后随起草请求的 plan 提交",
             responses=error_responses(401, 403, 413, 415, 422, 429, 503))
async def propose_plan(request: Request, service: Service, principal: Principal = WRITE,
                       provider: ProviderName | None = Query(None, description="按此模型提供方拟定（与起草一致）")) -> DraftPlan:
    """The outline a draft with the same provider would follow: with a model and DRAFTER_MODEL_HEADINGS=on, the
    sections no example heading fits are headed by the model, as in POST /v1/drafts."""
    draft_request = await read_draft_request(request)
    return await run_in_threadpool(service.plan, draft_request, principal, provider)
