"""The body of POST /v1/drafts: a DraftRequest as JSON, or the plain-text request form (text/plain)."""

from __future__ import annotations

import json

from fastapi import Request
from pydantic import ValidationError

from drafter.api.errors import ApiError, validation_fields
from drafter.models import DraftRequest

PLAIN_TEXT_EXAMPLE = "单位：某某公司工会\n期间：2025年\n类型：年度总结\n事实：\n- 春节走访慰问困难职工86户，发放慰问金12.6万元\n"

# OpenAPI description of the two accepted bodies (the route reads the body itself).
OPENAPI_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": DraftRequest.model_json_schema()},
            "text/plain": {"schema": {"type": "string", "example": PLAIN_TEXT_EXAMPLE},
                           "description": "纯文本请求（单位、期间、类型、事实等），由 drafter.pipeline.parse_request_text 解析"},
        },
    }
}


async def read_draft_request(request: Request) -> DraftRequest:
    """Parse the body by its content type; 415 for other types, 422 (with fields) for invalid content."""
    media_type = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    body = await request.body()
    if media_type == "text/plain":
        return _from_text(body)
    if media_type == "application/json" or media_type.endswith("+json"):
        return _from_json(body)
    raise ApiError(415, "仅支持 application/json 或 text/plain 请求体")


def _from_json(body: bytes) -> DraftRequest:
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(422, f"JSON 格式错误：{exc}", fields=[{"field": "body", "message": "JSON 格式错误"}]) from exc
    try:
        return DraftRequest.model_validate(payload)
    except ValidationError as exc:
        raise _invalid(exc) from exc


def _from_text(body: bytes) -> DraftRequest:
    from drafter.pipeline import parse_request_text

    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApiError(422, "请求正文不是 UTF-8 文本", fields=[{"field": "body", "message": "应为 UTF-8 文本"}]) from None
    try:
        return parse_request_text(text)
    except ValidationError as exc:
        raise _invalid(exc) from exc
    except ValueError as exc:  # InvalidInput and plain parse errors carry a Chinese message
        raise ApiError(422, f"请求内容有误：{exc}", fields=[{"field": "body", "message": str(exc)}]) from exc


def _invalid(exc: ValidationError) -> ApiError:
    fields = validation_fields(list(exc.errors()))
    summary = "；".join(f"{f['field']}：{f['message']}" for f in fields[:8])
    return ApiError(422, f"请求参数有误：{summary}", fields=fields)
