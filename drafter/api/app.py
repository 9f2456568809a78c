"""The FastAPI app, built by `create_app(service)`: thin routers over the one DrafterService."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.types import Scope

from drafter.api.check_pool import CheckPool
from drafter.api.display_times import local_times_response
from drafter.api.docs import install_docs
from drafter.api.errors import install_error_handlers
from drafter.api.json_body import JsonBodyMiddleware
from drafter.api.limits import BodyLimitMiddleware, HeaderLimitMiddleware
from drafter.api.routes import check, drafts, examples, health, jobs, orgs, plan, replies, review, trace
from drafter.api.throttle import AuthThrottle
from drafter.api.uploads import UPLOAD_BODY_FACTOR
from drafter.service import DrafterService

log = logging.getLogger("drafter.api")
DESCRIPTION = """工会工作总结起草助手的 HTTP 接口。

除 /healthz、/readyz 外，请求需带 `Authorization: Bearer KEY`（`drafter keys create NAME --role writer|editor|reviewer|admin|reader`）。
角色：reader 只读（含 /v1/check）；writer 起草、修改并提交自己的稿件、上传/删除示例；editor 同 writer，且可修改他人的稿件；
reviewer 审核（通过/退回）；admin 全部权限。
每个密钥属于一个组织（`--org`）：角色只在本组织及其下级组织内有效，范围外的稿件、任务与示例一律返回 404。
错误统一为 `{"error": {"code": ..., "message": ...}}`。
"""


def create_app(service: DrafterService, warm: bool = False) -> FastAPI:
    """Build the app over `service`; no global state, so tests and workers each build their own.

    With `warm`, the example index and search are loaded in a background thread at startup, so the first
    request does not pay for it (/healthz answers at once; /readyz waits for the index).
    """
    app = FastAPI(title="drafter API", version="1", description=DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json", lifespan=_warm_up if warm else None,
                  default_response_class=local_times_response(service.settings.timezone))
    app.state.service = service
    app.state.throttle = AuthThrottle(service.store, service.settings.auth_failures_per_minute,
                                      service.settings.auth_address_failures_per_minute)
    app.state.check_pool = CheckPool(service.settings, service.settings.check_deadline_s,
                                     service.settings.check_queue_size)
    for module in (health, check, plan, drafts, review, replies, examples, jobs, trace, orgs):
        app.include_router(module.router)
    install_docs(app)
    install_error_handlers(app)
    app.add_middleware(JsonBodyMiddleware)  # inside the body limits: reads what they let through
    app.add_middleware(BodyLimitMiddleware, limit_for=_body_limit(service), timeout_s=service.settings.body_read_timeout_s,
                       total_s=service.settings.request_deadline_s)
    app.add_middleware(HeaderLimitMiddleware, max_bytes=service.settings.max_header_bytes)
    return app


@asynccontextmanager
async def _warm_up(app: FastAPI) -> AsyncIterator[None]:
    service = app.state.service
    threading.Thread(target=_warm, args=(service,), name="drafter-warm", daemon=True).start()
    yield


def _warm(service: DrafterService) -> None:
    try:
        service.library.warm()
    except Exception:  # /readyz reports what is wrong
        log.exception("warming the example library failed")
    try:
        service.check(["1人"], "1人")  # loads the number and faithfulness lexicons of these settings
    except Exception:  # an unusable extra lexicon: every check request reports it
        log.exception("loading the check lexicons failed")
    # What start-up loaded lives as long as the process: frozen, the garbage collector no longer walks it on
    # every full collection (about 5-8 % of a check's time; bench/numcheck_bench.py does the same).
    gc.freeze()


def _body_limit(service: DrafterService):
    settings = service.settings

    def limit_for(scope: Scope) -> int:
        if scope.get("method") == "POST" and scope.get("path", "").rstrip("/") == "/v1/examples":
            return settings.max_upload_bytes * UPLOAD_BODY_FACTOR
        return settings.max_body_bytes

    return limit_for

