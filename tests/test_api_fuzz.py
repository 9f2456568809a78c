"""Property test (issue 13): random text with lone surrogates, control characters, bidi controls and Word's
special characters in every text field of every writing endpoint, and randomly deep JSON, never gives a 500,
and afterwards every stored version of every draft exports to Word."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api_support import REQUEST, small_service
from drafter.api import create_app

NASTY = ["\ud800", "\udfff", "\x00", "\x01", "\x0b", "\x0c", "\x1f", "\x7f", "\x85", "\u2028", "\ufffe", "\uffff",
         "\u202e", "\u2066", "\u200f", "\u061c", "\ufeff", "\t", "\r\n", "86户", "12.6万元", "一、", "（三）"]
pieces = st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=8),
                   st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80), min_size=1, max_size=6))
nasty_text = st.lists(pieces, min_size=1, max_size=12).map("".join)
FUZZ = settings(max_examples=25, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return small_service(tmp_path_factory.mktemp("fuzz"))


@pytest.fixture(scope="module")
def client(service):
    with TestClient(create_app(service)) as c:
        yield c


@pytest.fixture(scope="module")
def draft(client) -> dict:
    response = client.post("/v1/drafts", json=REQUEST)
    assert response.status_code == 201, response.text
    return {"id": response.json()["id"]}


def _post(client, path: str, payload, method: str = "POST"):
    """Send JSON exactly as given (lone surrogates become \\udXXX escapes, as a client would send them)."""
    body = json.dumps(payload, ensure_ascii=True).encode()
    response = client.request(method, path, content=body, headers={"Content-Type": "application/json"})
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        error = response.json()["error"]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"]), error
    return response


@FUZZ
@given(field=st.sampled_from(["org", "period", "topic", "facts", "problems", "plans"]), text=nasty_text)
def fuzz_draft_requests(client, field, text):
    value = [text, "组织职工技能竞赛3场"] if field in ("facts", "problems", "plans") else text
    _post(client, "/v1/drafts", {**REQUEST, field: value})


@FUZZ
@given(text=nasty_text, comment=nasty_text)
def fuzz_edits_checks_and_reviews(client, draft, text, comment):
    latest = client.get(f"/v1/drafts/{draft['id']}").json()["latest_version"]
    _post(client, f"/v1/drafts/{draft['id']}", {"text": text, "base_version": latest}, method="PUT")
    _post(client, "/v1/check", {"facts": [text], "draft": comment})
    _post(client, f"/v1/drafts/{draft['id']}/submit", {})
    passage = {"start": 0, "end": 2, "quote": text[:2] or "正文", "comment": comment}
    _post(client, f"/v1/drafts/{draft['id']}/review",
          {"decision": "return", "comment": comment, "override_reason": text, "passages": [passage]})


@pytest.fixture(scope="module")
def fuzz_once(client, draft):
    """fuzz_once(*names) runs each named storing fuzz (all with no name) once per module, whichever test asks
    first: the export test below sees what they stored even when it runs alone or first."""
    fuzzers = {"drafts": lambda: fuzz_draft_requests(client),
               "edits": lambda: fuzz_edits_checks_and_reviews(client, draft)}
    done: set[str] = set()

    def run(*names: str) -> None:
        for name in names or tuple(fuzzers):
            if name not in done:
                fuzzers[name]()
                done.add(name)

    return run


def test_draft_requests_with_nasty_text_never_fail_the_server(fuzz_once):
    fuzz_once("drafts")


def test_edits_checks_and_reviews_with_nasty_text_never_fail_the_server(fuzz_once):
    fuzz_once("edits")


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), nasty_text)
deep_json = st.recursive(json_leaf, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                           st.dictionaries(nasty_text, inner, max_size=3)),
                         max_leaves=20)


@FUZZ
@given(value=deep_json, depth=st.integers(min_value=0, max_value=3000))
def test_random_and_deeply_nested_json_never_fails_the_server(client, draft, value, depth):
    wrapped = "[" * depth + json.dumps(value, ensure_ascii=True) + "]" * depth
    for method, path in (("POST", "/v1/drafts"), ("PUT", f"/v1/drafts/{draft['id']}"), ("POST", "/v1/check")):
        response = client.request(method, path, content=wrapped.encode(), headers={"Content-Type": "application/json"})
        assert response.status_code < 500 and response.status_code != 201, response.text


def test_every_stored_version_of_every_draft_exports(client, service, fuzz_once):
    """After the storing fuzz above (run here first if it has not run yet in this module): nothing stored is
    unexportable."""
    fuzz_once()
    drafts = service.list_drafts(limit=100).items
    assert drafts
    exported = 0
    for item in drafts:
        for version in client.get(f"/v1/drafts/{item.id}/versions").json():
            response = client.get(f"/v1/drafts/{item.id}/export.docx", params={"version": version["number"]})
            assert response.status_code == 200, response.text
            exported += 1
    assert exported >= len(drafts) + 10  # the fuzzed edits were stored as versions, and exported
