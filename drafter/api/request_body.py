"""The body of POST /v1/drafts: a DraftRequest as JSON, or the plain-text request form (text/plain)."""

from __future__ import annotations

from fastapi import Request

from drafter.api.errors import ApiError
from drafter.models import DraftRequest
from drafter.service import DrafterService

PLAIN_TEXT_EXAMPLE = "单位：某某公司工会\n期间：2025年\n类型：年度总结\n事实：\n- 春节走访慰问困难职工86户，发放慰问金12.6万元\n"

def _inlined(schema: dict) -> dict:
    """A model's JSON schema with its `$defs` put in place (the OpenAPI document has no room for them here)."""
    defs = schema.pop("$defs", {})

    def resolve(node):
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return resolve(dict(defs[ref.rsplit("/", 1)[1]]))
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    return resolve(schema)


# OpenAPI description of the two accepted bodies (the route reads the body itself).
OPENAPI_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": _inlined(DraftRequest.model_json_schema())},
            "text/plain": {"schema": {"type": "string", "example": PLAIN_TEXT_EXAMPLE},
                           "description": "纯文本请求（单位、期间、类型、事实等），由 drafter.pipeline.parse_request_text 解析"},
        },
    }
}


async def read_draft_request(request: Request) -> DraftRequest:
    """Parse the body by its content type (DrafterService.parse_request, the one way every adapter reads a request):
    415 for other types, 422 (InvalidInput with fields, in Chinese) for invalid content."""
    media_type = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if media_type != "text/plain" and media_type != "application/json" and not media_type.endswith("+json"):
        raise ApiError(415, "仅支持 application/json 或 text/plain 请求体")
    body = await request.body()
    return DrafterService.parse_request(body, "text" if media_type == "text/plain" else "json")
