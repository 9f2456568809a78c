"""Issue 13 gaps: /readyz without a key shows only ready/not ready; failed keys are throttled (429 + Retry-After);
a body that stops arriving gets 408; the failed-key throttle's window."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api_support import assert_error, bearer, small_service
from drafter.api import create_app
from drafter.api.throttle import AuthThrottle
from drafter.store import DraftStore
from drafter.store.tables import AuthFailureRow


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    svc = small_service(tmp_path_factory.mktemp("limits"), auth="on", auth_failures_per_minute=3,
                        body_read_timeout_s=0.3)
    svc.library.count()  # ingest the two samples once
    return svc


@pytest.fixture(scope="module")
def reader_key(service) -> str:
    return service.create_api_key("读者", "reader")[1]


def test_readyz_without_a_key_shows_only_whether_it_is_ready(service, reader_key):
    with TestClient(create_app(service)) as client:
        plain = client.get("/readyz")
        assert plain.status_code == 200 and plain.json() == {"ready": True}
        assert str(service.settings.data_dir) not in plain.text
        wrong, valid = client.get("/readyz", headers=bearer("dk_wrong")), client.get("/readyz", headers=bearer(reader_key))
        assert wrong.content == valid.content == plain.content  # issue 24: a key changes nothing here
        detailed = client.get("/v1/status", headers=bearer(reader_key)).json()
        assert detailed["ready"] is True and detailed["index"]["chunks"] > 0 and "providers" in detailed
        assert_error(client.get("/v1/status"), 401)


def test_failed_keys_are_throttled_with_429_and_retry_after(service, reader_key):
    with TestClient(create_app(service)) as client:
        assert client.get("/v1/drafts", headers=bearer(reader_key)).status_code == 200
        for _ in range(3):
            assert_error(client.get("/v1/drafts", headers=bearer("dk_guess")), 401)
        throttled = client.get("/v1/drafts", headers=bearer("dk_guess"))
        error = assert_error(throttled, 429, "too_many_failed_keys")
        assert 1 <= int(throttled.headers["Retry-After"]) <= 60 and throttled.headers["Retry-After"] in error["message"]
        # issue 24: counted per key prefix, so the same address with a valid key is not locked out …
        assert client.get("/v1/drafts", headers=bearer(reader_key)).status_code == 200
    with TestClient(create_app(service)) as other:  # another worker on the same store counts the same failures
        assert_error(other.get("/v1/drafts", headers=bearer("dk_guess")), 429, "too_many_failed_keys")
        assert other.get("/v1/drafts", headers=bearer(reader_key)).status_code == 200


def test_the_throttle_forgets_failures_after_a_minute(tmp_path):
    now = [datetime(2026, 12, 5, 3, 0, tzinfo=UTC)]
    store = DraftStore(f"sqlite:///{tmp_path / 'drafter.db'}")
    throttle = AuthThrottle(store, per_key=2, per_address=100, clock=lambda: now[0])
    throttle.failed("192.0.2.1", "dk_a")
    now[0] += timedelta(seconds=30)
    throttle.failed("192.0.2.1", "dk_a")
    assert throttle.retry_after("192.0.2.1", "dk_a") == 30 and throttle.retry_after("192.0.2.1", "dk_b") is None
    now[0] += timedelta(seconds=30.5)
    assert throttle.retry_after("192.0.2.1", "dk_a") is None
    throttle.failed("192.0.2.1", "dk_c")  # a new failure deletes those out of the window
    with store._reading() as session:
        assert session.scalar(select(func.count()).select_from(AuthFailureRow)) == 4  # those at 30 s and 60.5 s (key and address each)


def _call(app, scope_extra: dict, chunks: list[bytes | None]) -> tuple[int, dict, float]:
    """Drive the ASGI app directly: body chunks are sent one per receive(); None means the client goes silent."""
    sent: list[dict] = []

    async def run() -> float:
        queue = list(chunks)

        async def receive():
            if not queue:
                await asyncio.sleep(3600)
            part = queue.pop(0)
            if part is None:
                await asyncio.sleep(3600)
            return {"type": "http.request", "body": part, "more_body": bool(queue)}

        async def send(message):
            sent.append(message)

        loop = asyncio.get_running_loop()
        started = loop.time()
        scope = {"type": "http", "http_version": "1.1", "method": "POST", "scheme": "http", "path": "/v1/check",
                 "raw_path": b"/v1/check", "query_string": b"", "root_path": "", "client": ("127.0.0.1", 5),
                 "server": ("127.0.0.1", 80), "headers": [(b"content-type", b"application/json"),
                                                          (b"content-length", b"100")], **scope_extra}
        await asyncio.wait_for(app(scope, receive, send), 5)
        return loop.time() - started

    elapsed = asyncio.run(run())
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(body), elapsed


def test_a_body_that_stops_arriving_gets_408(tmp_path):
    service = small_service(tmp_path, body_read_timeout_s=0.3)
    app = create_app(service)
    status, body, elapsed = _call(app, {}, [b'{"facts": [', None])
    assert status == 408 and body["error"]["code"] == "request_timeout" and "超时" in body["error"]["message"]
    assert elapsed < 3
