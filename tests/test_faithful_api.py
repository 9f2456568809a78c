"""/v1/check and the service's recheck carry the clause check: items, claims, sentences, faithful."""

from __future__ import annotations

from fastapi.testclient import TestClient

from drafter.api import create_app
from drafter.models import CheckResult, DraftRequest
from drafter.service import DrafterService

FACTS = ["春节期间走访慰问困难职工86户", "为32户单亲家庭送去慰问品"]
DRAFT = "走访慰问困难职工86户，为32户单亲家庭送去慰问品。我们定期开展职工培训。"


def test_v1_check_returns_items_claims_sentences_and_faithful(settings):
    with TestClient(create_app(DrafterService(settings))) as client:
        body = client.post("/v1/check", json={"facts": FACTS, "draft": DRAFT}).json()
    result = CheckResult.model_validate(body)
    assert result.ok and not result.faithful
    assert [(h.text, h.item, h.fact_item) for h in result.numbers] == [
        ("86户", "走访慰问困难职工", "春节期间走访慰问困难职工"), ("32户", "单亲家庭", "单亲家庭")]
    assert [(c.kind, c.text) for c in result.claims] == [("claim", "我们定期开展职工培训")]
    assert [s.fact_lines for s in result.sentences] == [[1, 2], []]


def test_recheck_of_a_request_uses_problems_and_plans_as_context(settings):
    request = DraftRequest(org="东海公司工会", period="2025年", facts=FACTS, plans=["明年开展职工技能培训"])
    result = DrafterService(settings).check_text(request, DRAFT)
    assert result.claims == [] and result.faithful
