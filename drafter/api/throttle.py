"""Throttling of failed API keys, counted per key prefix and per client address (issue 24, D6), in the store.

A key prefix with DRAFTER_AUTH_FAILURES_PER_MINUTE failures in a minute is refused (429 + Retry-After) whatever
the address: one client retrying a wrong or revoked key locks out only that key. An address with
DRAFTER_AUTH_ADDRESS_FAILURES_PER_MINUTE failures is refused for any key: guessing from one address stays slow,
while the clients behind one office NAT are not locked out by one bad neighbour. The address is the real
client's behind a trusted proxy (drafter.api.client_address).

The failures live in the drafts store (table auth_failures: SQLite by default, PostgreSQL when configured), so
every worker process and every API machine on one database counts the same failures: a guesser spread over a
load balancer's machines is throttled as if it hit one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

WINDOW_S = 60.0
PREFIX_CHARS = 11  # "dk_" and 8 characters: the same key, or a near copy of it, counts as one


class FailureStore(Protocol):
    """drafter.store.DraftStore (drafter/store/failures.py)."""

    def auth_failure_wait(self, limits: dict[str, int], window_s: float, now: datetime | None = None) -> int | None: ...

    def record_auth_failure(self, keys: list[str], window_s: float, now: datetime | None = None) -> None: ...


def key_prefix(key: str) -> str:
    return "key:" + key[:PREFIX_CHARS]


def address_key(address: str) -> str:
    return "addr:" + address[:200]


class AuthThrottle:
    """Failed keys counted per key prefix and per address; `retry_after` is the longer wait of the two."""

    def __init__(self, store: FailureStore, per_key: int, per_address: int,
                 clock: Callable[[], datetime | None] = lambda: None) -> None:
        self.store = store
        self.per_key, self.per_address = max(1, per_key), max(1, per_address)
        self.clock = clock  # None: the store's own clock (tests pass a fixed one)

    def retry_after(self, address: str, key: str) -> int | None:
        """Seconds until this key and address may try again, or None when neither is throttled."""
        limits = {key_prefix(key): self.per_key, address_key(address): self.per_address}
        return self.store.auth_failure_wait(limits, WINDOW_S, self.clock())

    def failed(self, address: str, key: str) -> None:
        self.store.record_auth_failure([key_prefix(key), address_key(address)], WINDOW_S, self.clock())
