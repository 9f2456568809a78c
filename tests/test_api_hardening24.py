"""Issue 24 regressions through the app (TestClient): digits of every script (D3), invisible characters (D4),
the fact length cap, one JSON parser on every route (D8), multipart errors as 422 in Chinese (D9), long checks
in a process of their own with a deadline and a queue."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_support import REQUEST, assert_error, small_service
from drafter.api import create_app

FACTS = ["春节走访慰问困难职工86户，发放慰问金12.6万元"]


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return small_service(tmp_path_factory.mktemp("hardening24"), check_deadline_s=60, check_queue_size=1)


@pytest.fixture(scope="module")
def client(service):
    with TestClient(create_app(service)) as c:
        yield c


@pytest.fixture()
def submitted(client) -> str:
    """A submitted draft whose check fails (an invented number)."""
    draft_id = client.post("/v1/drafts", json=REQUEST).json()["id"]
    text = client.get(f"/v1/drafts/{draft_id}").json()["latest"]["text"] + "\n另向99户困难职工发放慰问金。"
    assert client.put(f"/v1/drafts/{draft_id}", json={"text": text, "base_version": 1}).status_code == 200
    assert client.post(f"/v1/drafts/{draft_id}/submit").status_code == 200
    return draft_id


# --- D1: blank lines -------------------------------------------------------------------------------------
def test_a_hundred_thousand_blank_lines_are_checked_at_once(client):
    response = client.post("/v1/check", json={"facts": ["走访86户"], "draft": "标题" + "\n" * 100_000 + "正文86户"})
    assert response.status_code == 200, response.text
    assert response.json()["ok"] is True


# --- D3: digits are digits ------------------------------------------------------------------------------
@pytest.mark.parametrize("draft", ["另向𝟗𝟗户困难职工发放慰问金𝟓𝟎万元", "另向٩٩户困难职工发放慰问金٥٠万元",
                                   "另向⑨⑨户困难职工发放慰问金", "另向⁹⁹户困难职工发放慰问金", "召开第Ⅻ届职代会"])
def test_numbers_in_other_digit_scripts_are_checked(client, draft):
    result = client.post("/v1/check", json={"facts": FACTS, "draft": draft}).json()
    assert result["ok"] is False and result["faithful"] is False, result
    flagged = [h for h in result["numbers"] if h["status"] != "supported"]
    assert flagged and all(draft[h["start"]:h["end"]] == h["text"] for h in flagged)


def test_a_numeral_of_mixed_scripts_is_flagged(client):
    result = client.post("/v1/check", json={"facts": ["走访慰问困难职工86户"], "draft": "走访慰问困难职工8𝟔户。"}).json()
    assert any(c["kind"] == "artifact" and c["text"] == "8𝟔" for c in result["claims"]), result["claims"]
    assert result["faithful"] is False


def test_circled_list_markers_are_no_numbers(client):
    draft = "①走访慰问困难职工86户\n②发放慰问金12.6万元"
    result = client.post("/v1/check", json={"facts": FACTS, "draft": draft}).json()
    assert result["ok"] is True, result["numbers"]


# --- D4: invisible characters -----------------------------------------------------------------------------
@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u2060", "\u200c\u200d", "\u3164", "\u00ad"])
def test_an_invisible_override_reason_does_not_approve(client, submitted, invisible):
    response = client.post(f"/v1/drafts/{submitted}/review", json={"decision": "approve", "override_reason": invisible})
    assert_error(response, 422)
    assert client.get(f"/v1/drafts/{submitted}").json()["status"] == "submitted"


def test_an_invisible_text_is_no_version_and_visible_text_is_stored_without_them(client):
    draft_id = client.post("/v1/drafts", json=REQUEST).json()["id"]
    assert_error(client.put(f"/v1/drafts/{draft_id}", json={"text": "\u200b\u200b", "base_version": 1}), 422)
    saved = client.put(f"/v1/drafts/{draft_id}", json={"text": "工作\u200b总结\ufeff", "base_version": 1})
    assert saved.status_code == 200 and saved.json()["text"] == "工作总结"


@pytest.mark.parametrize("field", ["org", "period"])
def test_invisible_org_or_period_is_422(client, field):
    assert_error(client.post("/v1/drafts", json={**REQUEST, field: "\u200b\u2060"}), 422)


def test_facts_made_of_invisible_characters_are_422(client):
    assert_error(client.post("/v1/drafts", json={**REQUEST, "facts": ["\u200b", "\u3164"]}), 422)


# --- the fact length cap ----------------------------------------------------------------------------------
def test_a_fact_longer_than_the_cap_is_422_naming_it(client, service):
    limit = service.settings.max_fact_chars
    facts = [REQUEST["facts"][0], "走访慰问" * (limit // 4 + 1)]
    for path in ("/v1/drafts", "/v1/drafts?stream=true"):
        error = assert_error(client.post(path, json={**REQUEST, "facts": facts}), 422)
        assert f"超过 {limit} 字" in error["message"] and error["fields"][0]["field"] == "facts.1"
    error = assert_error(client.post("/v1/check", json={"facts": facts, "draft": "x"}), 422)
    assert "第2条" in error["message"]


# --- D8: one parser for JSON bodies ----------------------------------------------------------------------
def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [34, 900])
def test_nesting_limit_holds_on_every_json_route(client, submitted, depth):
    bodies = {
        ("PUT", f"/v1/drafts/{submitted}"): '{"text": "x", "base_version": 1, "more": %s}',
        ("POST", "/v1/check"): '{"facts": ["1人"], "draft": "1人", "more": %s}',
        ("POST", f"/v1/drafts/{submitted}/review"): '{"decision": "return", "comment": "改", "more": %s}',
        ("PUT", f"/v1/drafts/{submitted}/reviews/1/replies"): '{"replies": [], "more": %s}',
        ("POST", "/v1/drafts"): '{"org": "a", "period": "b", "facts": ["1人"], "more": %s}',
    }
    for (method, path), template in bodies.items():
        response = client.request(method, path, content=template % _nested(depth),
                                  headers={"Content-Type": "application/json"})
        error = assert_error(response, 422)
        assert "嵌套层数过深" in error["message"] and error["fields"][0]["field"] == "body", (path, error)


# --- D9: malformed multipart -----------------------------------------------------------------------------
BOUNDARY = "xyzzy"


def _multipart(parts: list[bytes], boundary: str = BOUNDARY) -> bytes:
    return b"".join(b"--" + boundary.encode() + b"\r\n" + p + b"\r\n" for p in parts) + b"--" + boundary.encode() + b"--\r\n"


FILE_PART = b'Content-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n' \
            + "工会工作总结".encode()


@pytest.mark.parametrize("content_type, body", [
    ("multipart/form-data; boundary=other", _multipart([FILE_PART])),  # boundary mismatch
    ("multipart/form-data", _multipart([FILE_PART])),  # no boundary
    (f"multipart/form-data; boundary={BOUNDARY}", _multipart([b"Content-Type: text/plain\r\n\r\nabc"])),  # no C-D
    (f"multipart/form-data; boundary={BOUNDARY}",
     _multipart([b"X-Long: " + b"a" * 9000 + b"\r\n" + FILE_PART])),  # a 9 KB part header
    (f"multipart/form-data; boundary={BOUNDARY}",
     _multipart([f'Content-Disposition: form-data; name="f{i}"\r\n\r\nx'.encode() for i in range(10_000)])),
    (f"multipart/form-data; boundary={BOUNDARY}",
     _multipart([b'Content-Disposition: form-data; name="files"; filename="' + b"a" * 3000 + b'.txt"\r\n\r\nabc'])),
    (f"multipart/form-data; boundary={BOUNDARY}", _multipart([FILE_PART])[:-30]),  # truncated
])
def test_malformed_multipart_is_422_with_a_chinese_reason(client, content_type, body):
    response = client.post("/v1/examples", content=body, headers={"Content-Type": content_type})
    error = assert_error(response, 422)
    assert error["message"] != "请求格式有误" and error["message"] != "请求参数有误", error


# --- long checks: a process of their own, a deadline, a queue -----------------------------------------------
def test_a_long_check_runs_in_the_check_process_and_answers_the_same(client, service):
    draft = "工会春节走访慰问困难职工86户，发放慰问金12.6万元。" * 400
    response = client.post("/v1/check", json={"facts": FACTS, "draft": draft})
    assert response.status_code == 200, response.text
    assert response.json() == service.check(FACTS, draft).model_dump(mode="json")


def test_a_check_past_its_deadline_is_stopped_with_a_clear_503(tmp_path):
    slow = small_service(tmp_path, check_deadline_s=0.05)
    with TestClient(create_app(slow)) as c:
        draft = "工会组织开展职工培训活动" * 20_000
        error = assert_error(c.post("/v1/check", json={"facts": FACTS, "draft": draft}), 503, "check_timeout")
        assert "核对超时" in error["message"]
        pool = c.app.state.check_pool
        assert pool._process is None  # killed, not left running


# --- D6: every route counts failed keys; per key prefix and per address; trusted proxies --------------------
@pytest.fixture()
def keyed(tmp_path):
    svc = small_service(tmp_path, auth="on", auth_failures_per_minute=3, auth_address_failures_per_minute=6,
                        trusted_proxies=["10.0.0.5"])
    return svc, svc.create_api_key("读者", "reader")[1], svc.create_api_key("管理", "admin")[1]


def test_the_trace_route_counts_failed_keys(keyed):
    svc, _, _ = keyed
    with TestClient(create_app(svc)) as c:
        for _ in range(3):
            assert_error(c.get("/v1/drafts/x/trace", headers={"Authorization": "Bearer dk_guessAAAAAAAA"}), 401)
        assert_error(c.get("/v1/drafts/x/trace", headers={"Authorization": "Bearer dk_guessAAAAAAAA"}), 429)
        assert_error(c.get("/v1/drafts", headers={"Authorization": "Bearer dk_guessAAAAAAAA"}), 429)


def test_one_bad_client_behind_a_nat_does_not_lock_out_the_others_until_the_address_limit(keyed):
    svc, reader, _ = keyed
    with TestClient(create_app(svc)) as c:
        for _ in range(4):
            c.get("/v1/drafts", headers={"Authorization": "Bearer dk_sameBADkey"})
        assert c.get("/v1/drafts", headers={"Authorization": f"Bearer {reader}"}).status_code == 200
        for i in range(6):
            c.get("/v1/drafts", headers={"Authorization": f"Bearer dk_other{i}xxxxxxx"})
        assert_error(c.get("/v1/drafts", headers={"Authorization": f"Bearer {reader}"}), 429)


def test_forwarded_for_is_read_only_from_a_trusted_proxy(keyed):
    svc, reader, _ = keyed
    bad = [{"Authorization": f"Bearer dk_g{i}xxxxxxxxx", "X-Forwarded-For": "192.0.2.1"} for i in range(8)]
    with TestClient(create_app(svc), client=("10.0.0.5", 1234)) as proxy:
        for headers in bad:
            proxy.get("/v1/drafts", headers=headers)
        blocked = {"Authorization": f"Bearer {reader}", "X-Forwarded-For": "192.0.2.1"}
        assert_error(proxy.get("/v1/drafts", headers=blocked), 429)  # the real client, seen through the proxy
        other = {"Authorization": f"Bearer {reader}", "X-Forwarded-For": "192.0.2.2"}
        assert proxy.get("/v1/drafts", headers=other).status_code == 200  # its other clients are not
    with TestClient(create_app(svc), client=("192.0.2.9", 1234)) as direct:
        for headers in bad:  # an untrusted peer's header is ignored: its own address is throttled
            direct.get("/v1/drafts", headers={**headers, "X-Forwarded-For": f"198.51.100.{headers['Authorization'][-12]}"})
        assert_error(direct.get("/v1/drafts", headers={"Authorization": f"Bearer {reader}"}), 429)


def test_readyz_answers_every_key_alike(keyed):
    svc, reader, admin = keyed
    with TestClient(create_app(svc)) as c:
        bodies = {c.get("/readyz", headers=h).content for h in
                  ({}, {"Authorization": "Bearer dk_wrong"}, {"Authorization": f"Bearer {reader}"},
                   {"Authorization": f"Bearer {admin}"})}
        assert len(bodies) == 1


# --- D5: separation of duties ---------------------------------------------------------------------------------
def _submitted_by(c, key: str) -> str:
    headers = {"Authorization": f"Bearer {key}"}
    draft_id = c.post("/v1/drafts", json=REQUEST, headers=headers).json()["id"]
    assert c.post(f"/v1/drafts/{draft_id}/submit", headers=headers).status_code == 200
    return draft_id


def test_a_name_of_another_identity_cannot_become_a_reviewer_key(tmp_path):
    from drafter.domain.errors import InvalidInput

    svc = small_service(tmp_path, auth="on")
    svc.create_api_key("w1", "writer")
    for name in ("w1", "W1", " w1 ", "w\u200b1"):
        with pytest.raises(InvalidInput):
            svc.create_api_key(name, "reviewer")


def test_an_admin_cannot_approve_their_own_draft_unless_allowed(tmp_path):
    for allowed in (False, True):
        svc = small_service(tmp_path / str(allowed), auth="on", allow_admin_self_approval=allowed)
        admin = svc.create_api_key("管理员甲", "admin")[1]
        with TestClient(create_app(svc)) as c:
            draft_id = _submitted_by(c, admin)
            response = c.post(f"/v1/drafts/{draft_id}/review", json={"decision": "approve", "override_reason": "已核"},
                              headers={"Authorization": f"Bearer {admin}"})
            if not allowed:
                assert_error(response, 403)
                continue
            assert response.status_code == 200 and response.json()["status"] == "approved"
            review = c.get(f"/v1/drafts/{draft_id}/reviews", headers={"Authorization": f"Bearer {admin}"}).json()[-1]
            assert "本人起草" in review["comment"]


def test_another_reviewer_approves(tmp_path):
    svc = small_service(tmp_path, auth="on")
    writer, reviewer = svc.create_api_key("写者", "writer")[1], svc.create_api_key("审者", "reviewer")[1]
    with TestClient(create_app(svc)) as c:
        draft_id = _submitted_by(c, writer)
        response = c.post(f"/v1/drafts/{draft_id}/review", json={"decision": "approve", "override_reason": "已核"},
                          headers={"Authorization": f"Bearer {reviewer}"})
        assert response.status_code == 200 and response.json()["status"] == "approved"


def test_the_shipped_corpus_cannot_be_deleted_through_the_api(client, service):
    example_id = service.library.list_examples()[0].id if hasattr(service.library, "list_examples") else None
    if example_id is None:
        example_id = service.search_examples("工会", k=1)[0].source
    assert_error(client.delete(f"/v1/examples/{example_id}"), 403)
    assert service.get_example(example_id) is not None
