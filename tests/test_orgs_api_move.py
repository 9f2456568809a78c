"""POST/PATCH/DELETE /v1/orgs (issue 22): admin keys only (403 for other roles), 404 outside the admin's reach as
for an unknown organisation, 409 with a Chinese reason while an organisation still holds something, 422 for a
move under itself or its descendants; reach follows a move at once."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_support import REQUEST, assert_error, bearer, small_service
from drafter.api import create_app

TREE = "东城区总工会,\n东城区甲街道工会,东城区总工会\n甲机械厂工会,东城区甲街道工会\n西城区总工会,\n"


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    """(service, client, keys) over TREE, shared by the tests that leave the tree as they found it (or add to it)."""
    return _api(tmp_path_factory.mktemp("orgs-api"))


@pytest.fixture
def own_api(tmp_path):
    """The same, for a test that moves and deletes organisations of TREE (the others need them in place)."""
    return _api(tmp_path)


def _api(root):
    service = small_service(root, auth="on")
    service.import_orgs(TREE)
    keys = {name: service.create_api_key(name, role, org)[1]
            for name, role, org in [("市管理员", "admin", None), ("东城管理员", "admin", "东城区总工会"),
                                    ("东城审核", "reviewer", "东城区总工会"), ("西城审核", "reviewer", "西城区总工会"),
                                    ("甲厂起草", "writer", "甲机械厂工会")]}
    return service, TestClient(create_app(service)), keys


def test_only_admins_change_the_tree_and_only_within_their_reach(api):
    service, client, keys = api
    for who in ("东城审核", "甲厂起草"):
        assert_error(client.post("/v1/orgs", json={"name": "某厂工会"}, headers=bearer(keys[who])), 403)
        assert_error(client.patch("/v1/orgs/甲机械厂工会", json={"name": "乙厂"}, headers=bearer(keys[who])), 403)
        assert_error(client.delete("/v1/orgs/甲机械厂工会", headers=bearer(keys[who])), 403)
    west = service.get_org("西城区总工会").id
    for method, body in (("PATCH", {"name": "改名"}), ("DELETE", None)):
        outside = client.request(method, f"/v1/orgs/{west}", json=body, headers=bearer(keys["东城管理员"]))
        unknown = client.request(method, "/v1/orgs/000000000000", json=body, headers=bearer(keys["东城管理员"]))
        assert_error(outside, 404)
        assert outside.status_code == unknown.status_code
    assert_error(client.patch("/v1/orgs/甲机械厂工会", json={"parent": west}, headers=bearer(keys["东城管理员"])), 404)
    created = client.post("/v1/orgs", json={"name": "东城乙厂工会"}, headers=bearer(keys["东城管理员"]))
    assert created.status_code == 201 and created.json()["parent_id"] == service.get_org("东城区总工会").id
    assert_error(client.patch("/v1/orgs/东城区总工会", json={"parent": "甲机械厂工会"},
                              headers=bearer(keys["市管理员"])), 422)
    assert_error(client.patch("/v1/orgs/东城区总工会", json={}, headers=bearer(keys["市管理员"])), 422)


def test_a_patch_that_moves_and_renames_changes_nothing_when_the_new_name_is_taken(api):
    service, client, keys = api
    factory = service.get_org("甲机械厂工会")
    refused = client.patch("/v1/orgs/甲机械厂工会", json={"parent": "西城区总工会", "name": "东城区总工会"},
                           headers=bearer(keys["市管理员"]))
    assert_error(refused, 422)
    assert "已存在" in refused.text
    assert service.get_org(factory.id).path == factory.path  # not moved either


def test_a_move_over_the_api_moves_reach_and_a_delete_says_what_to_move_first(own_api):
    service, client, keys = own_api
    draft = client.post("/v1/drafts", json={**REQUEST, "org": "甲机械厂工会"}, headers=bearer(keys["甲厂起草"]))
    assert draft.status_code == 201, draft.text
    url = f"/v1/drafts/{draft.json()['id']}"
    assert client.get(url, headers=bearer(keys["东城审核"])).status_code == 200
    assert_error(client.get(url, headers=bearer(keys["西城审核"])), 404)
    moved = client.patch("/v1/orgs/东城区甲街道工会", json={"parent": "西城区总工会", "name": "西城区甲街道工会"},
                         headers=bearer(keys["市管理员"]))
    assert moved.status_code == 200 and moved.json()["name"] == "西城区甲街道工会", moved.text
    assert_error(client.get(url, headers=bearer(keys["东城审核"])), 404)  # the old parent's reviewer: gone
    assert client.get(url, headers=bearer(keys["西城审核"])).status_code == 200  # the new parent's: sees it
    refused = client.delete("/v1/orgs/甲机械厂工会", headers=bearer(keys["市管理员"]))
    assert_error(refused, 409)
    assert "1 个 API 密钥" in refused.text and "1 篇稿件" in refused.text
    handed = client.delete("/v1/orgs/甲机械厂工会?to_parent=true", headers=bearer(keys["市管理员"]))
    assert handed.status_code == 200, handed.text
    assert client.get(url, headers=bearer(keys["甲厂起草"])).status_code == 200  # the key now acts for the street
    assert "甲机械厂工会" not in {o["name"] for o in client.get("/v1/orgs", headers=bearer(keys["市管理员"])).json()}
    assert_error(client.delete("/v1/orgs/甲机械厂工会", headers=bearer(keys["市管理员"])), 404)
