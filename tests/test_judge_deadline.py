"""Issue 24: the claim judge's model calls are under the draft's deadline (DRAFTER_DRAFT_DEADLINE_S), and a model
call is bounded by the time left where the provider allows it (the OpenAI-compatible endpoint's per-call
timeout). Past the deadline no judge call starts: an undecided claim stays flagged (never cleared) with a note
saying it was not judged; a verdict cached before is still applied. Real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from drafter.models import DraftRequest
from drafter.numcheck import check, load_lexicon
from drafter.pipeline.deadline import Deadline
from drafter.pipeline.judging import LATE, Judge, MemoryCache
from drafter.providers.openai_compat import OpenAICompatModel
from drafter.service import DrafterService
from strong_server import ScriptedServer
from test_claim_judge import CHECKUP, LogprobServer

LEX = load_lexicon()
YES = [("是", -0.05), ("否", -6.0)]  # a judge that would clear the claim


def passed() -> Deadline:
    cancel = threading.Event()
    cancel.set()
    return Deadline(300, cancel)


def test_past_the_deadline_no_judge_call_starts_and_the_claim_stays_flagged_with_a_note():
    facts, text = CHECKUP
    result = check(facts, text, lexicon=LEX)
    server = LogprobServer(YES)
    with server as url:
        judge = Judge(OpenAICompatModel(url, "m", retries=0), MemoryCache())
        late = judge.review(facts, [], text, result, LEX, deadline=passed())
        assert server.bodies == []  # no call started
        (claim,) = late.claims
        assert claim.judge is None and LATE in claim.note and not late.faithful and late.cleared == []
        judged = judge.review(facts, [], text, late, LEX, deadline=Deadline(300))  # in time (on submit): asked
    assert len(server.bodies) == 1 and judged.cleared and LATE not in judged.cleared[0].note


def test_a_verdict_cached_before_still_applies_past_the_deadline():
    facts, text = CHECKUP
    result = check(facts, text, lexicon=LEX)
    server, cache = LogprobServer(YES), MemoryCache()
    with server as url:
        model = OpenAICompatModel(url, "m", retries=0)
        Judge(model, cache).review(facts, [], text, result, LEX)
        again = Judge(model, cache).review(facts, [], text, result, LEX, deadline=passed())
    assert len(server.bodies) == 1 and again.cleared and again.cleared[0].judge.cached


def test_a_judge_call_is_bounded_by_the_time_left():
    facts, text = CHECKUP
    result = check(facts, text, lexicon=LEX)
    with ScriptedServer(faults=["sleep"], sleep_s=8.0) as server:  # an endpoint reading a long prompt
        judge = Judge(OpenAICompatModel(server.base_url, "m", retries=0, timeout_s=60), MemoryCache())
        started = time.monotonic()
        judged = judge.review(facts, [], text, result, LEX, deadline=Deadline(1.0))
        elapsed = time.monotonic() - started
    assert elapsed < 4, elapsed  # the configured 60 s timeout would have waited the whole 8 s
    (claim,) = judged.claims
    assert claim.judge is None and LATE in claim.note


def test_a_section_call_waiting_on_its_prompt_ends_at_the_deadline(settings, library):
    request = DraftRequest.model_validate(json.loads(
        (Path(__file__).resolve().parent.parent / "bench" / "requests" / "monthly_2025_03.json").read_text("utf-8")))
    with ScriptedServer(faults=["sleep"] * 50, sleep_s=20.0) as server:  # every call: 20 s before its first byte
        configured = settings.model_copy(update={"openai_base_url": server.base_url, "openai_retries": 2,
                                                 "openai_timeout_s": 120, "trace": "off", "write_concurrency": 1,
                                                 "provider": "openai", "draft_deadline_s": 6.0})
        service = DrafterService(configured)
        service.__dict__["library"] = library
        service.draft(request, "template")  # loads what every first draft loads (not timed)
        started = time.monotonic()
        result = service.draft(request)
        elapsed = time.monotonic() - started
    assert elapsed < 6.0 + 8, elapsed  # not 20 s a call, nor a retry after the deadline
    assert all(s.fallback for s in result.sections) and result.check.ok
    assert len(server.requests) <= 2  # the call cut at the deadline, and no later one
