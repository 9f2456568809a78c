"""Request limits: header and URL size (414/431), body size by Content-Length and as streamed (413), and a
body-read timeout and a deadline on the whole body (408), all answered with the one JSON error body."""

from __future__ import annotations

from collections.abc import Callable

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from drafter.api.errors import ApiError, error_response


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"请求内容超过大小限制（上限 {limit} 字节）")


class BodyTimeout(ApiError):
    def __init__(self, seconds: float, whole: bool = False) -> None:
        super().__init__(408, f"请求体发送超时（{seconds:g} 秒内未发送完毕）" if whole
                         else f"请求体发送超时（{seconds:g} 秒内没有收到数据）")


class HeaderLimitMiddleware:
    """414 when the request target (path and query string) alone, 431 when it and the headers together are over
    `max_bytes`. (The server itself drops requests far over this; see `drafter serve`.)"""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            target = len(scope.get("raw_path") or scope.get("path", "").encode()) + len(scope.get("query_string", b""))
            headers = sum(len(name) + len(value) + 4 for name, value in scope.get("headers", []))
            if target > self.max_bytes:
                await error_response(414, f"请求地址（含查询参数）过长（上限 {self.max_bytes} 字节）")(scope, receive, send)
                return
            if target + headers > self.max_bytes:
                await error_response(431, f"请求头过大（上限 {self.max_bytes} 字节）")(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyLimitMiddleware:
    """413 for any request body over `limit_for(scope)` bytes, announced or streamed (chunked); 408 when the
    body stops arriving for `timeout_s` seconds (only while the body is being read)."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[Scope], int], timeout_s: float = 10.0,
                 total_s: float = 30.0) -> None:
        self.app = app
        self.limit_for = limit_for
        self.timeout_s = timeout_s
        self.total_s = total_s  # the whole body, however it trickles in (issue 24, D7)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await error_response(413, BodyTooLarge(limit).detail)(scope, receive, send)
            return
        started = body_done = False
        received = 0
        deadline = anyio.current_time() + self.total_s

        async def counting_receive() -> Message:
            nonlocal received, body_done
            if body_done:  # later calls wait for a disconnect (streams): no timeout there
                return await receive()
            left = deadline - anyio.current_time()
            try:
                with anyio.fail_after(max(0.0, min(self.timeout_s, left))):
                    message = await receive()
            except TimeoutError:
                if left < self.timeout_s:
                    raise BodyTimeout(self.total_s, whole=True) from None
                raise BodyTimeout(self.timeout_s) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
                if received > limit:
                    raise BodyTooLarge(limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except (BodyTooLarge, BodyTimeout) as exc:  # raised outside the routes' error handling
            if not started:
                await error_response(exc.status_code, exc.detail)(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
