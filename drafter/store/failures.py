"""Failed API-key attempts in the store (issue 24, D6): every API machine counts the same failures.

One row per failure and per key ("key:<prefix>" or "addr:<address>"): inserts never conflict, so machines
recording at once need no locks. A throttled key records nothing more, so a key holds at most about its limit of
rows in a window; rows older than the window are deleted with each new failure."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from drafter.store import convert
from drafter.store.tables import AuthFailureRow


class AuthFailureMixin:
    """Auth failures for DraftStore (uses its `_reading`/`_writing` transactions)."""

    def auth_failure_wait(self, limits: dict[str, int], window_s: float, now: datetime | None = None) -> int | None:
        """Seconds until every key of `limits` has fewer than its limit of failures in the last `window_s`
        seconds (the longest wait), or None when none is throttled."""
        now = now or convert.now()
        with self._reading() as session:
            rows = session.execute(select(AuthFailureRow.key, AuthFailureRow.at).where(
                AuthFailureRow.key.in_(list(limits)), AuthFailureRow.at > now - timedelta(seconds=window_s))).all()
        waits = []
        for key, limit in limits.items():
            times = sorted((convert.utc(at) for k, at in rows if k == key), reverse=True)
            if len(times) >= limit:  # throttled until the limit-th newest failure leaves the window
                waits.append(max(1, math.ceil((times[limit - 1] - now).total_seconds() + window_s)))
        return max(waits) if waits else None

    def record_auth_failure(self, keys: list[str], window_s: float, now: datetime | None = None) -> None:
        """Count one failure against each of `keys`; forget failures older than the window."""
        now = now or convert.now()

        def work(session) -> None:
            session.execute(delete(AuthFailureRow).where(AuthFailureRow.at <= now - timedelta(seconds=window_s)))
            session.add_all(AuthFailureRow(key=key[:300], at=now) for key in keys)

        self._writing(work)
