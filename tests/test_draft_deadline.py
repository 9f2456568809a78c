"""Issue 24: drafting is bounded by DRAFTER_DRAFT_DEADLINE_S, as checking is. Against a slow model (the scripted
OpenAI-compatible server on 127.0.0.1 streaming real SSE with a pause before every piece), POST /v1/drafts answers
soon after the deadline with a whole, checked, stored draft: the sections the model finished are kept, the others
take their template sentences with a Chinese reason, and the model's stream is really closed (the server sees the
client hang up, and no call starts after the deadline)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from drafter.api import create_app
from drafter.service import DrafterService
from strong_server import ScriptedServer, load_book

REQUEST = Path(__file__).resolve().parent.parent / "bench" / "requests" / "monthly_2025_03.json"
DEADLINE_S = 15.0  # the first model call answers at once, every later one streams a piece every 3 s: at least
PIECE_DELAY_S = 1.5  # one section is finished and at least one is cut, however fast or loaded the machine


@pytest.fixture
def slow_service(settings, library):
    def make(server: ScriptedServer, deadline_s: float) -> DrafterService:
        configured = settings.model_copy(update={"openai_base_url": server.base_url, "openai_retries": 0,
                                                 "trace": "off", "write_concurrency": 1, "provider": "openai",
                                                 "draft_deadline_s": deadline_s,
                                                 "model_headings": "off"})  # the first call is a section's
        service = DrafterService(configured)
        service.__dict__["library"] = library
        return service
    return make


def test_a_draft_past_its_deadline_keeps_the_finished_sections_and_stops_the_model(slow_service):
    request = json.loads(REQUEST.read_text(encoding="utf-8"))
    with ScriptedServer(load_book(), piece_delay_s=PIECE_DELAY_S, slow_after=1) as server:
        service = slow_service(server, DEADLINE_S)
        service.draft(service_request(request), "template")  # loads what every first draft loads (not timed)
        with TestClient(create_app(service)) as client:
            started = time.monotonic()
            response = client.post("/v1/drafts", json=request)
            elapsed = time.monotonic() - started
        calls_at = [t - started for t in server.times]
        time.sleep(2 * PIECE_DELAY_S + 0.5)  # the server sees a hang-up when a write fails: the 2nd after it
        hung_up = server.hung_up
    assert response.status_code == 201, response.text
    body = response.json()
    late = [s for s in body["sections"] if s["fallback"]]
    kept = [s for s in body["sections"] if not s["fallback"]]
    assert kept and all(s["provider"] == "openai" for s in kept)  # what the model finished is kept
    assert late and all(s["fallback_reason"] == f"起草超过时限（{DEADLINE_S:g} 秒），本节改用模板" for s in late)
    assert any("起草超过时限" in w for w in body["warnings"])
    assert body["check"]["ok"] and "347人" in body["text"]  # whole and checked: every fact is in it
    print(f"answered in {elapsed:.2f} s, calls started at {[round(t, 2) for t in calls_at]}, hung up {hung_up}")
    assert elapsed < DEADLINE_S + 4, elapsed  # the final check past the deadline (loaded machine), not the stream
    assert max(calls_at) < DEADLINE_S + 1.0  # no model call starts after the deadline
    assert hung_up >= 1  # the call in flight was closed, not read to its end
    stored = service.get_draft(body["id"])  # the request is not lost: the draft is stored
    assert stored.latest_version == 1 and stored.request.facts == request["facts"]


def test_without_a_deadline_the_same_slow_model_writes_every_section(slow_service):
    request = json.loads(REQUEST.read_text(encoding="utf-8"))
    with ScriptedServer(load_book(), piece_delay_s=0.01) as server:
        result = slow_service(server, 0).draft(service_request(request))
    # (the writer itself may close a stream once the last line it asked for is complete: no hang-up count here)
    assert not any(s.fallback for s in result.sections) and result.check.ok
    assert not any("起草超过时限" in w for w in result.warnings)


def service_request(data: dict):
    from drafter.models import DraftRequest

    return DraftRequest.model_validate(data)
