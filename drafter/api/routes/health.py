"""Liveness and readiness probes (no API key needed)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from drafter.api.deps import get_service
from drafter.api.errors import error_responses

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="进程存活检查")
async def healthz() -> dict:
    return {"status": "ok"}


@router.get("/readyz", summary="就绪检查：示例索引与模型提供方", responses=error_responses(503))
async def readyz(service=Depends(get_service)) -> JSONResponse:
    try:
        state = await run_in_threadpool(service.readiness)
    except Exception as exc:  # a broken index or provider is "not ready", never a 500
        return JSONResponse({"ready": False, "error": {"code": "not_ready", "message": f"服务未就绪：{exc}"}},
                            status_code=503)
    if not state.get("ready"):
        state = {**state, "error": {"code": "not_ready", "message": "服务未就绪：示例索引为空或没有可用的模型"}}
        return JSONResponse(state, status_code=503)
    return JSONResponse(state)
