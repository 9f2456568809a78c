"""One parser for JSON bodies (issue 24, D8): every JSON request body, on every route, is read once by
drafter.domain.validation.parse_json before the route sees it, so the nesting limit (MAX_JSON_DEPTH), UTF-8 and
well-formedness hold everywhere with the same 422 and Chinese reason (field `body`)."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from drafter.api.errors import error_response
from drafter.domain.errors import InvalidInput
from drafter.domain.validation import parse_json

_NO_BODY = frozenset({"GET", "HEAD", "OPTIONS", "DELETE"})


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            media = value.split(b";")[0].strip().lower()
            return media == b"application/json" or media.endswith(b"+json")
    return False


class JsonBodyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in _NO_BODY or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away before its body arrived
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        if body.strip():
            try:
                parse_json(body)
            except InvalidInput as exc:
                await error_response(422, f"请求参数有误：{exc}", fields=exc.fields)(scope, receive, send)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
