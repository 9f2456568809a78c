"""The page's sign-in (issue 21): wrong passwords wait longer each time, per user and per address, the account
locks after DRAFTER_SIGNIN_LOCK_AFTER failures and unlocks after DRAFTER_SIGNIN_LOCK_MINUTES; a session token is
stored hashed, expires, and signing out revokes it for every machine sharing the store."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from drafter.service import DrafterService
from drafter.settings import Settings
from drafter.store.tables import PageSessionRow, SignInFailureRow


@pytest.fixture
def svc(tmp_path):
    service = DrafterService(Settings(data_dir=tmp_path, provider="template", auth="off", signin_delay_s=0.2,
                                      signin_lock_after=4, signin_lock_minutes=0.05, _env_file=None))
    service.create_user("张秘书", "right-password", "writer")
    yield service
    service.store.close()


def test_a_wrong_password_makes_the_next_attempt_wait_longer_each_time(svc):
    first = svc.sign_in("张秘书", "wrong-1", "10.0.0.1")
    assert first.user is None and first.checked and 0.1 < first.wait_s <= 0.2
    early = svc.sign_in("张秘书", "right-password", "10.0.0.1")
    assert early.user is None and not early.checked, "refused without checking while the wait runs"
    time.sleep(0.25)
    second = svc.sign_in("张秘书", "wrong-2", "10.0.0.1")
    assert second.checked and 0.3 < second.wait_s <= 0.4, "the wait doubles"
    time.sleep(0.45)
    ok = svc.sign_in("张秘书", "right-password", "10.0.0.1")
    assert ok.user is not None and ok.user.name == "张秘书" and ok.token
    assert svc.sign_in("张秘书", "right-password", "10.0.0.1").user is not None, "a success clears the count"


def test_the_address_is_throttled_across_user_names(svc):
    svc.sign_in("某人甲", "x-password", "10.0.0.9")
    other = svc.sign_in("张秘书", "right-password", "10.0.0.9")
    assert other.user is None and not other.checked, "the same address waits, whatever name it tries next"
    assert svc.sign_in("张秘书", "right-password", "10.0.0.10").user is not None, "another address does not"


def test_the_account_locks_after_the_limit_then_unlocks(svc):
    for attempt in range(4):
        result = svc.sign_in("张秘书", f"wrong-{attempt}", f"10.1.0.{attempt}")
        assert result.checked
        _backdate(svc, "user:张秘书")
    assert result.locked, "the fourth failure in a row locks the account"
    assert svc.sign_in("张秘书", "right-password", "10.1.0.99").user is None, "locked: even the right password"
    time.sleep(3.1)  # signin_lock_minutes = 0.05
    assert svc.sign_in("张秘书", "right-password", "10.1.0.99").user is not None


def _backdate(svc, key: str) -> None:
    """Move the last failure back so the growing wait is over (the lock is what this test is about)."""
    def work(session):
        row = session.get(SignInFailureRow, key)
        row.last_failure = row.last_failure - timedelta(minutes=5)

    svc.store._writing(work)


def test_a_session_is_stored_hashed_and_ends_when_signed_out(svc):
    token = svc.sign_in("张秘书", "right-password", "10.2.0.1").token
    assert svc.page_session_user(token) == "张秘书"
    with svc.store._reading() as session:
        hashes = [row.token_hash for row in session.query(PageSessionRow)]
    assert token not in hashes and len(hashes) == 1
    other_machine = DrafterService(svc.settings)  # the same store: a second page server
    assert other_machine.page_session_user(token) == "张秘书"
    assert svc.end_page_session(token)
    assert other_machine.page_session_user(token) is None and svc.page_session_user(token) is None
    assert svc.page_session_user("guessed-token") is None and svc.page_session_user(None) is None
    other_machine.store.close()


def test_a_session_expires(tmp_path):
    svc = DrafterService(Settings(data_dir=tmp_path, provider="template", session_days=1 / 86400, _env_file=None))
    token = svc.open_page_session("本机用户")
    assert svc.page_session_user(token) == "本机用户"
    time.sleep(1.2)
    assert svc.page_session_user(token) is None
    svc.store.close()
