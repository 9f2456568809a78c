"""One error body for every failure: {"error": {"code": str, "message": str}}, messages in Chinese.

Only the project's own errors (drafter.domain.errors, textkit's DecodeError, pydantic validation of our models)
and HTTP errors map to 4xx/5xx with their message. Anything else is a bug: a 500 with a plain Chinese body and
the traceback in the log (never a 422 because some library raised ValueError)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException

from drafter.domain.errors import (Conflict, Forbidden, InvalidInput, NotFound, ProviderError, ProviderUnavailable,
                            QueueFull)
from drafter.domain.validation import MAX_JSON_DEPTH, invalid
from textkit.decoding import DecodeError, encodable

log = logging.getLogger("drafter.api")

# status → (code, default Chinese message)
STATUS_CODES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "请求格式有误"),
    401: ("unauthorized", "缺少或无效的 API 密钥（请求头 Authorization: Bearer KEY）"),
    403: ("forbidden", "当前密钥的角色无权执行此操作"),
    404: ("not_found", "请求的资源不存在"),
    405: ("method_not_allowed", "该地址不支持此请求方法"),
    406: ("not_acceptable", "无法提供所请求的内容格式"),
    408: ("request_timeout", "请求体发送超时"),
    409: ("stale_version", "版本冲突：草稿已被他人修改，请基于最新版本重新编辑"),
    413: ("payload_too_large", "请求内容超过大小限制"),
    414: ("uri_too_long", "请求地址（含查询参数）过长"),
    415: ("unsupported_media_type", "不支持的内容类型"),
    422: ("validation_error", "请求参数有误"),
    429: ("queue_full", "生成队列已满，请稍后再试"),
    431: ("headers_too_large", "请求头过大"),
    500: ("internal_error", "服务器内部错误，已记录错误详情；请稍后重试，如仍失败请联系管理员"),
    502: ("provider_error", "模型服务调用失败"),
    503: ("unavailable", "服务暂不可用"),
}


class ErrorDetail(BaseModel):
    code: str
    message: str
    fields: list[dict] | None = None
    latest_version: int | None = None  # 409 stale_version: the draft's latest version, to show it to the user


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(HTTPException):
    """An HTTP error with an explicit code and Chinese message (raised by routes and middleware)."""

    def __init__(self, status: int, message: str | None = None, code: str | None = None,
                 fields: list[dict] | None = None, headers: dict[str, str] | None = None) -> None:
        default_code, default_message = STATUS_CODES.get(status, ("error", "请求失败"))
        super().__init__(status, detail=message or default_message, headers=headers)
        self.code = code or default_code
        self.fields = fields


def error_response(status: int, message: str | None = None, code: str | None = None,
                   fields: list[dict] | None = None, headers: dict[str, str] | None = None,
                   extra: dict | None = None) -> JSONResponse:
    default_code, default_message = STATUS_CODES.get(status, ("error", "请求失败"))
    error: dict = {"code": code or default_code, "message": _printable(message or default_message), **(extra or {})}
    if fields is not None:
        error["fields"] = [{k: _printable(str(v)) for k, v in f.items()} for f in fields]
    return JSONResponse({"error": error}, status_code=status, headers=headers)


def _printable(text: str) -> str:
    """Text safe to encode as UTF-8 (a client's lone surrogate echoed in a message must not cause a 500)."""
    return encodable(text)


def error_responses(*statuses: int) -> dict:
    """OpenAPI `responses=` entries documenting the error body for these statuses."""
    return {s: {"model": ErrorBody, "description": STATUS_CODES.get(s, ("", ""))[1]} for s in statuses}


# --- 422: which fields failed, in Chinese (the one table lives in drafter.domain.validation) -----------
def validation_response(errors: list[dict]) -> JSONResponse:
    exc = invalid(errors)
    return error_response(422, str(exc), fields=exc.fields)


def body_parse_reason(exc: BaseException | None) -> str:
    """Why FastAPI could not parse a JSON body (it answers 400 with English text; we answer 422 in Chinese)."""
    if isinstance(exc, UnicodeDecodeError):
        return "请求体不是 UTF-8 文本"
    if isinstance(exc, RecursionError):
        return f"JSON 嵌套层数过深（最多 {MAX_JSON_DEPTH} 层）"
    return "请求体无法解析"


# --- handlers ----------------------------------------------------------------------------
def install_error_handlers(app: FastAPI) -> None:
    """Map service errors and framework errors to the one error body."""

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return validation_response(list(exc.errors()))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        if isinstance(exc, ApiError):
            return error_response(exc.status_code, exc.detail, exc.code, exc.fields, exc.headers)
        if exc.status_code == 400 and _multipart(request):  # Starlette's multipart errors: 422, reason in Chinese
            from drafter.api.uploads import multipart_reason

            reason = multipart_reason(str(exc.detail))
            return error_response(422, f"请求参数有误：{reason}", fields=[{"field": "files", "message": reason}])
        if exc.status_code == 400 and exc.detail == "There was an error parsing the body":  # FastAPI's own
            reason = body_parse_reason(exc.__cause__)
            return error_response(422, f"请求参数有误：{reason}", fields=[{"field": "body", "message": reason}])
        message = None if exc.status_code in STATUS_CODES else str(exc.detail)
        return error_response(exc.status_code, message, headers=exc.headers)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> JSONResponse:
        return error_response(404, _message(exc, 404))

    @app.exception_handler(Conflict)
    async def _conflict(request: Request, exc: Conflict) -> JSONResponse:
        latest = getattr(exc, "latest_version", None)
        return error_response(409, _message(exc, 409), code=getattr(exc, "code", None) or _conflict_code(exc),
                              extra={"latest_version": latest} if latest is not None else None)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> JSONResponse:
        return error_response(403, _message(exc, 403))

    @app.exception_handler(QueueFull)
    async def _queue_full(request: Request, exc: QueueFull) -> JSONResponse:
        return error_response(429, _message(exc, 429), headers={"Retry-After": "5"})

    @app.exception_handler(ProviderUnavailable)
    async def _unavailable(request: Request, exc: ProviderUnavailable) -> JSONResponse:
        return error_response(503, f"模型不可用：{exc}", code="provider_unavailable")

    @app.exception_handler(ProviderError)
    async def _provider(request: Request, exc: ProviderError) -> JSONResponse:
        return error_response(502, f"模型服务调用失败：{exc}")

    @app.exception_handler(InvalidInput)
    async def _invalid(request: Request, exc: InvalidInput) -> JSONResponse:
        return error_response(422, _message(exc, 422), fields=list(getattr(exc, "fields", None) or []))

    @app.exception_handler(ValidationError)
    async def _model_validation(request: Request, exc: ValidationError) -> JSONResponse:
        return validation_response(list(exc.errors()))

    @app.exception_handler(DecodeError)
    async def _undecodable(request: Request, exc: DecodeError) -> JSONResponse:
        return error_response(422, _message(exc, 422), fields=[{"field": "body", "message": str(exc)}])

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500)


def _multipart(request: Request) -> bool:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return media == "multipart/form-data"


def _conflict_code(exc: Conflict) -> str:
    from drafter.domain.errors import StaleVersion

    return "stale_version" if isinstance(exc, StaleVersion) else "conflict"


def _message(exc: Exception, status: int) -> str:
    return str(exc) or STATUS_CODES[status][1]
