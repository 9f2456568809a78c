"""A draft's trace end to end: the real pipeline with a scripted model through the service, stored, then read
back through the service, `drafter trace`, and GET /v1/drafts/{id}/trace (admin only)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient
from retrieval_support import CARE, DEMOCRACY
from typer.testing import CliRunner

from drafter.api import create_app
from drafter.cli import app as cli_app
from drafter.domain.errors import NotFound
from drafter.models import DraftRequest, DraftResult
from drafter.providers.fake import ScriptedModel
from drafter.providers.registry import Resolved
from drafter.service import DrafterService
from drafter.settings import Settings

REQUEST = DraftRequest(org="某公司工会", period="2025年", kind="专项总结", topic="送温暖",
                       facts=["春节期间走访慰问困难职工86户，发放慰问金12.6万元", "资助困难职工子女大学新生15名"])
REPLY = "春节期间，工会走访慰问困难职工86户，发放慰问金12.6万元。"


@pytest.fixture(scope="module")
def small_library(tmp_path_factory):
    from retrieval.library import Library

    root = tmp_path_factory.mktemp("trace_library")
    (root / "corpus").mkdir()
    (root / "corpus" / "care.md").write_text(CARE, encoding="utf-8")
    (root / "corpus" / "democracy.md").write_text(DEMOCRACY, encoding="utf-8")
    library = Library(Settings(data_dir=root / "data", _env_file=None))
    library.ingest([root / "corpus"], progress=False)
    return library


def make_service(tmp_path, library, model, **options) -> DrafterService:
    settings = Settings(data_dir=tmp_path / "data", provider="openai", auth="off", _env_file=None, **options)
    service = DrafterService(settings)
    service.__dict__["library"] = library
    service.__dict__["providers"] = SimpleNamespace(resolve=lambda name: Resolved(model, "openai"))
    return service


def test_a_stored_draft_shows_every_model_call_of_its_run(tmp_path, small_library):
    model = ScriptedModel(default=REPLY, name="openai", concurrent=True)
    service = make_service(tmp_path, small_library, model)
    result = service.draft(REQUEST)
    assert result.run_id and model.calls
    draft = service.create_draft(REQUEST, result, author="张书记")
    calls = service.trace(draft.id)
    assert sorted(json.dumps(c.messages) for c in calls) == sorted(json.dumps(m) for m in model.calls)
    assert len(calls) == len(model.calls) and {c.run_id for c in calls} == {result.run_id}
    assert all(c.provider == "openai" and c.reply == REPLY and c.step for c in calls)
    other = service.create_draft(REQUEST, service.draft(REQUEST), author="张书记")
    assert len(service.trace(other.id)) == len(model.calls) - len(calls)  # each draft only its own run
    with pytest.raises(NotFound):
        service.trace("no-such-draft")


def test_the_streamed_result_carries_the_run_id(tmp_path, small_library):
    service = make_service(tmp_path, small_library, ScriptedModel(default=REPLY, name="openai", concurrent=True))
    done = [e for e in service.draft_events(REQUEST) if e.type == "done"][0]
    result = DraftResult.model_validate(done.data["result"])
    draft = service.create_draft(REQUEST, result, author="张书记")
    assert result.run_id and service.trace(draft.id) and service.trace(draft.id)[0].run_id == result.run_id


def test_trace_off_records_nothing(tmp_path, small_library):
    model = ScriptedModel(default=REPLY, name="openai", concurrent=True)
    service = make_service(tmp_path, small_library, model, trace="off")
    draft = service.create_draft(REQUEST, service.draft(REQUEST), author="张书记")
    assert model.calls and service.trace(draft.id) == []
    assert not (tmp_path / "data" / "traces.sqlite").exists()


def test_cli_prints_the_trace(tmp_path, small_library, monkeypatch):
    service = make_service(tmp_path, small_library, ScriptedModel(default=REPLY, name="openai", concurrent=True))
    draft = service.create_draft(REQUEST, service.draft(REQUEST), author="张书记")
    service.traces.flush()
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(tmp_path / "data"))
    human = CliRunner().invoke(cli_app, ["trace", draft.id])
    assert human.exit_code == 0, human.output
    assert "#1 " in human.output and "--- user ---" in human.output and REPLY in human.output
    as_json = CliRunner().invoke(cli_app, ["trace", draft.id, "--json"])
    assert [c["reply"] for c in json.loads(as_json.stdout)] == [c.reply for c in service.trace(draft.id)]
    missing = CliRunner().invoke(cli_app, ["trace", "no-such-draft"])
    assert missing.exit_code == 1 and "不存在" in missing.output


def test_api_trace_is_for_the_admin_role_only(tmp_path, small_library):
    service = make_service(tmp_path, small_library, ScriptedModel(default=REPLY, name="openai", concurrent=True))
    draft = service.create_draft(REQUEST, service.draft(REQUEST), author="张书记")
    service.settings.auth = "on"
    roles = {"k-admin": "admin", "k-writer": "writer", "k-reviewer": "reviewer"}
    service.authenticate = lambda key: SimpleNamespace(name=key, role=roles[key]) if key in roles else None
    with TestClient(create_app(service)) as client:
        path = f"/v1/drafts/{draft.id}/trace"
        assert client.get(path).status_code == 401
        assert client.get(path, headers={"Authorization": "Bearer nope"}).status_code == 401
        for key in ("k-writer", "k-reviewer"):
            assert client.get(path, headers={"Authorization": f"Bearer {key}"}).status_code == 403
        answer = client.get(path, headers={"Authorization": "Bearer k-admin"})
        assert answer.status_code == 200
        assert [c["reply"] for c in answer.json()] == [c.reply for c in service.trace(draft.id)]
        assert client.get("/v1/drafts/nope/trace", headers={"Authorization": "Bearer k-admin"}).status_code == 404


def test_a_repaired_sentence_is_traced_as_repair(tmp_path, small_library):
    """A section line that fails its check is written again alone: that call is the trace's "repair" step."""
    def reply(messages):
        prompt = messages[-1]["content"]
        if "只输出这一句" in prompt:  # prompts/sentence.j2: one failing line written again
            return REPLY
        return "1. 春节期间，工会走访慰问困难职工68户，发放慰问金12.6万元。\n概括：工会把温暖送到职工心坎上。\n"

    model = ScriptedModel(default=reply, name="openai", concurrent=False)
    service = make_service(tmp_path, small_library, model)
    result = service.draft(REQUEST)
    draft = service.create_draft(REQUEST, result, author="张书记")
    steps = {(c.step, "只输出这一句" in c.messages[-1]["content"]) for c in service.trace(draft.id)}
    assert ("repair", True) in steps and ("write", False) in steps
    assert not {s for s in steps if s[0] == "repair" and not s[1]}  # only the sentence calls are repairs
    assert any(s.repairs for s in result.sections)
