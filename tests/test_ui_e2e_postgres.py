"""The page over PostgreSQL in a real headless Chromium (issues 21 and 22): `streamlit run app.py` with
DRAFTER_DATABASE_URL pointing at a database of a throwaway cluster. A secretary signs in, drafts, mistypes a number
(flagged as she types), reloads (the unsaved edit comes back from PostgreSQL), puts it right and submits; a reviewer
in a second browser returns it with a comment, the secretary answers and resubmits, and the reviewer approves.
Sign-in, drafts, versions, the working copy and the review are rows of that database; the data dir's SQLite file
holds none of them."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from store_support import _new_pg_database
from test_ui_e2e import (CHROMIUM, PASTED, REVIEWER, WRITER, browser, editor, enter_request,  # noqa: F401
                         mark, open_page, page_site, retype_number, settle, sign_in)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]  # Chromium and a PostgreSQL cluster


@pytest.fixture
def pg_site(library, library_settings, tmp_path, request, pg_cluster):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    url = _new_pg_database(pg_cluster)
    env = {"DRAFTER_DATABASE_URL": url}
    with page_site(library_settings, tmp_path / "data", f"streamlit_{request.node.name}.log", env) as (page, svc):
        yield page, svc, url, tmp_path / "data"


def test_a_review_round_in_chromium_on_postgresql(pg_site, browser):
    from playwright.sync_api import expect

    url, svc, database_url, data_dir = pg_site
    page = open_page(browser, url)
    sign_in(page, *WRITER)
    enter_request(page, PASTED.replace("；", "\n"))
    page.get_by_role("button", name="生成初稿").click()
    expect(editor(page)).to_be_visible()
    settle(page)
    assert "86户" in editor(page).input_value()
    retype_number(page, "86户", "68")
    expect(mark(page, "mismatch", "68户")).to_be_visible()
    page.wait_for_timeout(2000)  # autosave: within 2 s of the last keystroke

    page.reload()  # the signed session and the unsaved edit come back from PostgreSQL
    expect(editor(page)).to_be_visible()
    settle(page)
    assert "68户" in editor(page).input_value()
    retype_number(page, "68户", "86")
    expect(mark(page, "supported", "86户")).to_be_visible()
    page.wait_for_timeout(800)
    page.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text(re.compile(r"已提交第 \d+ 版，等待审核"))).to_be_visible()

    review = open_page(browser, url)
    sign_in(review, *REVIEWER)
    expect(review.get_by_text("事实 ↔ 初稿对照")).to_be_visible()
    review.get_by_label("审核意见（退回时填写意见或批注）").fill("请补充职工书屋的建设情况")
    review.get_by_role("button", name="退回").click()
    expect(review.get_by_text(re.compile("已退回，意见已记录"))).to_be_visible()

    page.reload()
    expect(page.get_by_text(re.compile("稿件状态：已退回"))).to_be_visible()
    expect(page.get_by_text(re.compile("审核意见（.+）：请补充职工书屋"))).to_be_visible()
    page.get_by_role("button", name="提交审核").click()
    expect(page.get_by_text(re.compile("还有 1 条意见未回复"))).to_be_visible()
    page.get_by_role("button", name="仍然提交（部分意见未回复）").click()
    expect(page.get_by_text(re.compile(r"已提交第 \d+ 版，等待审核"))).to_be_visible()

    review.reload()
    settle(review)
    review.get_by_role("button", name="通过").click()
    expect(review.get_by_text(re.compile("已通过"))).to_be_visible()

    drafts = svc.list_drafts().items
    assert len(drafts) == 1 and drafts[0].status == "approved" and drafts[0].owner == WRITER[0]
    engine = create_engine(database_url)
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from drafts where status = 'approved'")).scalar() == 1
        assert conn.execute(text("select count(*) from users")).scalar() == 2
    engine.dispose()
    for db in data_dir.glob("*.db"):  # the data dir's SQLite files hold no drafts
        with sqlite3.connect(db) as conn:
            tables = {row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")}
            if "drafts" in tables:
                assert conn.execute("select count(*) from drafts").fetchone()[0] == 0, db
