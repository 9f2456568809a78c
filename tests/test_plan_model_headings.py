"""POST /v1/plan and the page's outline plan as the draft does (issue 20): with a model provider and
DRAFTER_MODEL_HEADINGS=on, the sections no example heading fits are headed by the model (its calls' cost is shown
in the outline's warnings); with it off, or the template provider, no model is asked. Against a real scripted
OpenAI-compatible server on 127.0.0.1 (tests/strong_server.py), through the ASGI app."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_support import small_service
from drafter.api import create_app
from strong_server import ScriptedServer, load_book
from test_model_titles import ASKED, FACTS

REQUEST = {"org": "某石油公司工会", "period": "2025年", "kind": "年度总结", "facts": FACTS}


def heading_calls(server) -> list[str]:
    prompts = ["\n".join(m.get("content", "") for m in body["messages"] if m.get("role") == "user")
               for body in server.requests]
    return [p for p in prompts if p.startswith(ASKED)]


@pytest.mark.parametrize("headings", ["on", "off"])
def test_the_proposed_outline_asks_the_model_for_headings_as_a_draft_does(tmp_path, headings):
    with ScriptedServer(load_book()) as server:
        service = small_service(tmp_path, provider="openai", openai_base_url=server.base_url,
                                model_headings=headings)
        with TestClient(create_app(service)) as client:
            response = client.post("/v1/plan", json=REQUEST)
            template = client.post("/v1/plan?provider=template", json=REQUEST)
        asked = heading_calls(server)
    assert response.status_code == 200 and template.status_code == 200, (response.text, template.text)
    outline, plain = response.json(), template.json()
    if headings == "off":
        assert asked == [] and outline == plain
        return
    assert asked, "no section was asked: these facts leave some without a fitting example heading"
    assert any(w.startswith("模型拟定小标题") and f"{len(asked)}次调用" in w for w in outline["warnings"]), outline
    assert not any(w.startswith("模型拟定小标题") for w in plain["warnings"])
    for prompt in asked:  # each call shows its section's facts
        assert any(fact in prompt for fact in FACTS), prompt


@pytest.mark.slow
def test_the_local_model_heads_the_proposed_outline(tmp_path):
    from drafter.models import DraftRequest
    from drafter.pipeline.heading_rules import is_generic
    from model_support import require_model

    service = small_service(tmp_path, provider="local", local_model=require_model(), model_headings="on")
    outline = service.plan(DraftRequest.model_validate(REQUEST))
    cost = [w for w in outline.warnings if w.startswith("模型拟定小标题")]
    assert cost, outline.warnings  # the model was asked, and its calls' tokens and seconds are shown
    headings = [s.heading for s in outline.sections]
    assert len(set(headings)) == len(headings) and not any(is_generic(h) for h in headings), headings
    assert sorted(n for s in outline.sections for n in s.facts) == list(range(1, len(FACTS) + 1))
    print(headings, cost)
