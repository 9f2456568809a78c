"""The review workflow over HTTP with real keys: owners (403), submit, override_reason (422), passages, restore,
the diff since a return, and the 409 body that names the latest version."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_support import assert_error, bearer
from drafter.api import create_app
from drafter.models import DraftRequest, DraftResult
from drafter.service import DrafterService

REQUEST = DraftRequest(org="某某市机械厂工会", period="2025年", kind="年度总结",
                       facts=["春节走访慰问困难职工86户，发放慰问金12.6万元", "组织职工技能竞赛3场"])
GOOD = "一、主要工作\n\n春节走访慰问困难职工86户，发放慰问金12.6万元。组织职工技能竞赛3场。"
WRONG = GOOD.replace("86户", "68户")
ROLES = ("writer", "editor", "reviewer", "admin", "reader")


@pytest.fixture
def api(settings):
    """Auth on, one key per role plus a second writer; yields (client, service, headers by name)."""
    settings.auth = "on"
    svc = DrafterService(settings)
    keys = {role: svc.create_api_key(role, role)[1] for role in ROLES}
    keys["writer2"] = svc.create_api_key("writer2", "writer")[1]
    with TestClient(create_app(svc)) as client:
        yield client, svc, {name: bearer(key) for name, key in keys.items()}


def _draft(svc, text=GOOD, owner="writer") -> str:
    result = DraftResult(text=text, sections=[], check=svc.check_text(REQUEST, text), provider="template", elapsed_s=0)
    return svc.create_draft(REQUEST, result, owner).id


def test_only_the_owner_or_an_editor_or_admin_may_save(api):
    client, svc, h = api
    draft_id = _draft(svc)
    url = f"/v1/drafts/{draft_id}"
    assert client.get(url, headers=h["reader"]).json()["owner"] == "writer"
    error = assert_error(client.put(url, json={"text": GOOD + "乙的修改。", "base_version": 1}, headers=h["writer2"]),
                         403, "forbidden")
    assert "writer" in error["message"]
    assert client.put(url, json={"text": GOOD + "本人。", "base_version": 1}, headers=h["writer"]).status_code == 200
    assert client.put(url, json={"text": GOOD + "编辑。", "base_version": 2}, headers=h["editor"]).status_code == 200
    assert client.put(url, json={"text": GOOD + "管理员。", "base_version": 3}, headers=h["admin"]).status_code == 200
    assert [v["author"] for v in client.get(f"{url}/versions", headers=h["reader"]).json()] == [
        "writer", "writer", "editor", "admin"]
    _draft(svc, owner="writer2")
    mine = client.get("/v1/drafts", params={"owner": "writer"}, headers=h["reader"]).json()
    assert [d["id"] for d in mine["items"]] == [draft_id] and mine["items"][0]["owner"] == "writer"


def test_a_stale_edit_is_409_with_the_latest_version_number(api):
    client, svc, h = api
    url = f"/v1/drafts/{_draft(svc)}"
    client.put(url, json={"text": GOOD + "甲。", "base_version": 1}, headers=h["writer"])
    stale = client.put(url, json={"text": GOOD + "乙。", "base_version": 1}, headers=h["editor"])
    error = assert_error(stale, 409, "stale_version")
    assert error["latest_version"] == 2
    other = client.get(f"{url}/versions/{error['latest_version']}", headers=h["editor"]).json()
    assert other["text"] == GOOD + "甲。"


def test_submit_then_review_with_the_override_rule(api):
    client, svc, h = api
    draft_id = _draft(svc, WRONG)
    url = f"/v1/drafts/{draft_id}"
    review = {"decision": "approve", "comment": "同意"}
    assert "尚未提交" in assert_error(client.post(f"{url}/review", json=review, headers=h["reviewer"]), 422)["message"]
    assert_error(client.post(f"{url}/submit", headers=h["writer2"]), 403, "forbidden")
    assert_error(client.post(f"{url}/submit", headers=h["reader"]), 403, "forbidden")
    assert_error(client.post(f"{url}/submit", headers=h["reviewer"]), 403, "forbidden")
    submitted = client.post(f"{url}/submit", headers=h["writer"])
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    assert_error(client.post(f"{url}/review", json=review, headers=h["writer"]), 403, "forbidden")
    refused = assert_error(client.post(f"{url}/review", json=review, headers=h["reviewer"]), 422)
    assert "override_reason" in refused["message"] and "核对未通过" in refused["message"]
    forced = client.post(f"{url}/review", json={**review, "override_reason": "68户为复核后数字"}, headers=h["reviewer"])
    assert forced.status_code == 200, forced.text
    assert forced.json()["status"] == "approved" and forced.json()["reviews"][0]["override_reason"] == "68户为复核后数字"
    again = client.post(f"{url}/review", json=review, headers=h["admin"])
    assert again.status_code == 200 and len(again.json()["reviews"]) == 1  # approving twice is not an error
    assert_error(client.post(f"{url}/submit", headers=h["writer"]), 422)


def test_return_with_passages_then_diff_since_return_and_restore(api):
    client, svc, h = api
    draft_id = _draft(svc, WRONG)
    url = f"/v1/drafts/{draft_id}"
    assert_error(client.get(f"{url}/diff-since-return", headers=h["reader"]), 404)
    client.post(f"{url}/submit", headers=h["writer"])
    start = WRONG.index("68户")
    passage = {"start": start, "end": start + 3, "quote": "68户", "comment": "应为86户"}
    assert_error(client.post(f"{url}/review", json={"decision": "return", "comment": ""}, headers=h["reviewer"]), 422)
    bad = {"decision": "return", "passages": [{**passage, "quote": "没有这句话"}]}
    assert "找不到" in assert_error(client.post(f"{url}/review", json=bad, headers=h["reviewer"]), 422)["message"]
    returned = client.post(f"{url}/review", json={"decision": "return", "passages": [passage]}, headers=h["reviewer"])
    assert returned.status_code == 200 and returned.json()["reviews"][0]["passages"] == [passage]
    client.put(url, json={"text": GOOD, "base_version": 1}, headers=h["writer"])
    diff = client.get(f"{url}/diff-since-return", headers=h["reviewer"]).json()
    assert (diff["from_version"], diff["to_version"]) == (1, 2)
    assert [(c["before"], c["after"]) for c in diff["changed_numbers"]] == [("68户", "86户")]

    assert_error(client.post(f"{url}/versions/1/restore", headers=h["writer2"]), 403)
    assert_error(client.post(f"{url}/versions/9/restore", headers=h["writer"]), 404)
    assert_error(client.post(f"{url}/versions/9223372036854775808/restore", headers=h["writer"]), 422)
    restored = client.post(f"{url}/versions/1/restore", headers=h["writer"])
    assert restored.status_code == 200, restored.text
    body = restored.json()
    assert (body["number"], body["text"], body["restored_from"], body["check"]["ok"]) == (3, WRONG, 1, False)


def test_key_roles_editor_and_admin_exist(api):
    client, svc, h = api
    assert {k.role for k in svc.list_api_keys()} == set(ROLES)
    assert client.get("/v1/drafts", headers=h["editor"]).status_code == 200
    assert_error(client.post(f"/v1/drafts/{_draft(svc)}/review", json={"decision": "approve"}, headers=h["editor"]),
                 403, "forbidden")  # an editor edits, it does not review
