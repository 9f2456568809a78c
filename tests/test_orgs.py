"""Organisations: the tree, CSV import, and reach — a district's reviewer reviews its grassroots unions' drafts and
never a sibling district's; every route answers 404 (not 403) outside the caller's reach."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_support import REQUEST, assert_error, bearer, small_service
from drafter.api import create_app
from drafter.domain.errors import InvalidInput, NotFound
from store_support import store, store_url  # noqa: F401 - fixtures

TREE_CSV = """名称,上级
东城区总工会,
东城区甲街道工会,东城区总工会
甲机械厂工会,东城区甲街道工会
西城区总工会,
西城区乙厂工会,西城区总工会
"""


def test_the_tree_is_built_by_name_and_parent_and_listed_depth_first(store):
    district = store.create_org("东城区总工会")
    street = store.create_org("东城区甲街道工会", parent="东城区总工会")
    factory = store.create_org("甲机械厂工会", parent=street.id)
    store.create_org("西城区总工会")
    assert factory.path == f"/root/{district.id}/{street.id}/{factory.id}/"
    assert factory.lineage == ["root", district.id, street.id, factory.id]
    assert [o.name for o in store.list_orgs()] == ["总工会", "东城区总工会", "东城区甲街道工会", "甲机械厂工会",
                                                   "西城区总工会"]
    assert [o.name for o in store.list_orgs(within=district.path)] == ["东城区总工会", "东城区甲街道工会", "甲机械厂工会"]
    with pytest.raises(InvalidInput, match="已存在"):
        store.create_org("甲机械厂工会", parent="西城区总工会")
    with pytest.raises(NotFound, match="上级组织不存在"):
        store.create_org("某厂工会", parent="没有的区")
    with pytest.raises(InvalidInput):
        store.create_org("  \n ")
    assert store.rename_org("root", "某市总工会").name == "某市总工会"


def test_csv_import_takes_children_before_parents_and_is_all_or_nothing(settings):
    from drafter.service import DrafterService

    service = DrafterService(settings)
    lines = TREE_CSV.strip().splitlines()
    reordered = "\n".join([lines[0], *reversed(lines[1:])]).encode("gb18030")  # children first, GB18030
    created, notes = service.import_orgs(reordered)
    assert sorted(o.name for o in created) == sorted(line.split(",")[0] for line in lines[1:])
    factory = service.get_org("甲机械厂工会")
    assert [service.get_org(i).name for i in factory.lineage] == ["总工会", "东城区总工会", "东城区甲街道工会",
                                                                  "甲机械厂工会"]
    again, notes = service.import_orgs(TREE_CSV)  # idempotent
    assert again == [] and len(notes) == 5
    with pytest.raises(InvalidInput, match="第 2 行"):
        service.import_orgs("新厂工会,东城区总工会\n孤儿工会,不存在的上级\n")
    with pytest.raises(NotFound):
        service.get_org("新厂工会")  # the good row was not kept either
    with pytest.raises(InvalidInput, match="上级不是"):
        service.import_orgs("甲机械厂工会,西城区总工会\n")


@pytest.fixture(scope="module")
def federation(tmp_path_factory):
    """A service with the tree above, a key per role and org, and one draft per grassroots union (other tests of
    the module add drafts and keys to it)."""
    return _federation(tmp_path_factory.mktemp("orgs"))


@pytest.fixture
def own_federation(tmp_path):
    """The same, holding only its two drafts (for a test that lists every draft)."""
    return _federation(tmp_path)


def _federation(root):
    service = small_service(root, auth="on")
    service.import_orgs(TREE_CSV)
    keys = {}
    for name, role, org in [("甲厂起草", "writer", "甲机械厂工会"), ("乙厂起草", "writer", "西城区乙厂工会"),
                            ("东城审核", "reviewer", "东城区总工会"), ("西城审核", "reviewer", "西城区总工会"),
                            ("街道编辑", "editor", "东城区甲街道工会"), ("市管理员", "admin", None)]:
        keys[name] = service.create_api_key(name, role, org)[1]
    client = TestClient(create_app(service))
    drafts = {}
    for writer, org in (("甲厂起草", "甲机械厂"), ("乙厂起草", "乙厂")):
        response = client.post("/v1/drafts", json={**REQUEST, "org": org + "工会"}, headers=bearer(keys[writer]))
        assert response.status_code == 201, response.text
        drafts[writer] = response.json()["id"]
    return service, client, keys, drafts


def test_each_caller_lists_only_drafts_within_its_reach(own_federation):
    service, client, keys, drafts = own_federation

    def listed(who: str) -> set[str]:
        response = client.get("/v1/drafts", headers=bearer(keys[who]))
        assert response.status_code == 200, response.text
        return {d["id"] for d in response.json()["items"]}

    east, west = drafts["甲厂起草"], drafts["乙厂起草"]
    assert listed("甲厂起草") == {east} and listed("乙厂起草") == {west}
    assert listed("东城审核") == {east} and listed("西城审核") == {west}
    assert listed("街道编辑") == {east} and listed("市管理员") == {east, west}
    orgs = client.get("/v1/orgs", headers=bearer(keys["东城审核"])).json()
    assert [o["name"] for o in orgs] == ["东城区总工会", "东城区甲街道工会", "甲机械厂工会"]
    assert service.get_draft(east).org_id == service.get_org("甲机械厂工会").id


@pytest.mark.parametrize("method,path", [
    ("GET", "/v1/drafts/{id}"), ("GET", "/v1/drafts/{id}/versions"), ("GET", "/v1/drafts/{id}/versions/1"),
    ("GET", "/v1/drafts/{id}/diff?from=1&to=1"), ("GET", "/v1/drafts/{id}/export.docx"),
    ("GET", "/v1/drafts/{id}/reviews"), ("GET", "/v1/drafts/{id}/diff-since-return"),
    ("PUT", "/v1/drafts/{id}"), ("POST", "/v1/drafts/{id}/submit"), ("POST", "/v1/drafts/{id}/versions/1/restore"), ("PUT", "/v1/drafts/{id}/reviews/1/replies"),
    ("POST", "/v1/drafts/{id}/review"), ("GET", "/v1/drafts/{id}/trace"),
])
def test_a_draft_outside_the_callers_reach_is_not_found_on_every_route(federation, method, path):
    service, client, keys, drafts = federation
    caller = {"POST /v1/drafts/{id}/review": "西城审核", "GET /v1/drafts/{id}/trace": None}.get(f"{method} {path}",
                                                                                             "乙厂起草")
    if caller is None:  # trace is admin-only: a West admin
        caller = "西城管理员"
        if caller not in keys:
            keys[caller] = service.create_api_key(caller, "admin", "西城区总工会")[1]
    body = {"PUT": {"text": "改写的正文。", "base_version": 1}}.get(method)
    if path.endswith("/replies"):
        body = {"replies": [{"state": "revised"}]}
    if path.endswith("/review"):
        body = {"decision": "return", "comment": "请修改"}
    url = path.format(id=drafts["甲厂起草"])
    outside = client.request(method, url, json=body, headers=bearer(keys[caller]))
    unknown = client.request(method, path.format(id="0" * 16), json=body, headers=bearer(keys[caller]))
    assert_error(outside, 404)
    assert outside.status_code == unknown.status_code  # the same answer as for an id that does not exist


def test_a_district_reviewer_reviews_its_grassroots_drafts_but_never_a_siblings(federation):
    service, client, keys, drafts = federation
    draft = client.post("/v1/drafts", json={**REQUEST, "org": "甲机械厂工会"}, headers=bearer(keys["甲厂起草"])).json()
    assert client.post(f"/v1/drafts/{draft['id']}/submit", headers=bearer(keys["甲厂起草"])).status_code == 200
    review = {"decision": "return", "comment": "请补充数字来源"}
    assert_error(client.post(f"/v1/drafts/{draft['id']}/review", json=review, headers=bearer(keys["西城审核"])), 404)
    done = client.post(f"/v1/drafts/{draft['id']}/review", json=review, headers=bearer(keys["东城审核"]))
    assert done.status_code == 200 and done.json()["status"] == "returned", done.text
    # the street's editor (between district and factory) may edit the factory's draft
    edited = client.put(f"/v1/drafts/{draft['id']}", json={"text": "一、主要工作\n\n走访慰问困难职工86户。",
                                                           "base_version": 1}, headers=bearer(keys["街道编辑"]))
    assert edited.status_code == 200, edited.text


def test_service_calls_with_a_viewer_enforce_reach_too(federation):
    service, client, keys, drafts = federation
    west_user = service.create_user("乙厂王干事", "password-wang", "writer", "西城区乙厂工会")
    with pytest.raises(NotFound):
        service.get_draft(drafts["甲厂起草"], viewer=west_user)
    with pytest.raises(NotFound):
        service.export_docx(drafts["甲厂起草"], viewer="乙厂王干事")  # a user's name works as well
    assert service.get_draft(drafts["乙厂起草"], viewer=west_user).id == drafts["乙厂起草"]
    assert [o.name for o in service.list_orgs(viewer=west_user)] == ["西城区乙厂工会"]
