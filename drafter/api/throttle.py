"""Throttling of failed API keys: a client address with too many failed keys in a minute gets 429 + Retry-After
(per process; behind a reverse proxy every client shares the proxy's address)."""

from __future__ import annotations

import math
import threading
import time
from collections import deque

WINDOW_S = 60.0
MAX_CLIENTS = 10_000  # addresses remembered at once; the oldest are forgotten first


class FailedKeyThrottle:
    def __init__(self, per_minute: int, clock=time.monotonic) -> None:
        self.limit = max(1, per_minute)
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> deque[float]:
        failures = self._failures.get(client)
        if failures is None:
            return deque()
        while failures and failures[0] <= now - WINDOW_S:
            failures.popleft()
        if not failures:
            del self._failures[client]
        return failures

    def retry_after(self, client: str) -> int | None:
        """Seconds until this client may try again, or None when it is not throttled."""
        with self._lock:
            now = self.clock()
            failures = self._recent(client, now)
            if len(failures) < self.limit:
                return None
            return max(1, math.ceil(failures[-self.limit] + WINDOW_S - now))

    def failed(self, client: str) -> None:
        with self._lock:
            now = self.clock()
            failures = self._recent(client, now)
            if not failures:
                if len(self._failures) >= MAX_CLIENTS:
                    self._failures.pop(next(iter(self._failures)))
                self._failures[client] = failures
            failures.append(now)
