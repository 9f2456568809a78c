"""API keys and roles (401/403), the error body, body limits (413), validation errors (422), unknown routes."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_support import REQUEST, assert_error, bearer
from drafter.api import create_app


@pytest.fixture
def secured(service):
    """Auth on, one key per role; yields (client, keys by role)."""
    service.settings.auth = "on"
    keys = {role: service.create_api_key(f"{role}-张三", role)[1] for role in ("writer", "reviewer", "reader")}
    with TestClient(create_app(service)) as client:
        yield client, keys


@pytest.fixture
def client(service):
    with TestClient(create_app(service)) as c:
        yield c


def _check_body(draft: str = "走访慰问困难职工86户。") -> dict:
    return {"facts": ["走访慰问困难职工86户"], "draft": draft}


def test_missing_or_bad_key_is_401(secured):
    client, _ = secured
    error = assert_error(client.get("/v1/drafts"), 401, "unauthorized")
    assert "Authorization" in error["message"]
    assert client.get("/v1/drafts").headers["WWW-Authenticate"] == "Bearer"
    assert_error(client.get("/v1/drafts", headers=bearer("dk_not-a-real-key")), 401)
    assert_error(client.get("/v1/drafts", headers={"Authorization": "Basic dXNlcjpwdw=="}), 401)


def test_revoked_key_is_401(secured, service):
    client, keys = secured
    assert client.get("/v1/drafts", headers=bearer(keys["reader"])).status_code == 200
    reader = next(k for k in service.list_api_keys() if k.role == "reader")
    assert service.revoke_api_key(reader.id)
    assert_error(client.get("/v1/drafts", headers=bearer(keys["reader"])), 401)


def test_role_matrix(secured):
    client, keys = secured
    created = client.post("/v1/drafts", json=REQUEST, headers=bearer(keys["writer"]))
    assert created.status_code == 201, created.text
    draft_id = created.json()["id"]
    edit = {"text": created.json()["text"] + "\n补充一句。", "base_version": 1}
    review = {"decision": "approve", "comment": "同意"}

    # reader: reads and checks, nothing else
    assert client.get(f"/v1/drafts/{draft_id}", headers=bearer(keys["reader"])).json()["id"] == draft_id
    assert client.post("/v1/check", json=_check_body(), headers=bearer(keys["reader"])).json()["ok"] is True
    assert_error(client.post("/v1/drafts", json=REQUEST, headers=bearer(keys["reader"])), 403, "forbidden")
    assert_error(client.put(f"/v1/drafts/{draft_id}", json=edit, headers=bearer(keys["reader"])), 403)
    assert_error(client.post(f"/v1/drafts/{draft_id}/review", json=review, headers=bearer(keys["reader"])), 403)
    assert_error(client.delete("/v1/examples/x.md", headers=bearer(keys["reader"])), 403)
    # reviewer: cannot edit text, can review
    assert_error(client.put(f"/v1/drafts/{draft_id}", json=edit, headers=bearer(keys["reviewer"])), 403)
    assert_error(client.post("/v1/drafts", json=REQUEST, headers=bearer(keys["reviewer"])), 403)
    # writer: cannot review (separation of duties)
    assert_error(client.post(f"/v1/drafts/{draft_id}/review", json=review, headers=bearer(keys["writer"])), 403)

    saved = client.put(f"/v1/drafts/{draft_id}", json=edit, headers=bearer(keys["writer"]))
    assert saved.status_code == 200 and saved.json()["number"] == 2
    assert client.post(f"/v1/drafts/{draft_id}/submit", headers=bearer(keys["writer"])).status_code == 200
    reviewed = client.post(f"/v1/drafts/{draft_id}/review", json=review, headers=bearer(keys["reviewer"]))
    assert reviewed.status_code == 200 and reviewed.json()["status"] == "approved"

    detail = client.get(f"/v1/drafts/{draft_id}", headers=bearer(keys["reader"])).json()
    versions = client.get(f"/v1/drafts/{draft_id}/versions", headers=bearer(keys["reader"])).json()
    assert [v["author"] for v in versions] == ["writer-张三", "writer-张三"]
    assert detail["reviews"][-1]["reviewer"] == "reviewer-张三"


def test_probes_and_docs_need_no_key(secured):
    client, _ = secured
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/openapi.json").json()["info"]["title"] == "drafter API"
    assert client.get("/docs").status_code == 200


def test_auth_off_records_local_user(client):
    created = client.post("/v1/drafts", json=REQUEST)
    assert created.status_code == 201, created.text
    versions = client.get(f"/v1/drafts/{created.json()['id']}/versions").json()
    assert versions[0]["author"] == "local"


def test_body_over_limit_is_413_by_length_and_by_stream(service):
    service.settings.max_body_bytes = 2_000
    with TestClient(create_app(service)) as client:
        assert client.post("/v1/check", json=_check_body("短文。")).status_code == 200
        error = assert_error(client.post("/v1/check", json=_check_body("字" * 1_000)), 413, "payload_too_large")
        assert "2000" in error["message"]

        def chunks():  # no Content-Length: the middleware counts what arrives
            yield b'{"facts": [], "draft": "'
            for _ in range(10):
                yield b"x" * 500
            yield b'"}'

        assert_error(client.post("/v1/check", content=chunks(), headers={"Content-Type": "application/json"}), 413)
        assert_error(client.put("/v1/drafts/any", content=b"{" + b" " * 3_000 + b"}",
                                headers={"Content-Type": "application/json"}), 413)


def test_validation_error_lists_fields_in_chinese(client):
    error = assert_error(client.post("/v1/check", json={"facts": "不是列表"}), 422, "validation_error")
    fields = {f["field"]: f["message"] for f in error["fields"]}
    assert set(fields) == {"facts", "draft"}
    assert "facts" in error["message"] and "draft" in error["message"]

    bad = {**REQUEST, "org": "", "kind": "周报", "facts": ["  ", "- "]}
    error = assert_error(client.post("/v1/drafts", json=bad), 422)
    assert {"org", "kind", "facts"} <= {f["field"] for f in error["fields"]}
    assert any("事实" in f["message"] for f in error["fields"] if f["field"] == "facts")

    error = assert_error(client.post("/v1/drafts", content=b"{not json", headers={"Content-Type": "application/json"}), 422)
    assert "JSON" in error["message"]
    error = assert_error(client.post("/v1/drafts", content="单位：某厂工会\n".encode(), headers={"Content-Type": "text/plain"}), 422)
    assert "期间" in error["message"] and error["fields"][0]["field"] == "body"
    error = assert_error(client.post("/v1/examples", files=[("files", ("", b"abc", "text/plain"))]), 422)
    assert error["fields"][0]["field"].startswith("files")
    assert_error(client.get("/v1/drafts?limit=0"), 422)
    assert_error(client.get("/v1/drafts/x/diff?from=a&to=2"), 422)


def test_unknown_routes_methods_and_media_types_use_the_error_body(client):
    assert_error(client.get("/v1/nothing-here"), 404, "not_found")
    assert_error(client.get("/v2/drafts"), 404)
    assert_error(client.delete("/v1/check"), 405, "method_not_allowed")
    assert_error(client.post("/v1/drafts", content=b"<xml/>", headers={"Content-Type": "application/xml"}),
                 415, "unsupported_media_type")


def test_unknown_draft_and_version_are_404(client):
    for path in ("/v1/drafts/nope", "/v1/drafts/nope/versions", "/v1/drafts/nope/diff?from=1&to=2",
                 "/v1/drafts/nope/export.docx"):
        assert_error(client.get(path), 404, "not_found")
    assert_error(client.put("/v1/drafts/nope", json={"text": "正文", "base_version": 1}), 404)
    assert_error(client.post("/v1/drafts/nope/review", json={"decision": "return", "comment": ""}), 404)
    created = client.post("/v1/drafts", json=REQUEST).json()
    assert_error(client.get(f"/v1/drafts/{created['id']}/versions/7"), 404)
    assert_error(client.get(f"/v1/drafts/{created['id']}/export.docx?version=7"), 404)
    assert_error(client.get(f"/v1/drafts/{created['id']}/diff?from=1&to=7"), 404)
