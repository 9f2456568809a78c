"""A draft's deadline (DRAFTER_DRAFT_DEADLINE_S) and its cancel flag (the client went away), checked by the
section writer before every model call and between streamed tokens: past it, the model's stream is closed (no
more tokens are generated) and every section not yet written takes its template sentences, which the check proves
like any other. The sections the model finished are kept; the draft is still whole and checked."""

from __future__ import annotations

import threading
import time


class DeadlinePassed(Exception):
    """Raised inside a section's model call once the deadline has passed or the draft was cancelled."""


class Cancel(threading.Event):
    """A cancel flag that names why (停止 on the page); a plain threading.Event reads as the client gone."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class Deadline:
    def __init__(self, seconds: float | None, cancel: threading.Event | None = None, clock=time.monotonic) -> None:
        self.seconds = seconds if seconds and seconds > 0 else None
        self.cancelled = cancel or threading.Event()
        self.clock = clock
        self.expires = clock() + self.seconds if self.seconds is not None else None

    def passed(self) -> bool:
        return self.cancelled.is_set() or (self.expires is not None and self.clock() >= self.expires)

    def check(self) -> None:
        if self.passed():
            raise DeadlinePassed(self.reason())

    def reason(self) -> str:
        if self.cancelled.is_set():
            return getattr(self.cancelled, "reason", None) or "起草已取消（客户端已断开），本节改用模板"
        return f"起草超过时限（{self.seconds:g} 秒），本节改用模板"
