"""Liveness and readiness probes (no API key needed) and the status details (any valid key)."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from drafter.api.auth import READ, Principal
from drafter.api.deps import Service
from drafter.api.errors import error_responses

log = logging.getLogger("drafter.api")
router = APIRouter(tags=["health"])


@router.get("/healthz", summary="进程存活检查")
async def healthz() -> dict:
    return {"status": "ok"}


@router.get("/readyz", summary="就绪检查：对任何调用方都只显示是否就绪（详情见 GET /v1/status，需密钥）",
            responses=error_responses(503))
async def readyz(service: Service) -> JSONResponse:
    """The same body whatever key is sent (issue 24, D6: a body that differs tells a valid key from a guess)."""
    ready = bool((await _readiness(service)).get("ready"))
    return _answer({"ready": ready}, ready)


@router.get("/v1/status", summary="服务状态详情：示例索引片段数、模型提供方及其可用性（需密钥，任何角色）",
            responses=error_responses(401, 403, 429, 503))
async def status(service: Service, principal: Principal = READ) -> JSONResponse:
    state = await _readiness(service)
    return _answer(state, bool(state.get("ready")))


async def _readiness(service) -> dict:
    try:
        return await run_in_threadpool(service.readiness)
    except Exception:  # a broken index or provider is "not ready", never a 500
        log.exception("readiness check failed")
        return {"ready": False}


def _answer(body: dict, ready: bool) -> JSONResponse:
    if not ready:
        body = {**body, "error": {"code": "not_ready", "message": "服务未就绪：示例索引为空或没有可用的模型"}}
    return JSONResponse(body, status_code=200 if ready else 503)
