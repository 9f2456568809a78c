"""The OpenAI-compatible endpoint failing, through the whole pipeline, against the scripted server on 127.0.0.1
(tests/strong_server.py): 429 with Retry-After, 5xx, timeouts, a stream that stops halfway, an empty reply, a reply
in English or in Markdown. Each ends in a draft whose numbers check, with a Chinese note saying what happened or the
section's template; what the endpoint already wrote in other sections is kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.cli.draft_cmds import read_request
from drafter.models import DraftPlan, DraftResult, PlanSection
from drafter.service import DrafterService
from strong_server import ScriptedServer, load_book

REQUEST = Path(__file__).resolve().parent.parent / "bench" / "requests" / "monthly_2025_03.json"
KEY = re.compile(r"[\s，,。；;：:、“”]")
ALWAYS = 200  # a fault for (more than) every call of a draft


@pytest.fixture(scope="module")
def book():
    return load_book()


@pytest.fixture
def draft(settings, library):
    """draft(server, **settings) -> DraftResult of monthly_2025_03 with --provider openai against `server`."""
    def run(server: ScriptedServer, request=None, **changes) -> DraftResult:
        configured = settings.model_copy(update={"openai_base_url": server.base_url, "openai_retries": 1,
                                                 "openai_backoff_s": 0.05, "trace": "off", **changes})
        service = DrafterService(configured)
        service.__dict__["library"] = library
        return service.draft(request or read_request(REQUEST), "openai")
    return run


def body_sections(result: DraftResult):
    return [s for s in result.sections if s.facts]


def test_429_with_retry_after_is_waited_out_and_nothing_falls_back(draft, book):
    with ScriptedServer(book, faults=["429"], retry_after="1") as server:
        result = draft(server, write_concurrency=1)
        waited = server.times[1] - server.times[0]
    assert waited >= 1.0  # the endpoint asked for 1 s (the backoff alone would be 0.05 s)
    assert result.check.ok and result.provider == "openai"
    assert not any(s.fallback for s in result.sections)


def test_a_retry_after_past_the_limit_is_not_waited_for_and_the_endpoint_is_left_alone(draft, book):
    with ScriptedServer(book, faults=["429"], retry_after="3600") as server:
        result = draft(server, write_concurrency=1)
        calls = len(server.requests)
    assert calls == 1  # asked to come back in an hour: no retry, and no other section calls it
    assert all(s.fallback and "要求 3600 秒后再试" in s.fallback_reason for s in result.sections)
    assert any("3600 秒" in w for w in result.warnings) and result.check.ok


def test_a_passing_5xx_is_retried(draft, book):
    """One section at a time, so each fault meets a different call and its retry passes (written at once, a
    retry could arrive before another section's first call and meet the second fault)."""
    with ScriptedServer(book, faults=["503", "ok", "502"]) as server:
        result = draft(server, write_concurrency=1)
        calls = len(server.requests)
    assert not any(s.fallback for s in result.sections) and result.check.ok
    assert calls == result.usage.calls + 2


def test_a_failing_endpoint_gives_the_template_draft_with_the_reason_in_chinese(draft, book):
    with ScriptedServer(book, faults=["500"] * ALWAYS) as server:
        result = draft(server)
        calls = len(server.requests)
    assert calls <= 3 * 2  # the 3 sections written at once tried twice each; the others did not call it again
    assert result.provider == "template" and result.check.ok and result.check.faithful
    for section in result.sections:
        assert section.fallback and section.provider == "template"
        assert section.fallback_reason.startswith("模型调用失败，本节改用模板：")
        assert "共尝试 2 次" in section.fallback_reason and "HTTP 500：scripted error 500" in section.fallback_reason
    assert "347人" in result.text and "1500余人次" in result.text


def test_timeouts_are_retried_then_the_section_takes_its_template(draft, book):
    with ScriptedServer(book, faults=["sleep"] * ALWAYS, sleep_s=3.0) as server:
        result = draft(server, openai_timeout_s=0.4)
        calls = len(server.requests)
    assert result.check.ok and calls <= 3 * 2
    assert all(s.fallback and "请求超时（0.4 秒）" in s.fallback_reason for s in result.sections)


def test_a_stream_that_stops_halfway_keeps_what_it_finished(draft, book):
    """The endpoint hangs up halfway through a section (issue 18: nothing already written is lost): the section
    keeps the sentences the model finished before the hang-up, its other facts take template sentences, and a
    note says so; the other sections are the model's."""
    prose = book["monthly_2025_03"]
    outline = DraftPlan(sections=[PlanSection(heading="开展志愿服务和走访慰问", facts=[3, 4]),
                                  PlanSection(heading="关心关爱女职工", facts=[1, 2]),
                                  PlanSection(heading="收集职工合理化建议", facts=[5])])  # the cut meets 2 facts
    request = read_request(REQUEST).model_copy(update={"plan": outline})
    with ScriptedServer(book, faults=["ok", "cut"]) as server:
        result = draft(server, request, write_concurrency=1)
    opening, cut, *rest = result.sections
    assert not cut.fallback and cut.cut_note and "中途中断" in cut.cut_note, (cut.fallback_reason, cut.cut_note)
    kept = int(re.search(r"保留了模型写完的 (\d+) 句", cut.cut_note).group(1))
    assert 1 <= kept < len(cut.facts), cut.cut_note  # half the reply: some of its lines, not all
    facts = read_request(REQUEST).facts
    written = [prose.sentences[facts[n - 1]]["text"] for n in cut.facts if facts[n - 1] in prose.sentences]
    assert any(KEY.sub("", t) in KEY.sub("", cut.text) for t in written)  # the model's own sentences, kept
    assert "中途中断" in " ".join(result.warnings)
    assert KEY.sub("", prose.opening) in KEY.sub("", opening.text)  # written before the cut: kept
    assert not opening.fallback and not any(s.fallback for s in rest)
    assert result.check.ok and result.provider == "openai"


def test_an_empty_reply_leaves_each_fact_its_own_sentence(draft, book):
    with ScriptedServer(book, faults=["empty"] * ALWAYS) as server:
        result = draft(server)
    assert result.check.ok and result.check.faithful
    notes = [r for s in body_sections(result) for r in s.repairs]
    assert notes and all("没有写出" in r for r in notes)
    frames = [s for s in result.sections if not s.facts]
    assert all(s.provider == "template" for s in frames)


def test_a_reply_in_english_never_reaches_the_draft(draft, book):
    with ScriptedServer(book, faults=["english"] * ALWAYS) as server:
        result = draft(server)
    assert result.check.ok
    assert not re.search(r"[A-Za-z]{3,}", result.text), result.text
    notes = [r for s in body_sections(result) for r in s.repairs]  # no numbered line: 没有写出; retried: 英文
    assert len(notes) == 5 and all("改用原事实句" in r for r in notes)


def test_a_reply_in_markdown_is_tidied_and_kept(draft, book):
    prose = book["monthly_2025_03"]
    with ScriptedServer(book, faults=["markdown"] * ALWAYS) as server:
        result = draft(server)
    assert result.check.ok
    assert not re.search(r"\*\*|#|改写结果", result.text), result.text
    text = KEY.sub("", result.text)
    kept = [e["text"] for e in prose.sentences.values() if KEY.sub("", e["text"]) in text]
    assert len(kept) >= 4, kept
    assert KEY.sub("", prose.opening) in text
