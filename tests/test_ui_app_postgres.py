"""The page over PostgreSQL (issues 21 and 22), through AppTest: with DRAFTER_DATABASE_URL pointing at a database
of a throwaway cluster (tests/store_support.py), a secretary generates a draft, saves an edit as a version and
submits it; a reload (a new session) brings the draft back from PostgreSQL; the reviewer approves it. The drafts,
versions, working copy and review are rows of that database, and the data dir's own SQLite file holds none of them."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, inspect, text

from drafter.settings import Settings
from store_support import _new_pg_database
from test_ui_app import data_dir, fill_form, generate, messages, new_page, type_text  # noqa: F401

pytestmark = pytest.mark.slow  # a PostgreSQL cluster, as the store's PostgreSQL tests


@pytest.fixture
def pg_page(data_dir, pg_cluster, monkeypatch):  # noqa: F811
    url = _new_pg_database(pg_cluster)
    monkeypatch.setenv("DRAFTER_DATABASE_URL", url)
    return data_dir, url


def pg_service(data_dir, url):
    from drafter.service import DrafterService

    return DrafterService(Settings(data_dir=data_dir, database_url=url, provider="template", auth="off",
                                   _env_file=None))


def test_generate_save_reload_and_approve_through_the_page_on_postgresql(pg_page):
    data_dir, url = pg_page
    at = new_page()
    fill_form(at)
    generated = generate(at)
    assert "86户" in generated and any(s.startswith("核对通过") for s in messages(at, "success"))
    type_text(at, generated + "\n全年工作得到职工好评。")
    at.button(key="save").click().run()
    assert "已保存为第 2 版" in messages(at, "success")
    draft_id = at.session_state["draft_id"]
    at.button(key="submit").click().run()
    assert "已提交第 2 版，等待审核" in messages(at, "success")

    again = new_page()  # a reload: a new session reads everything back from PostgreSQL
    assert again.text_input(key="f_org").value == "滨江区总工会"
    assert again.session_state["draft_text"] == generated + "\n全年工作得到职工好评。"
    again.selectbox(key="r_status").select("submitted").run()
    again.selectbox(key="r_pick").select(draft_id).run()
    again.button(key="approve").click().run()
    assert not again.exception, again.exception
    assert any("已通过" in s for s in messages(again, "success"))

    svc = pg_service(data_dir, url)
    draft = svc.get_draft(draft_id)
    assert draft.status == "approved" and draft.latest_version == 2
    assert [v.text for v in svc.list_versions(draft_id)] == [generated, generated + "\n全年工作得到职工好评。"]
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from drafts where id = :i"), {"i": draft_id}).scalar() == 1
    engine.dispose()
    local = create_engine(f"sqlite:///{data_dir / 'drafter.db'}")  # the data dir's own file: none of it there
    if "drafts" in inspect(local).get_table_names():
        with local.connect() as conn:
            assert conn.execute(text("select count(*) from drafts")).scalar() == 0
    local.dispose()
