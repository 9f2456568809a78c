"""Issue 18: a stream cut mid-section (停止, the client gone, the deadline) keeps that section's finished sentences
that pass their checks; only the rest of the section comes from the template, with a note. Against the scripted
OpenAI-compatible server (real SSE on 127.0.0.1); the cut is made after the model finished the first line of a
section of two facts or more, so nothing here depends on the machine's speed."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from drafter.models import DraftRequest, DraftResult
from drafter.pipeline.cut import finished_part
from drafter.pipeline.deadline import Cancel
from drafter.service import DrafterService
from strong_server import ScriptedServer, load_book

REQUEST = DraftRequest.model_validate(json.loads(
    (Path(__file__).resolve().parent.parent / "bench" / "requests" / "monthly_2025_03.json").read_text("utf-8")))


@pytest.fixture
def endpoint_service(settings, library):
    with ScriptedServer(load_book(), piece_delay_s=0.01) as server:
        configured = settings.model_copy(update={"openai_base_url": server.base_url, "openai_retries": 0,
                                                 "trace": "off", "write_concurrency": 1, "provider": "openai",
                                                 "draft_deadline_s": 0})
        service = DrafterService(configured)
        service.__dict__["library"] = library
        yield service


def cut_after_first_line(service: DrafterService, cancel: threading.Event) -> tuple[DraftResult, int, str]:
    """Draft, setting `cancel` once the model has finished the first line of the first section of 2+ facts:
    (result, that section's index, what the model had streamed for it)."""
    target, streamed, result = None, "", None
    for event in service.draft_events(REQUEST, "openai", cancel=cancel):
        if event.type == "plan":
            target = next(s["index"] for s in event.data["sections"] if len(s["facts"]) >= 2)
        elif event.type == "token" and event.data["index"] == target and not cancel.is_set():
            streamed += event.data["text"]
            if "\n" in streamed:
                cancel.set()
        elif event.type == "done":
            result = DraftResult.model_validate(event.data["result"])
    return result, target, streamed


@pytest.mark.parametrize("cancel, why", [(Cancel("已停止生成，本节改用模板"), "已停止生成"),
                                         (threading.Event(), "起草已取消（客户端已断开）")])
def test_a_section_cut_mid_stream_keeps_its_finished_sentences(endpoint_service, cancel, why):
    result, index, streamed = cut_after_first_line(endpoint_service, cancel)
    cut = result.sections[index]
    first = streamed.split("\n", 1)[0].removeprefix("1.").strip()
    assert first and first in cut.text, (first, cut.text)  # the model's finished sentence is kept
    assert not cut.fallback and cut.provider == "openai"
    assert cut.cut_note.startswith(why) and "保留了模型写完的 1 句" in cut.cut_note
    rest = REQUEST.facts[cut.facts[1] - 1].rstrip("。")
    assert rest in cut.text  # the fact the model did not finish: its template sentence
    assert any(cut.cut_note in w for w in result.warnings)
    assert result.check.ok  # the draft is whole and checked
    assert all(s.fallback for s in result.sections[index + 1:] if s.heading)  # no model call after the cut


def test_only_finished_lines_count():
    assert finished_part("1. 走访86户。\n2. 举办竞赛") == "1. 走访86户。\n"
    assert finished_part("1. 走访86") == ""
