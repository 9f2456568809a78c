"""Replies to review comments (批注回复) over HTTP with real keys: the writer answers the latest returned review
(PUT …/reviews/{id}/replies), everyone reads them with the draft and its reviews, and the refusals (404, 403, 409,
422 with Chinese messages) store nothing."""

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


@pytest.fixture
def api(settings):
    """Auth on; keys for a writer (the owner), a second writer, an editor, a reviewer and a reader."""
    settings.auth = "on"
    svc = DrafterService(settings)
    keys = {name: svc.create_api_key(name, role)[1] for name, role in (
        ("writer", "writer"), ("writer2", "writer"), ("editor", "editor"), ("reviewer", "reviewer"),
        ("reader", "reader"))}
    with TestClient(create_app(svc)) as client:
        yield client, svc, {name: bearer(key) for name, key in keys.items()}


def _returned(client, svc, h) -> tuple[str, int]:
    """A draft by "writer", submitted and returned by "reviewer" with a comment and two passage comments."""
    result = DraftResult(text=WRONG, sections=[], check=svc.check_text(REQUEST, WRONG), provider="template",
                         elapsed_s=0)
    draft_id = svc.create_draft(REQUEST, result, "writer").id
    url = f"/v1/drafts/{draft_id}"
    assert client.post(f"{url}/submit", headers=h["writer"]).status_code == 200
    passages = [{"start": WRONG.index(q), "end": WRONG.index(q) + len(q), "quote": q, "comment": c}
                for q, c in (("68户", "应为86户"), ("技能竞赛", "写明竞赛名称"))]
    returned = client.post(f"{url}/review", json={"decision": "return", "comment": "请核对数字", "passages": passages},
                           headers=h["reviewer"])
    assert returned.status_code == 200, returned.text
    return draft_id, returned.json()["reviews"][-1]["id"]


def test_the_writer_answers_and_everyone_reads_the_replies_with_the_reviews(api):
    client, svc, h = api
    draft_id, review_id = _returned(client, svc, h)
    url = f"/v1/drafts/{draft_id}"
    assert client.put(url, json={"text": GOOD, "base_version": 1}, headers=h["writer"]).status_code == 200
    body = {"replies": [{"passage": 0, "state": "revised", "text": "已改为86户"},
                        {"passage": 1, "state": "declined", "text": "竞赛名称较长，正文从简"},
                        {"state": "revised"}]}
    put = client.put(f"{url}/reviews/{review_id}/replies", json=body, headers=h["writer"])
    assert put.status_code == 200, put.text
    replies = put.json()["replies"]
    assert [(r["passage"], r["state"], r["text"], r["author"], r["version"]) for r in replies] == [
        (None, "revised", "", "writer", 2), (0, "revised", "已改为86户", "writer", 2),
        (1, "declined", "竞赛名称较长，正文从简", "writer", 2)]
    reviews = client.get(f"{url}/reviews", headers=h["reader"]).json()
    assert [r["id"] for r in reviews] == [review_id] and reviews[0]["replies"] == replies
    assert client.get(url, headers=h["reviewer"]).json()["reviews"][0]["replies"] == replies

    assert client.post(f"{url}/submit", headers=h["writer"]).json()["status"] == "submitted"
    late = client.put(f"{url}/reviews/{review_id}/replies", json={"replies": []}, headers=h["writer"])
    assert "重新提交" in assert_error(late, 409, "conflict")["message"]
    assert client.get(f"{url}/reviews", headers=h["reader"]).json()[0]["replies"] == replies, "nothing changed"


def test_refusals_are_clear_and_store_nothing(api):
    client, svc, h = api
    draft_id, review_id = _returned(client, svc, h)
    url = f"/v1/drafts/{draft_id}/reviews/{review_id}/replies"
    ok = {"replies": [{"passage": 0, "state": "revised"}]}
    assert "writer" in assert_error(client.put(url, json=ok, headers=h["writer2"]), 403, "forbidden")["message"]
    assert_error(client.put(url, json=ok, headers=h["editor"]), 403, "forbidden")  # the owner answers, not an editor
    assert_error(client.put(url, json=ok, headers=h["reviewer"]), 403, "forbidden")  # no write permission
    assert_error(client.put(url, json=ok, headers=h["reader"]), 403, "forbidden")
    assert_error(client.put(url, json=ok), 401)
    missing = client.put(f"/v1/drafts/{draft_id}/reviews/{review_id + 50}/replies", json=ok, headers=h["writer"])
    assert "审核记录" in assert_error(missing, 404, "not_found")["message"]
    assert_error(client.put(f"/v1/drafts/nosuch/reviews/{review_id}/replies", json=ok, headers=h["writer"]), 404)
    assert_error(client.put(f"/v1/drafts/{draft_id}/reviews/0/replies", json=ok, headers=h["writer"]), 422)
    assert_error(client.put(f"/v1/drafts/{draft_id}/reviews/99999999999/replies", json=ok, headers=h["writer"]), 422)
    declined = assert_error(client.put(url, json={"replies": [{"passage": 0, "state": "declined", "text": " "}]},
                                       headers=h["writer"]), 422, "validation_error")
    assert "未采纳" in declined["message"] and "说明" in declined["message"]
    wrong_state = assert_error(client.put(url, json={"replies": [{"passage": 0, "state": "已修改"}]},
                                          headers=h["writer"]), 422)
    assert "已修改" in wrong_state["message"] and "未采纳" in wrong_state["message"]
    too_long = assert_error(client.put(url, json={"replies": [{"passage": 0, "state": "revised", "text": "长" * 2001}]},
                                       headers=h["writer"]), 422)
    assert "2000" in too_long["message"]
    surrogate = client.put(url, content=b'{"replies": [{"passage": 0, "state": "revised", "text": "\\ud800"}]}',
                           headers={**h["writer"], "Content-Type": "application/json"})
    assert "代理项" in assert_error(surrogate, 422)["message"]
    no_passage = assert_error(client.put(url, json={"replies": [{"passage": 7, "state": "revised"}]},
                                         headers=h["writer"]), 422)
    assert "批注序号 7 不存在" in no_passage["message"] and no_passage["fields"][0]["field"] == "replies.0.passage"
    assert client.get(f"/v1/drafts/{draft_id}/reviews", headers=h["reader"]).json()[0]["replies"] == []


def test_only_the_latest_returned_review_is_answered(api):
    client, svc, h = api
    draft_id, first = _returned(client, svc, h)
    url = f"/v1/drafts/{draft_id}"
    client.put(url, json={"text": GOOD, "base_version": 1}, headers=h["writer"])
    client.post(f"{url}/submit", headers=h["writer"])
    second = client.post(f"{url}/review", json={"decision": "return", "comment": "结构再调整"}, headers=h["reviewer"])
    second_id = second.json()["reviews"][-1]["id"]
    old = client.put(f"{url}/reviews/{first}/replies", json={"replies": [{"passage": 0, "state": "revised"}]},
                     headers=h["writer"])
    assert "最近一次退回" in assert_error(old, 409, "conflict")["message"]
    new = client.put(f"{url}/reviews/{second_id}/replies",
                     json={"replies": [{"state": "declined", "text": "结构按上级要求"}]}, headers=h["writer"])
    assert new.status_code == 200 and new.json()["replies"][0]["state"] == "declined"
    assert [len(r["replies"]) for r in client.get(f"{url}/reviews", headers=h["reader"]).json()] == [0, 1]
    assert_error(client.get("/v1/drafts/nosuch/reviews", headers=h["reader"]), 404)
