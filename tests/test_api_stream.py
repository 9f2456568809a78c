"""POST /v1/drafts?stream=true (Server-Sent Events), the bounded queue (429) and a forced missing provider (503)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_support import REQUEST, assert_error, parse_sse
from drafter.api import create_app


@pytest.fixture
def client(service):
    with TestClient(create_app(service)) as c:
        yield c


def test_stream_sends_pipeline_events_and_ends_with_done_and_id(client):
    response = client.post("/v1/drafts", params={"stream": "true"}, json=REQUEST)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/event-stream")
    events = parse_sse(response.text)
    names = [name for name, _ in events]
    assert names[0] == "plan" and names[-1] == "done" and names.count("done") == 1
    assert "error" not in names
    started = [i for i, n in enumerate(names) if n == "section_started"]
    finished = [i for i, n in enumerate(names) if n == "section_done"]
    assert started and len(started) == len(finished) and all(s < f for s, f in zip(started, finished))
    done = events[-1][1]
    draft_id = done["id"]
    assert done["result"]["id"] == draft_id and done["result"]["version"] == 1
    stored = client.get(f"/v1/drafts/{draft_id}").json()
    assert stored["latest"]["text"] == done["result"]["text"]


def test_full_queue_is_429_for_plain_and_streamed_requests(service):
    service.settings.queue_size = 0
    from drafter.service.queue import GenerationQueue

    service.queue = GenerationQueue(1, 0)
    ticket = service.queue.reserve()  # the only place is taken
    with TestClient(create_app(service)) as client:
        response = client.post("/v1/drafts", json=REQUEST)
        assert_error(response, 429, "queue_full")
        assert response.headers["Retry-After"]
        assert_error(client.post("/v1/drafts", params={"stream": "true"}, json=REQUEST), 429)
        assert client.get("/v1/drafts").json()["total"] == 0
        ticket.release()
        assert client.post("/v1/drafts", json=REQUEST).status_code == 201


def test_forced_unavailable_provider_is_503(client, service):
    assert service.settings.openai_base_url is None
    for params in ({"provider": "openai"}, {"provider": "openai", "stream": "true"}):
        error = assert_error(client.post("/v1/drafts", params=params, json=REQUEST), 503, "provider_unavailable")
        assert "模型" in error["message"]
    assert client.get("/v1/drafts").json()["total"] == 0


def test_a_client_leaving_the_stream_gives_its_queue_place_back(service):
    import time

    from drafter.service.queue import GenerationQueue, QueueFull

    service.queue = GenerationQueue(1, 0)  # one place in all
    with TestClient(create_app(service)) as client:
        with client.stream("POST", "/v1/drafts", params={"stream": "true"}, json=REQUEST) as response:
            assert response.status_code == 200
            first = next(response.iter_lines())
            assert first.startswith("event:")
        deadline = time.monotonic() + 60  # the server notices the disconnect asynchronously
        while time.monotonic() < deadline:
            try:
                service.queue.reserve().release()
                break
            except QueueFull:
                time.sleep(0.05)
        created = client.post("/v1/drafts", json=REQUEST)
        assert created.status_code == 201, created.text
