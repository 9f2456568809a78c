"""`drafter draft --provider openai` through the scripted OpenAI-compatible server (tests/strong_server.py): a real
HTTP server on 127.0.0.1 streaming SSE, answering drafter's real prompts with prose written in advance in a strong
hosted model's style (bench/strong/). bench/strong_bench.py measures all ten requests; these tests pin the path."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.models import DraftResult
from drafter.service import DrafterService
from strong_server import ScriptedServer, load_book

REQUESTS = Path(__file__).resolve().parent.parent / "bench" / "requests"
KEY = re.compile(r"[\s，,。；;：:、“”]")


@pytest.fixture(scope="module")
def book():
    return load_book()


@pytest.fixture
def cli(settings, library, monkeypatch):
    """The CLI over the test's data dir, sharing the session's ingested library; the endpoint set per test."""
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("DRAFTER_PROVIDER", "template")
    monkeypatch.setenv("DRAFTER_OPENAI_RETRIES", "1")
    monkeypatch.setenv("DRAFTER_OPENAI_BACKOFF_S", "0.05")
    monkeypatch.setattr(DrafterService, "library", property(lambda self: library))
    runner = CliRunner()

    def run(server: ScriptedServer, *args: str):
        monkeypatch.setenv("DRAFTER_OPENAI_BASE_URL", server.base_url)
        return runner.invoke(app, list(args))
    return run


def draft_json(cli, server, name: str) -> DraftResult:
    result = cli(server, "draft", str(REQUESTS / name), "--provider", "openai", "--json")
    assert result.exit_code == 0, result.output
    return DraftResult.model_validate(json.loads(result.stdout))


def test_every_prompt_of_a_draft_is_answered_and_the_strong_prose_is_kept(cli, book):
    prose = book["halfyear_2025_bank"]
    with ScriptedServer(book) as server:
        draft = draft_json(cli, server, "halfyear_2025_bank.json")
        assert server.unknown == [] and server.truncated == 0
        kinds = {kind for kind, _ in server.answerer.answered}
    assert {"section", "opening", "closing"} <= kinds  # every part was written over HTTP
    assert draft.provider == "openai" and draft.check.ok and draft.check.faithful
    assert not any(s.fallback for s in draft.sections), [(s.heading, s.fallback_reason, s.check.claims, [n for n in s.check.numbers if n.status != "supported"]) for s in draft.sections if s.fallback]
    text = KEY.sub("", draft.text)
    assert KEY.sub("", prose.opening) in text and KEY.sub("", prose.closing) in text
    written = [entry["text"] for entry in prose.sentences.values()]
    kept = [s for s in written if KEY.sub("", s) in text]
    assert len(kept) >= 0.9 * len(written), set(written) - set(kept)
    assert draft.usage.calls >= len(draft.sections) and draft.usage.completion_tokens > 0


def test_text_output_ends_with_the_number_check(cli, book):
    with ScriptedServer(book) as server:
        result = cli(server, "draft", str(REQUESTS / "monthly_2025_03.json"), "--provider", "openai")
    assert result.exit_code == 0, result.output
    assert "滨海新区第二人民医院工会" in result.stdout and "62名女职工代表" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("数字核对通过")


def test_a_planted_honour_and_activity_are_rejected_and_the_sentence_written_again(cli, book):
    """The embellished variant plants, among others, an honour and an extra activity in annual_2025: the writer
    rejects both sentences, asks for them alone, and keeps the faithful rewrite."""
    prose = book["annual_2025"]
    with ScriptedServer(book, variant="embellished") as server:
        draft = draft_json(cli, server, "annual_2025.json")
    assert draft.check.ok
    for kind in ("honour", "activity"):
        planted = next(e for e in prose.embellished.values() if e["kind"] == kind)
        assert planted["planted"] not in draft.text
        assert KEY.sub("", prose.sentences[planted["line"]]["text"]) in KEY.sub("", draft.text)
    repairs = [r for s in draft.sections for r in s.repairs]
    assert sum("已单独重写" in r for r in repairs) >= 2
