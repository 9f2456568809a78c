"""Liveness and readiness probes (no API key needed)."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from drafter.api.deps import Service
from drafter.api.errors import error_responses

log = logging.getLogger("drafter.api")
router = APIRouter(tags=["health"])


@router.get("/healthz", summary="进程存活检查")
async def healthz() -> dict:
    return {"status": "ok"}


@router.get("/readyz", summary="就绪检查：未带密钥时只显示是否就绪；带有效密钥时显示示例索引与模型提供方详情",
            responses=error_responses(503))
async def readyz(service: Service, request: Request) -> JSONResponse:
    try:
        state = await run_in_threadpool(service.readiness)
    except Exception:  # a broken index or provider is "not ready", never a 500
        log.exception("readiness check failed")
        state = {"ready": False}
    ready = bool(state.get("ready"))
    body = state if await run_in_threadpool(_may_see_details, request, service) else {"ready": ready}
    if not ready:
        body = {**body, "error": {"code": "not_ready", "message": "服务未就绪：示例索引为空或没有可用的模型"}}
    return JSONResponse(body, status_code=200 if ready else 503)


def _may_see_details(request: Request, service) -> bool:
    """Details (chunk count, providers, model path) only with auth off or a valid key of any role."""
    if service.settings.auth == "off":
        return True
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and bool(key.strip()) and service.authenticate(key.strip()) is not None
