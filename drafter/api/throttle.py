"""Throttling of failed API keys (per process): counted per key prefix and per client address (issue 24, D6).

A key prefix with DRAFTER_AUTH_FAILURES_PER_MINUTE failures in a minute is refused (429 + Retry-After) whatever
the address: one client retrying a wrong or revoked key locks out only that key. An address with
DRAFTER_AUTH_ADDRESS_FAILURES_PER_MINUTE failures is refused for any key: guessing from one address stays slow,
while the clients behind one office NAT are not locked out by one bad neighbour. The address is the real
client's behind a trusted proxy (drafter.api.client_address)."""

from __future__ import annotations

import math
import threading
import time
from collections import deque

WINDOW_S = 60.0
MAX_CLIENTS = 10_000  # addresses remembered at once; the oldest are forgotten first
PREFIX_CHARS = 11  # "dk_" and 8 characters: the same key, or a near copy of it, counts as one


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


def key_prefix(key: str) -> str:
    return "key:" + key[:PREFIX_CHARS]


class AuthThrottle:
    """Failed keys counted per key prefix and per address; `retry_after` is the longer wait of the two."""

    def __init__(self, per_key: int, per_address: int, clock=time.monotonic) -> None:
        self.keys = FailedKeyThrottle(per_key, clock)
        self.addresses = FailedKeyThrottle(per_address, clock)

    def retry_after(self, address: str, key: str) -> int | None:
        waits = [w for w in (self.keys.retry_after(key_prefix(key)), self.addresses.retry_after(address)) if w]
        return max(waits) if waits else None

    def failed(self, address: str, key: str) -> None:
        self.keys.failed(key_prefix(key))
        self.addresses.failed(address)
