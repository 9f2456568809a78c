"""The drafts store on SQLite and on a real throwaway PostgreSQL cluster (slow): the same core behaviour."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from drafter.domain.errors import InvalidInput, NotFound, StaleVersion
from drafter.store import DraftStore
from store_support import open_stores_at_once, make_check, make_request, make_result, store, store_url  # noqa: F401 - fixtures


# --- drafts ----------------------------------------------------------------------------
def test_create_and_get_keeps_request_result_and_version_one(store):
    request, result = make_request(), make_result(ok=False)
    created = store.create_draft(request, result, author="张三")
    got = store.get_draft(created.id)
    assert got.title == "华东精密机械有限公司工会2025年度工作总结"
    assert got.status == "draft" and got.latest_version == 1 and got.check_ok is False
    assert got.request == request and got.result == result
    assert got.latest.number == 1 and got.latest.text == result.text and got.latest.author == "张三"
    assert got.latest.check == result.check and got.reviews == []
    assert got.created_at.tzinfo is not None


def test_list_filters_paginates_newest_first(store):
    ids = [store.create_draft(make_request(org=org, period=period, kind=kind), make_result(), "a").id
           for org, period, kind in [("甲工会", "2025年", "年度总结"), ("乙工会", "2025年", "年度总结"),
                                     ("甲工会", "2025年上半年", "半年总结"), ("甲工会", "2025年", "年度总结")]]
    everything = store.list_drafts()
    assert [d.id for d in everything.items] == ids[::-1] and everything.total == 4
    assert {d.id for d in store.list_drafts(org="甲工会").items} == {ids[0], ids[2], ids[3]}
    assert [d.id for d in store.list_drafts(org="甲工会", period="2025年", kind="年度总结").items] == [ids[3], ids[0]]
    page = store.list_drafts(offset=1, limit=2)
    assert [d.id for d in page.items] == [ids[2], ids[1]] and (page.total, page.offset, page.limit) == (4, 1, 2)
    store.submit(ids[1], "a")
    assert [d.id for d in store.list_drafts(status="submitted").items] == [ids[1]]
    store.add_review(ids[1], "approve", "", "审核人")
    assert [d.id for d in store.list_drafts(status="approved").items] == [ids[1]]
    assert store.list_drafts(status="draft").total == 3
    with pytest.raises(InvalidInput):
        store.list_drafts(status="deleted")
    with pytest.raises(InvalidInput):
        store.list_drafts(offset=-1)


def test_unknown_draft_and_version_are_not_found(store):
    draft = store.create_draft(make_request(), make_result(), "a")
    for call in (lambda: store.get_draft("nope"), lambda: store.list_versions("nope"),
                 lambda: store.get_version(draft.id, 2), lambda: store.add_review("nope", "approve", "", "r"),
                 lambda: store.submit("nope", "a"), lambda: store.last_return_version("nope"),
                 lambda: store.add_version("nope", "正文", 1, "a", make_check())):
        with pytest.raises(NotFound):
            call()


def test_versions_are_never_overwritten(store):
    draft = store.create_draft(make_request(), make_result(text="第一稿"), "a")
    second = store.add_version(draft.id, "第二稿", base_version=1, author="b", check=make_check(False))
    third = store.add_version(draft.id, "第三稿", base_version=2, author="c", check=make_check(True))
    assert (second.number, third.number) == (2, 3)
    versions = store.list_versions(draft.id)
    assert [(v.number, v.text, v.author) for v in versions] == [(1, "第一稿", "a"), (2, "第二稿", "b"), (3, "第三稿", "c")]
    assert versions[1].check.ok is False and store.get_version(draft.id, 1).text == "第一稿"
    got = store.get_draft(draft.id)
    assert got.latest_version == 3 and got.latest.text == "第三稿" and got.check_ok is True


def test_stale_edit_is_refused_and_adds_nothing(store):
    draft = store.create_draft(make_request(), make_result(), "a")
    store.add_version(draft.id, "甲的修改", base_version=1, author="甲", check=make_check())
    with pytest.raises(StaleVersion):
        store.add_version(draft.id, "乙基于旧版的修改", base_version=1, author="乙", check=make_check())
    with pytest.raises(StaleVersion):
        store.prepare_edit(draft.id, "乙基于旧版的修改", 1)
    assert [v.text for v in store.list_versions(draft.id)] == [draft.latest.text, "甲的修改"]


def test_empty_text_is_refused(store):
    draft = store.create_draft(make_request(), make_result(), "a")
    with pytest.raises(InvalidInput):
        store.add_version(draft.id, "  \n ", base_version=1, author="a", check=make_check())
    assert store.get_draft(draft.id).latest_version == 1


def test_failure_inside_a_write_leaves_no_half_written_version(store, monkeypatch):
    draft = store.create_draft(make_request(), make_result(), "a")

    def explode(_row):
        raise RuntimeError("crash after the insert, before commit")

    monkeypatch.setattr("drafter.store.drafts.convert.version_info", explode)
    with pytest.raises(RuntimeError):
        store.add_version(draft.id, "不会保存的修改", base_version=1, author="a", check=make_check())
    monkeypatch.undo()
    got = store.get_draft(draft.id)
    assert got.latest_version == 1 and [v.number for v in store.list_versions(draft.id)] == [1]
    assert store.add_version(draft.id, "下一次保存", base_version=1, author="a", check=make_check()).number == 2


def test_review_status_transitions(store):
    draft = store.create_draft(make_request(), make_result(), "a")
    with pytest.raises(InvalidInput, match="尚未提交"):
        store.add_review(draft.id, "return", "未提交就审核", "审核人")
    assert store.submit(draft.id, "a").status == "submitted"
    returned = store.add_review(draft.id, "return", "第三段数字有误", "审核人")
    assert returned.status == "returned"
    assert [(r.decision, r.comment, r.reviewer, r.version) for r in returned.reviews] == [
        ("return", "第三段数字有误", "审核人", 1)]
    with pytest.raises(InvalidInput, match="已退回"):
        store.add_review(draft.id, "approve", "", "审核人")
    store.add_version(draft.id, "改正后的正文", base_version=1, author="a", check=make_check())
    assert store.get_draft(draft.id).status == "draft"
    store.submit(draft.id, "a")
    approved = store.add_review(draft.id, "approve", "同意", "审核人")
    assert approved.status == "approved" and [r.version for r in approved.reviews] == [1, 2]
    with pytest.raises(InvalidInput):
        store.add_review(draft.id, "return", "再退回", "审核人")
    with pytest.raises(InvalidInput):
        store.add_review(draft.id, "maybe", "", "审核人")
    store.add_version(draft.id, "通过后又修改", base_version=2, author="a", check=make_check())
    assert store.get_draft(draft.id).status == "draft"


# --- keys --------------------------------------------------------------------------------
def _stored_bytes(store, store_url: str) -> bytes:
    """Everything the database holds, as bytes: the SQLite files, or a dump of every PostgreSQL row."""
    if store_url.startswith("sqlite"):
        path = Path(store_url.removeprefix("sqlite:///"))
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    with store.engine.connect() as conn:
        rows = [conn.exec_driver_sql(f"SELECT * FROM {t}").all() for t in ("drafts", "versions", "reviews", "api_keys", "users")]
    return repr(rows).encode()


def test_api_keys_are_hashed_authenticated_and_revoked(store, store_url):
    info, key = store.create_api_key("OA系统", "reviewer")
    other, other_key = store.create_api_key("读者", "reader")
    assert key.startswith("dk_") and len(key) > 40 and key != other_key
    assert store.authenticate(key) == info and info.role == "reviewer" and not info.revoked
    assert store.authenticate(key + "x") is None and store.authenticate("") is None
    assert key.encode() not in _stored_bytes(store, store_url)
    assert key[3:].encode() not in _stored_bytes(store, store_url)
    assert store.revoke_api_key(info.id) is True
    assert store.authenticate(key) is None and store.authenticate(other_key) == other
    assert store.revoke_api_key("no-such-key") is False
    assert [(k.name, k.revoked) for k in store.list_api_keys()] == [("OA系统", True), ("读者", False)]
    with pytest.raises(InvalidInput):
        store.create_api_key("x", "superuser")


# --- restart and concurrency ---------------------------------------------------------------
def test_everything_survives_a_restart(store_url):
    first = DraftStore(store_url)
    draft = first.create_draft(make_request(), make_result(), "a")
    first.add_version(draft.id, "第二稿", 1, "b", make_check())
    first.submit(draft.id, "a")
    first.add_review(draft.id, "return", "请补充", "r")
    info, key = first.create_api_key("OA", "writer")
    first.close()
    again = DraftStore(store_url)
    try:
        got = again.get_draft(draft.id)
        assert got.status == "returned" and got.latest.text == "第二稿" and got.reviews[0].comment == "请补充"
        assert [v.number for v in again.list_versions(draft.id)] == [1, 2]
        assert again.authenticate(key) == info
    finally:
        again.close()


def test_concurrent_edits_lose_nothing_and_number_without_gaps(store):
    draft = store.create_draft(make_request(), make_result(), "a")
    writers, edits_each = 6, 4
    start = threading.Barrier(writers)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            start.wait()
            for i in range(edits_each):
                while True:  # a real editor reloads the latest version after a refusal and saves again
                    base = store.get_draft(draft.id).latest_version
                    try:
                        store.add_version(draft.id, f"作者{n}第{i}次修改", base, f"作者{n}", make_check())
                        break
                    except StaleVersion:
                        continue
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    versions = store.list_versions(draft.id)
    assert [v.number for v in versions] == list(range(1, writers * edits_each + 2))
    assert sorted(v.text for v in versions[1:]) == sorted(f"作者{n}第{i}次修改" for n in range(writers)
                                                          for i in range(edits_each))
    with pytest.raises(StaleVersion):
        store.add_version(draft.id, "过时的修改", 1, "x", make_check())


def test_concurrent_edits_of_the_same_base_let_exactly_one_win(store):
    draft = store.create_draft(make_request(), make_result(), "a")
    contenders = 8
    start = threading.Barrier(contenders)
    outcomes: list[str] = []

    def edit(n: int) -> None:
        start.wait()
        try:
            store.add_version(draft.id, f"修改{n}", 1, f"作者{n}", make_check())
            outcomes.append("saved")
        except StaleVersion:
            outcomes.append("stale")

    threads = [threading.Thread(target=edit, args=(n,)) for n in range(contenders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["saved"] + ["stale"] * (contenders - 1)
    assert [v.number for v in store.list_versions(draft.id)] == [1, 2]


def test_several_instances_starting_at_once_share_one_database(store_url):
    """API workers start together: each creates the tables if missing, none fails, all see the same drafts."""
    instances, errors = open_stores_at_once(store_url)
    try:
        assert errors == [] and len(instances) == 4
        draft = instances[0].create_draft(make_request(), make_result(), "a")
        assert all(s.get_draft(draft.id).id == draft.id for s in instances)
    finally:
        for s in instances:
            s.close()
