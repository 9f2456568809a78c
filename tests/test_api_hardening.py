"""Issue 13, defects 1-4 and 8: hostile and careless JSON over HTTP. Each ends in the one error body, in Chinese,
with one status per class (422 for anything unusable in a body), and nothing stored that cannot be exported."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from api_support import REQUEST, assert_error, small_service
from drafter.api import create_app

ENGLISH_INTERNALS = ("Expecting", "codec", "Error", "Traceback", "utf-8", "' or '", "Input should")


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return small_service(tmp_path_factory.mktemp("hardening"))


@pytest.fixture(scope="module")
def client(service):
    with TestClient(create_app(service)) as c:
        yield c


@pytest.fixture(scope="module")
def draft_id(client) -> str:
    response = client.post("/v1/drafts", json=REQUEST)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def _no_internals(error: dict) -> None:
    text = json.dumps(error, ensure_ascii=False)
    assert not any(word in text for word in ENGLISH_INTERNALS), text


def _nested(depth: int) -> bytes:
    return b'{"org": "a", "period": "b", "facts": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("depth", [40, 995, 5000])
def test_deeply_nested_json_is_422_everywhere(client, draft_id, depth):
    headers = {"Content-Type": "application/json"}
    for method, path in (("POST", "/v1/drafts"), ("PUT", f"/v1/drafts/{draft_id}"), ("POST", "/v1/check"),
                         ("POST", "/v1/drafts?stream=true")):
        error = assert_error(client.request(method, path, content=_nested(depth), headers=headers), 422)
        _no_internals(error)
        if path.startswith("/v1/drafts?") or path == "/v1/drafts" or depth > 1000:
            assert "嵌套层数过深" in error["message"] and error["fields"][0]["field"] == "body", error
    assert client.get("/healthz").status_code == 200  # the server is fine afterwards


@pytest.mark.parametrize("number", ["9223372036854775808", "99999999999999999999999999", "1000001"])
def test_huge_version_numbers_are_404(client, draft_id, number):
    _no_internals(assert_error(client.get(f"/v1/drafts/{draft_id}/versions/{number}"), 404, "not_found"))
    for query in (f"from=1&to={number}", f"from={number}&to=1"):
        assert client.get(f"/v1/drafts/{draft_id}/diff?{query}").status_code in (404, 422)
    assert client.get(f"/v1/drafts/{draft_id}/export.docx?version={number}").status_code in (404, 422)


SURROGATE = '"慰问\\ud800困难职工86户"'


@pytest.mark.parametrize("field", ["org", "period", "topic", "facts", "problems", "plans", "pinned_examples"])
def test_a_lone_surrogate_is_refused_at_validation_for_every_request_field(client, service, field):
    before = service.list_drafts().total
    body = dict(REQUEST)
    value = SURROGATE if field in ("org", "period", "topic") else f"[{SURROGATE}]"
    raw = json.dumps(body, ensure_ascii=False)[:-1] + f', "{field}": {value}}}'
    for path in ("/v1/drafts", "/v1/drafts?stream=true"):
        error = assert_error(client.post(path, content=raw.encode(), headers={"Content-Type": "application/json"}), 422)
        assert "无效字符" in error["message"] and error["fields"][0]["field"].startswith(field), error
        _no_internals(error)
    assert service.list_drafts().total == before


def test_a_lone_surrogate_is_refused_in_edits_checks_and_reviews(client, draft_id):
    headers = {"Content-Type": "application/json"}
    cases = [("PUT", f"/v1/drafts/{draft_id}", '{"text": "正文\\udfff", "base_version": 1}', "text"),
             ("POST", "/v1/check", '{"facts": ["慰问\\ud800 86户"], "draft": "慰问86户"}', "facts"),
             ("POST", "/v1/check", '{"facts": ["慰问86户"], "draft": "慰问\\ud83d86户"}', "draft"),
             ("POST", f"/v1/drafts/{draft_id}/review", '{"decision": "return", "comment": "\\ud800"}', "comment"),
             ("POST", f"/v1/drafts/{draft_id}/review", '{"decision": "approve", "override_reason": "x\\ud800"}',
              "override_reason"),
             ("POST", f"/v1/drafts/{draft_id}/review",
              '{"decision": "return", "passages": [{"start": 0, "end": 1, "quote": "a", "comment": "\\udc00"}]}',
              "passages")]
    for method, path, raw, field in cases:
        error = assert_error(client.request(method, path, content=raw.encode(), headers=headers), 422)
        assert error["fields"][0]["field"] == field and "无效字符" in error["message"], error


CONTROLS = "第一段\u0000\u0001文字\u000b第二段\u001f\ufffe\uffff\u202e完\u0085"


def test_control_characters_are_normalised_so_every_version_exports(client, draft_id):
    latest = client.get(f"/v1/drafts/{draft_id}").json()["latest_version"]
    saved = client.put(f"/v1/drafts/{draft_id}", json={"text": CONTROLS, "base_version": latest})
    assert saved.status_code == 200, saved.text
    text = saved.json()["text"]
    assert text == "第一段文字\n第二段完\n"  # vertical tab and NEL become line breaks, the rest is removed
    created = client.post("/v1/drafts", json={**REQUEST, "org": "某厂\u000b工会\u0000", "facts": [CONTROLS + "86户"]})
    assert created.status_code == 201, created.text
    detail = client.get(f"/v1/drafts/{created.json()['id']}").json()
    assert detail["org"] == "某厂 工会" and all(ord(ch) >= 32 or ch == "\n" for ch in detail["request"]["facts"][0])
    for did in (draft_id, created.json()["id"]):
        for version in client.get(f"/v1/drafts/{did}/versions").json():
            exported = client.get(f"/v1/drafts/{did}/export.docx", params={"version": version["number"]})
            assert exported.status_code == 200, exported.text


def test_unparsable_bodies_are_422_with_chinese_reasons_on_every_route(client, draft_id):
    json_type = {"Content-Type": "application/json"}
    for method, path in (("PUT", f"/v1/drafts/{draft_id}"), ("POST", "/v1/check"), ("POST", "/v1/drafts"),
                         ("POST", f"/v1/drafts/{draft_id}/review")):
        for body in (b"\xff\xfe\x00{", b'{"text": ', b"[1, 2,, 3]", b"{'a': 1}"):
            error = assert_error(client.request(method, path, content=body, headers=json_type), 422)
            _no_internals(error)
            assert [f["field"] for f in error["fields"]] == ["body"], error  # never a character position


def test_allowed_values_are_listed_in_chinese(client, draft_id):
    error = assert_error(client.post(f"/v1/drafts/{draft_id}/review", json={"decision": "ok"}), 422)
    assert "approve（通过）" in error["message"] and "return（退回）" in error["message"]
    _no_internals(error)
    error = assert_error(client.post("/v1/drafts", json={**REQUEST, "length": "huge"}), 422)
    assert "short（简短）" in error["message"]
    error = assert_error(client.get("/v1/drafts", params={"limit": 0, "kind": "周报"}), 422)
    assert "每页条数不能小于 1" in error["message"] and "类型只能选择：年度总结" in error["message"], error
    error = assert_error(client.post("/v1/drafts", json={**REQUEST, "facts": [1, ["x"]]}), 422)
    assert {f["field"] for f in error["fields"]} >= {"facts.1"} and "事实第 2 条" in error["message"]


def test_oversized_query_string_and_headers_get_the_json_error_body(client):
    error = assert_error(client.get("/v1/drafts", params={"org": "甲" * 5_000}), 414, "uri_too_long")
    assert "过长" in error["message"]
    error = assert_error(client.get("/v1/drafts", headers={"X-Padding": "x" * 20_000}), 431, "headers_too_large")
    assert client.get("/v1/drafts", params={"org": "甲" * 100}).status_code == 200
