"""One error body for every failure: {"error": {"code": str, "message": str}}, messages in Chinese."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException

from drafter.errors import (Forbidden, InvalidInput, NotFound, ProviderError, ProviderUnavailable, QueueFull,
                            StaleVersion)

log = logging.getLogger("drafter.api")

# status → (code, default Chinese message)
STATUS_CODES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "请求格式有误"),
    401: ("unauthorized", "缺少或无效的 API 密钥（请求头 Authorization: Bearer KEY）"),
    403: ("forbidden", "当前密钥的角色无权执行此操作"),
    404: ("not_found", "请求的资源不存在"),
    405: ("method_not_allowed", "该地址不支持此请求方法"),
    406: ("not_acceptable", "无法提供所请求的内容格式"),
    409: ("stale_version", "版本冲突：草稿已被他人修改，请基于最新版本重新编辑"),
    413: ("payload_too_large", "请求内容超过大小限制"),
    415: ("unsupported_media_type", "不支持的内容类型"),
    422: ("validation_error", "请求参数有误"),
    429: ("queue_full", "生成队列已满，请稍后再试"),
    500: ("internal_error", "服务器内部错误"),
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
                   fields: list[dict] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    default_code, default_message = STATUS_CODES.get(status, ("error", "请求失败"))
    error: dict = {"code": code or default_code, "message": message or default_message}
    if fields is not None:
        error["fields"] = fields
    return JSONResponse({"error": error}, status_code=status, headers=headers)


def error_responses(*statuses: int) -> dict:
    """OpenAPI `responses=` entries documenting the error body for these statuses."""
    return {s: {"model": ErrorBody, "description": STATUS_CODES.get(s, ("", ""))[1]} for s in statuses}


# --- 422: which fields failed, in Chinese -------------------------------------------------
_TYPE_MESSAGES = {
    "missing": "缺少必填项",
    "json_invalid": "JSON 格式错误",
    "json_type": "应为 JSON 对象",
    "model_attributes_type": "应为 JSON 对象",
    "dict_type": "应为 JSON 对象",
    "string_type": "应为字符串",
    "string_too_short": "不能为空或过短",
    "string_too_long": "过长",
    "too_short": "条目过少",
    "too_long": "条目过多",
    "list_type": "应为列表",
    "int_parsing": "应为整数",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "bool_parsing": "应为布尔值",
    "float_parsing": "应为数字",
    "literal_error": "取值不在允许范围内",
    "enum": "取值不在允许范围内",
    "greater_than_equal": "数值过小",
    "greater_than": "数值过小",
    "less_than_equal": "数值过大",
    "less_than": "数值过大",
    "extra_forbidden": "不允许的字段",
    "string_unicode": "应为 UTF-8 文本",
}


def field_name(loc: tuple | list) -> str:
    parts = [str(p) for p in loc if p not in ("body",)]
    return ".".join(parts) or "body"


def field_message(err: dict) -> str:
    kind = err.get("type", "")
    if kind == "value_error":  # a validator's own (Chinese) message
        message = str((err.get("ctx") or {}).get("error") or err.get("msg", "")).removeprefix("Value error, ")
        if "UploadFile" in message:
            return "应为上传的文件（multipart 文件字段，且带文件名）"
        return message if _has_chinese(message) else f"取值无效（{message}）"
    base = _TYPE_MESSAGES.get(kind, "取值无效")
    if kind == "literal_error" and err.get("ctx", {}).get("expected"):
        return f"{base}（允许：{err['ctx']['expected']}）"
    return base


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def validation_fields(errors: list[dict]) -> list[dict]:
    return [{"field": field_name(e.get("loc", ())), "message": field_message(e)} for e in errors]


def validation_response(errors: list[dict]) -> JSONResponse:
    fields = validation_fields(errors)
    summary = "；".join(f"{f['field']}：{f['message']}" for f in fields[:8])
    return error_response(422, f"请求参数有误：{summary}" if summary else None, fields=fields)


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
        message = None if exc.status_code in STATUS_CODES else str(exc.detail)
        return error_response(exc.status_code, message, headers=exc.headers)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> JSONResponse:
        return error_response(404, _message(exc, 404))

    @app.exception_handler(StaleVersion)
    async def _stale(request: Request, exc: StaleVersion) -> JSONResponse:
        error: dict = {"code": "stale_version", "message": _message(exc, 409)}
        if exc.latest_version is not None:
            error["latest_version"] = exc.latest_version
        return JSONResponse({"error": error}, status_code=409)

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
        return error_response(422, _message(exc, 422), fields=[])

    @app.exception_handler(ValueError)
    async def _value_error(request: Request, exc: ValueError) -> JSONResponse:
        if isinstance(exc, ValidationError):
            return validation_response(list(exc.errors()))
        return error_response(422, f"请求参数有误：{exc}", fields=[])

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500)


def _message(exc: Exception, status: int) -> str:
    return str(exc) or STATUS_CODES[status][1]
