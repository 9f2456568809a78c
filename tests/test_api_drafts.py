"""Drafts over HTTP: create (JSON / plain text), list with filters, read, edit with 409, versions, diff, review,
Word export. Auth is off here (the `service` fixture); roles are covered in test_api_security.py."""

from __future__ import annotations

import io

import pytest
from docx import Document
from fastapi.testclient import TestClient

from api_support import PLAIN_REQUEST, REQUEST, assert_error, request_for
from drafter.api import create_app
from drafter.domain.facts import clean_fact_lines


@pytest.fixture
def client(service):
    with TestClient(create_app(service)) as c:
        yield c


@pytest.fixture
def created(client) -> dict:
    response = client.post("/v1/drafts", json=REQUEST)
    assert response.status_code == 201, response.text
    return response.json()


def test_create_returns_the_draft_result_and_stores_it(client, created, service):
    assert created["version"] == 1 and created["id"]
    assert "86户" in created["text"] and created["sections"]
    assert created["provider"] == "template"
    assert set(created["check"]) >= {"ok", "numbers", "missing"}
    detail = client.get(f"/v1/drafts/{created['id']}").json()
    assert detail["latest"]["number"] == 1 and detail["latest"]["text"] == created["text"]
    assert detail["request"]["facts"] == REQUEST["facts"] and detail["status"] == "draft"
    assert detail["latest"]["check"] == created["check"]
    assert service.get_draft(created["id"]).latest.text == created["text"]  # really stored


def test_create_from_plain_text(client):
    response = client.post("/v1/drafts", content=PLAIN_REQUEST.encode(), headers={"Content-Type": "text/plain; charset=utf-8"})
    assert response.status_code == 201, response.text
    detail = client.get(f"/v1/drafts/{response.json()['id']}").json()
    assert detail["org"] == "某某县供电公司工会" and detail["kind"] == "半年总结"
    assert detail["request"]["facts"] == clean_fact_lines(["- 慰问一线职工312人次", "- 举办安全知识讲座4场"])
    assert "312" in response.json()["text"]


def test_list_filters_and_pagination(client):
    ids = {}
    for org, kind in (("甲厂工会", "年度总结"), ("乙厂工会", "年度总结"), ("甲厂工会", "专项总结")):
        ids[(org, kind)] = client.post("/v1/drafts", json=request_for(org, kind)).json()["id"]
    page = client.get("/v1/drafts").json()
    assert page["total"] == 3 and {d["id"] for d in page["items"]} == set(ids.values())
    only = client.get("/v1/drafts", params={"org": "甲厂工会", "kind": "专项总结"}).json()
    assert [d["id"] for d in only["items"]] == [ids[("甲厂工会", "专项总结")]]
    assert client.get("/v1/drafts", params={"org": "甲厂工会"}).json()["total"] == 2
    assert client.get("/v1/drafts", params={"status": "approved"}).json()["total"] == 0
    first, second = (client.get("/v1/drafts", params={"limit": 2, "offset": o}).json() for o in (0, 2))
    assert len(first["items"]) == 2 and len(second["items"]) == 1 and second["total"] == 3
    assert {d["id"] for d in first["items"] + second["items"]} == set(ids.values())


def test_edit_saves_a_rechecked_version_and_keeps_the_old_one(client, created):
    edited = created["text"].replace("86户", "87户")
    assert edited != created["text"]
    saved = client.put(f"/v1/drafts/{created['id']}", json={"text": edited, "base_version": 1})
    assert saved.status_code == 200, saved.text
    version = saved.json()
    assert version["number"] == 2 and version["text"] == edited and version["check"]["ok"] is False
    assert any(n["text"].startswith("87") and n["status"] == "mismatch" for n in version["check"]["numbers"])
    versions = client.get(f"/v1/drafts/{created['id']}/versions").json()
    assert [v["number"] for v in versions] == [1, 2] and versions[0]["text"] == created["text"]
    assert client.get(f"/v1/drafts/{created['id']}/versions/1").json()["text"] == created["text"]
    assert client.get(f"/v1/drafts/{created['id']}").json()["latest_version"] == 2


def test_stale_edit_is_409_and_loses_nothing(client, created):
    url = f"/v1/drafts/{created['id']}"
    assert client.put(url, json={"text": created["text"] + "\n甲的修改。", "base_version": 1}).status_code == 200
    error = assert_error(client.put(url, json={"text": created["text"] + "\n乙的修改。", "base_version": 1}),
                         409, "stale_version")
    assert "第 1 版" in error["message"]
    versions = client.get(f"{url}/versions").json()
    assert [v["number"] for v in versions] == [1, 2] and versions[1]["text"].endswith("甲的修改。")


def test_diff_lists_text_and_number_changes(client, created):
    url = f"/v1/drafts/{created['id']}"
    client.put(url, json={"text": created["text"].replace("86户", "87户"), "base_version": 1})
    diff = client.get(f"{url}/diff", params={"from": 1, "to": 2}).json()
    assert diff["from_version"] == 1 and diff["to_version"] == 2
    assert "-" in diff["unified"] and "87户" in diff["unified"]
    assert any((c["before"] or "").startswith("86") and (c["after"] or "").startswith("87")
               for c in diff["changed_numbers"])


def test_review_moves_status_and_records_the_reviewer(client, created):
    url = f"/v1/drafts/{created['id']}/review"
    assert client.post(f"/v1/drafts/{created['id']}/submit").json()["status"] == "submitted"
    returned = client.post(url, json={"decision": "return", "comment": "请补充职工书屋的情况"}).json()
    assert returned["status"] == "returned" and returned["reviews"][0]["comment"] == "请补充职工书屋的情况"
    assert returned["reviews"][0]["reviewer"] == "local"
    assert client.get("/v1/drafts", params={"status": "returned"}).json()["total"] == 1
    assert_error(client.post(url, json={"decision": "maybe", "comment": ""}), 422)


def test_export_docx_is_the_requested_version(client, created):
    url = f"/v1/drafts/{created['id']}"
    client.put(url, json={"text": created["text"].replace("86户", "87户"), "base_version": 1})
    for version, number in ((None, "87户"), (1, "86户")):
        params = {"version": version} if version else {}
        response = client.get(f"{url}/export.docx", params=params)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
        assert "attachment" in response.headers["content-disposition"]
        text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
        assert number in text


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York"])
def test_every_time_has_a_display_text_in_the_configured_zone(service, zone):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    service.settings.timezone = zone
    with TestClient(create_app(service)) as client:
        draft_id = client.post("/v1/drafts", json=REQUEST).json()["id"]
        replies = [client.get(f"/v1/drafts/{draft_id}").json(), client.get(f"/v1/drafts/{draft_id}/versions").json(),
                   client.get("/v1/drafts").json()]
    shown = []

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key.endswith("_at") and isinstance(value, str):
                    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
                    shown.append((node[f"{key}_local"], moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")))
                walk(value)
    walk(replies)
    assert len(shown) >= 3 and all(text == expected for text, expected in shown)
