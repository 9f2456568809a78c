"""The model-call trace: TracedModel records every call of any ChatModel; TraceLog stores and links them."""

from __future__ import annotations

import threading

import pytest

from drafter.providers.base import ProviderError
from drafter.providers.fake import ScriptedModel
from drafter.providers import model_step
from drafter.providers.traced import TracedModel, traced
from drafter.providers.trace_log import TraceLog

SYSTEM = {"role": "system", "content": "你是工会办公室的文字秘书。"}


def ask(text: str) -> list[dict]:
    return [SYSTEM, {"role": "user", "content": text}]


@pytest.fixture
def log(tmp_path) -> TraceLog:
    return TraceLog(tmp_path / "data")


def test_every_call_is_recorded_with_prompt_reply_step_and_options(log):
    inner = ScriptedModel(["走访困难职工86户。", "发放慰问金12.6万元。", "重写。"], name="local")
    model = TracedModel(inner, log, "run-1")
    assert model.complete(ask("第一节"), max_tokens=120, temperature=0.2) == "走访困难职工86户。"
    with model_step("sentence repair"):
        model.complete(ask("重写第二句"))
        model.complete(ask("整节重写"), step="repair")  # a label given by the caller wins
    calls = log.for_run("run-1")
    assert [c.step for c in calls] == ["write", "sentence repair", "repair"]
    assert calls[0].messages == ask("第一节") and calls[0].reply == "走访困难职工86户。"
    assert (calls[0].provider, calls[0].max_tokens, calls[0].temperature) == ("local", 120, 0.2)
    assert calls[1].messages == inner.calls[1] and calls[1].reply == "发放慰问金12.6万元。"
    assert all(c.error is None and c.elapsed_s >= 0 and c.started_at > 0 for c in calls)
    assert calls[0].tokens_in is None  # a model that only estimates tokens leaves them unknown in the trace


def test_tokens_are_counted_by_the_model_when_it_can(log):
    class Counting(ScriptedModel):
        exact_token_count = True

        def count_tokens(self, text: str) -> int:
            return len(text)

    TracedModel(Counting(["一二三四五"]), log, "run-2").complete(ask("写"))
    call = log.for_run("run-2")[0]
    assert call.tokens_in == len(SYSTEM["content"]) + 1 and call.tokens_out == 5


def test_failed_and_abandoned_calls_are_traced_too(log):
    model = TracedModel(ScriptedModel(["半句", ProviderError("连接被拒绝")], piece_chars=1), log, "run-3")
    stream = model.stream(ask("甲"))
    assert next(stream) == "半"
    stream.close()  # the caller stopped reading
    with pytest.raises(ProviderError):
        model.complete(ask("乙"))
    abandoned, failed = log.for_run("run-3")
    assert abandoned.reply == "半" and abandoned.error is None  # stopping early is normal (the writer does it)
    assert failed.reply == "" and "连接被拒绝" in failed.error


def test_runs_are_linked_to_drafts(log):
    for run in ("run-a", "run-b"):
        TracedModel(ScriptedModel(default=f"{run}的回复"), log, run).complete(ask(run))
    log.link("run-a", "draft-1")
    assert [c.reply for c in log.for_draft("draft-1")] == ["run-a的回复"]
    assert log.for_draft("draft-2") == []


def test_recording_does_not_wait_for_the_disk(log, monkeypatch):
    """record() only queues: a slow write does not hold up the model call."""
    release = threading.Event()
    original = TraceLog._write_call
    monkeypatch.setattr(TraceLog, "_write_call", lambda self, *args: (release.wait(10), original(self, *args)))
    model = TracedModel(ScriptedModel(default="好"), log, "run-4")
    for _ in range(3):
        assert model.complete(ask("快")) == "好"  # returns while the writer is still blocked
    assert not release.is_set()
    release.set()
    assert len(log.for_run("run-4")) == 3


def test_tracing_off_records_nothing(tmp_path):
    log = TraceLog(tmp_path, enabled=False)
    inner = ScriptedModel(default="好")
    assert traced(inner, log, "run-5") is inner  # not even wrapped
    assert traced(None, TraceLog(tmp_path), "run-5") is None  # the template provider has no model
    assert log.for_run("run-5") == [] and not (tmp_path / "traces.sqlite").exists()


def test_the_wrapper_is_transparent(log):
    inner = ScriptedModel(default="好", name="openai", concurrent=True)
    model = traced(inner, log, "run-6")
    assert (model.name, model.concurrent, model.remaining) == ("openai", True, 0)
    assert model.model_label == "openai"
