"""Issue 24 with issue 22's API machines: failed API keys and wrong page passwords are counted in the shared store,
so failures on machine A throttle the key, the address and the user on machine B. Two apps, each over its own
DrafterService and data dir, on one database: a SQLite file, or a real PostgreSQL cluster."""

from __future__ import annotations

import threading

import pytest
from fastapi.testclient import TestClient

from api_support import assert_error, bearer, small_service
from drafter.api import create_app
from store_support import store_url  # noqa: F401 - fixture (sqlite, and postgresql on a throwaway cluster)

PASSWORD = "正确的口令-2025"


@pytest.fixture()
def machines(store_url, tmp_path):  # noqa: F811 - the fixture above
    def machine(name: str):
        return small_service(tmp_path / name, database_url=store_url, auth="on", auth_failures_per_minute=3,
                             auth_address_failures_per_minute=6, signin_delay_s=0.0, signin_lock_after=4)

    a, b = machine("a"), machine("b")
    yield a, b
    for svc in (a, b):
        svc.store.close()


def test_failed_keys_on_one_machine_throttle_the_key_and_the_address_on_another(machines):
    a, b = machines
    reader = a.create_api_key("读者", "reader")[1]
    with TestClient(create_app(a)) as on_a, TestClient(create_app(b)) as on_b:
        assert on_b.get("/v1/drafts", headers=bearer(reader)).status_code == 200
        for _ in range(3):
            assert_error(on_a.get("/v1/drafts", headers=bearer("dk_guessAAAAAAAA")), 401)
        throttled = on_b.get("/v1/drafts", headers=bearer("dk_guessAAAAAAAA"))
        assert_error(throttled, 429, "too_many_failed_keys")
        assert 1 <= int(throttled.headers["Retry-After"]) <= 60
        assert on_b.get("/v1/drafts", headers=bearer(reader)).status_code == 200  # per key: the address may go on
        for i in range(3):  # three more keys from the same address, on B: six failures for the address
            assert_error(on_b.get("/v1/drafts", headers=bearer(f"dk_other{i}xxxxxxx")), 401)
        assert_error(on_a.get("/v1/drafts", headers=bearer(reader)), 429, "too_many_failed_keys")
    with TestClient(create_app(b), client=("192.0.2.7", 4321)) as elsewhere:  # another address is not locked out
        assert elsewhere.get("/v1/drafts", headers=bearer(reader)).status_code == 200


def test_wrong_passwords_on_one_machine_lock_the_user_on_another(machines):
    a, b = machines
    a.create_user("王会计", PASSWORD, "writer")
    for _ in range(3):
        assert a.sign_in("王会计", "错误口令", address="192.0.2.1").checked
    assert b.sign_in("王会计", "错误口令", address="192.0.2.2").locked  # the fourth failure, on B, locks
    refused = a.sign_in("王会计", PASSWORD, address="192.0.2.3")
    assert refused.user is None and refused.locked and refused.wait_s > 60


def test_failures_recorded_at_once_on_two_machines_are_all_counted(machines):
    a, b = machines
    start, per_machine = threading.Barrier(2), 15

    def fail(svc) -> None:
        start.wait()
        for _ in range(per_machine):
            svc.store.record_sign_in_failure(["user:赵出纳"], lock_after=1000, lock_minutes=1)
            svc.store.record_auth_failure(["key:dk_raceAAAAA"], window_s=60)

    threads = [threading.Thread(target=fail, args=(svc,)) for svc in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    from drafter.store.tables import SignInFailureRow

    with a.store._reading() as session:
        assert session.get(SignInFailureRow, "user:赵出纳").failures == 2 * per_machine
    assert a.store.auth_failure_wait({"key:dk_raceAAAAA": 2 * per_machine}, 60) is not None
    assert b.store.auth_failure_wait({"key:dk_raceAAAAA": 2 * per_machine + 1}, 60) is None
