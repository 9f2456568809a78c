"""`drafter serve`'s HTTP protocol (issue 24, D7): uvicorn's h11 protocol with a deadline on the request line
and headers. A connection must deliver a whole request head within `deadline_s` of opening (or of the previous
response on a kept-alive connection); otherwise it gets 408 with the JSON error body (when it sent something)
and is closed. A bare TCP connection that sends nothing is closed the same way. The body then has its own
deadline in the app (drafter.api.limits.BodyLimitMiddleware)."""

from __future__ import annotations

import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

_MESSAGE = "请求头发送超时（{seconds:g} 秒内未收到完整的请求头）"


class DeadlineH11Protocol(H11Protocol):
    def __init__(self, *args, deadline_s: float = 30.0, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.deadline_s = deadline_s
        self._head_timer = None

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # the next request on this connection has the same deadline

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self.deadline_s, self._head_timeout)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timeout(self) -> None:
        self._head_timer = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE or self.cycle is not None \
                and not self.cycle.response_complete:
            return  # a request head arrived: the app is answering it
        if self.conn.trailing_data[0]:  # part of a request arrived: say why it is closed
            body = json.dumps({"error": {"code": "request_timeout", "message": _MESSAGE.format(seconds=self.deadline_s)}},
                              ensure_ascii=False).encode()
            self.transport.write(b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\n"
                                 b"connection: close\r\ncontent-length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        self.transport.close()
