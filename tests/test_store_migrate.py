"""A database made by the previous drafter (before owners, users, passages, working copies) opens and keeps
working: missing tables and columns are added at start, once, and existing drafts get their first author as owner."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import inspect

from drafter.store import DraftStore
from drafter.store.migrate import missing_columns, upgrade
from store_support import open_stores_at_once, make_check, make_request, make_result, store_url  # noqa: F401 - fixtures

OLD_DUMP = Path(__file__).parent / "data" / "store_before_users.sql"  # written by drafter at commit 9eda321
NEW_COLUMNS = {"drafts": ["owner"], "versions": ["restored_from"], "reviews": ["override_reason", "passages", "voided"]}


def _old_sqlite(tmp_path) -> str:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(OLD_DUMP.read_text(encoding="utf-8"))
    return f"sqlite:///{path}"


def test_the_previous_versions_sqlite_database_opens_and_keeps_its_drafts(tmp_path):
    url = _old_sqlite(tmp_path)
    store = DraftStore(url)
    try:
        assert missing_columns(store.engine) == [] and upgrade(store.engine) == []  # idempotent
        drafts = {d.owner: d for d in store.list_drafts().items}
        assert set(drafts) == {"张书记", "李干事"}  # owner = author of version 1
        approved = store.get_draft(drafts["张书记"].id)
        assert approved.status == "approved" and approved.latest_version == 2
        assert [(r.decision, r.voided, r.override_reason, r.passages) for r in approved.reviews] == [
            ("approve", False, None, [])]
        assert [v.restored_from for v in store.list_versions(approved.id)] == [None, None]
        assert store.get_draft(drafts["李干事"].id).status == "returned"
        assert [k.name for k in store.list_api_keys()] == ["OA系统"]
        # the new workflow runs on the old rows
        store.add_version(approved.id, "通过后又修改", 2, "张书记", make_check(), may_edit_others=False)
        assert store.get_draft(approved.id).reviews[0].voided is True
        assert store.create_user("王主席", "password-wang", "reviewer").role == "reviewer"
    finally:
        store.close()


def test_an_old_database_gets_the_root_organisation_for_every_user_key_and_draft(tmp_path):
    url = _old_sqlite(tmp_path)
    with sqlite3.connect(tmp_path / "old.db") as conn:
        assert "orgs" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    store = DraftStore(url)
    try:
        assert [o.id for o in store.list_orgs()] == ["root"]
        assert {d.org_id for d in store.list_drafts().items} == {"root"}
        assert {k.org_id for k in store.list_api_keys()} == {"root"}
        with store.engine.begin() as conn:
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM drafts WHERE org_id IS NULL").scalar() == 0
        district = store.create_org("东城区总工会")
        assert store.create_api_key("东城", "reviewer", "东城区总工会")[0].org_id == district.id
        drafts = store.list_drafts(within=district.path)
        assert drafts.total == 0  # the old drafts belong to the root, outside a district's reach
    finally:
        store.close()
    reopened = DraftStore(url)  # a second start changes nothing
    try:
        assert [o.name for o in reopened.list_orgs()] == ["总工会", "东城区总工会"]
    finally:
        reopened.close()


def test_several_workers_opening_an_old_database_at_once_all_succeed(tmp_path):
    url = _old_sqlite(tmp_path)
    opened, errors = open_stores_at_once(url)
    try:
        assert errors == [] and len(opened) == 4
        assert all(d.owner for d in opened[0].list_drafts().items)
    finally:
        for s in opened:
            s.close()


def test_missing_columns_are_added_back_on_sqlite_and_postgresql(store_url):
    store = DraftStore(store_url)
    draft = store.create_draft(make_request(), make_result(), "张书记")
    with store.engine.begin() as conn:
        for table, columns in NEW_COLUMNS.items():
            for column in columns:
                conn.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
        conn.exec_driver_sql("DROP TABLE users")
        conn.exec_driver_sql("DROP TABLE working_copies")
    store.close()
    store = DraftStore(store_url)
    try:
        inspector = inspect(store.engine)
        for table, columns in NEW_COLUMNS.items():
            assert set(columns) <= {c["name"] for c in inspector.get_columns(table)}
        assert {"users", "working_copies"} <= set(inspector.get_table_names())
        assert store.get_draft(draft.id).owner == "张书记"
        store.submit(draft.id, "张书记", may_edit_others=False)
        reviewed = store.add_review(draft.id, "approve", "同意", "王主席")
        assert reviewed.status == "approved" and reviewed.reviews[0].voided is False
    finally:
        store.close()


def test_the_dump_is_the_old_schema():
    """Guard: the fixture really lacks the new columns (else the tests above would prove nothing)."""
    dump = OLD_DUMP.read_text(encoding="utf-8")
    assert dump.count("CREATE TABLE") == 4 and "owner" not in dump and "override_reason" not in dump
    assert "CREATE TABLE users" not in dump and "working_copies" not in dump
