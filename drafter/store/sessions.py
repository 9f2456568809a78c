"""Page sessions and wrong-password throttling (issue 21), shared by every machine through the store.

A page session is a random token kept in the browser's cookie; only its sha256 is stored, with the user, an
expiry and a revoked flag, so signing out ends it on the server. Wrong passwords are counted per key (the user
name and the client address): after each failure the next attempt waits `delay × 2^(failures-1)` seconds (at most
a minute), and `lock_after` failures in a row lock the account (not the address: people behind one address
would all be locked out) for `lock_minutes`.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete

from drafter.store import convert
from drafter.store.tables import PageSessionRow, SignInFailureRow

MAX_DELAY_S = 60.0


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "ignore")).hexdigest()


def _aware(value):
    return convert.utc(value) if value is not None else None


class SessionMixin:
    """Page sessions and sign-in failures for DraftStore (uses its `_reading`/`_writing` transactions)."""

    def open_page_session(self, user: str, days: float) -> str:
        """A new session token for `user` (returned once; only its hash is stored)."""
        token, now = secrets.token_urlsafe(32), convert.now()

        def work(session) -> None:
            session.add(PageSessionRow(token_hash=_hash(token), user_name=user, created_at=now,
                                       expires_at=now + timedelta(days=days), revoked=False))

        self._writing(work)
        return token

    def page_session_user(self, token: str | None) -> str | None:
        """The user of a live (unexpired, unrevoked) session token, else None."""
        if not isinstance(token, str) or not token or len(token) > 200:
            return None
        with self._reading() as session:
            row = session.get(PageSessionRow, _hash(token))
            if row is None or row.revoked or _aware(row.expires_at) <= convert.now():
                return None
            return row.user_name

    def end_page_session(self, token: str | None) -> bool:
        """Revoke a session token (signing out); False when there was no such session."""
        if not token:
            return False

        def work(session) -> bool:
            row = session.get(PageSessionRow, _hash(token))
            if row is None:
                return False
            row.revoked = True
            return True

        return self._writing(work)

    def sign_in_wait(self, keys: list[str], delay_s: float) -> tuple[float, bool]:
        """(seconds to wait before the next attempt, locked?) over `keys`: the longest wait of any key."""
        now, wait, locked = convert.now(), 0.0, False
        with self._reading() as session:
            for key in keys:
                row = session.get(SignInFailureRow, key, with_for_update=True)
                if row is None:
                    continue
                until = _aware(row.locked_until)
                if until is not None and until > now:
                    wait, locked = max(wait, (until - now).total_seconds()), True
                    continue
                if row.failures and until is None:
                    pause = min(delay_s * 2 ** (row.failures - 1), MAX_DELAY_S)
                    wait = max(wait, pause - (now - _aware(row.last_failure)).total_seconds())
        return max(wait, 0.0), locked

    def record_sign_in_failure(self, keys: list[str], lock_after: int, lock_minutes: float) -> bool:
        """Count a wrong password for each key; True when this failure locked one of them."""
        now = convert.now()

        def work(session) -> bool:
            locked_now = False
            for key in keys:  # locked for this transaction: two machines counting at once lose no failure
                row = session.get(SignInFailureRow, key, with_for_update=True)
                if row is None:
                    row = SignInFailureRow(key=key, failures=0, last_failure=now)
                    session.add(row)
                if row.locked_until is not None and _aware(row.locked_until) <= now:
                    row.failures, row.locked_until = 0, None  # a lock that ran out starts the count again
                row.failures += 1
                row.last_failure = now
                if row.failures >= lock_after and key.startswith("user:"):  # an address only waits
                    row.locked_until, locked_now = now + timedelta(minutes=lock_minutes), True
            return locked_now

        return self._writing(work)

    def clear_sign_in_failures(self, keys: list[str]) -> None:
        def work(session) -> None:
            session.execute(delete(SignInFailureRow).where(SignInFailureRow.key.in_(keys)))

        self._writing(work)
