"""End to end in headless Chromium at phone width (390×844, touch): the steps whose screenshots existed at desktop
size only (issue 21) — sign-in, the split of a pasted paragraph, the account lock, the reviewer's sentence-by-
sentence facts, an approval voided by an edit, and generation progress with 停止. Each step is checked as a phone
user sees it: the message or control is there and the page has no sideways scroll. Each test starts its own page
server and data dir.

Screenshots (DRAFTER_DOCS_SCREENSHOTS=1): docs/ui_phone_signin.png, ui_phone_split.png, ui_phone_signin_locked.png,
ui_phone_sentences.png, ui_phone_voided.png, ui_phone_progress.png."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from strong_server import ScriptedServer
from test_ui_e2e import (CHROMIUM, FACTS, PASTED, PHONE, REVIEWER, WRITER, browser, choose, make_draft,  # noqa: F401
                         open_page, open_saved, page_site, retype_number, settle, shot, sign_in)

pytestmark = pytest.mark.e2e
LIMIT = 3
FACTS_LABEL = "事实（每行一条，可直接从 Word 或微信粘贴）"


@pytest.fixture
def phone_site(library, library_settings, tmp_path, request):
    """The test's own page server (sign-in locks after LIMIT wrong passwords) and a service on its store."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    env = {"DRAFTER_SIGNIN_LOCK_AFTER": str(LIMIT), "DRAFTER_SIGNIN_DELAY_S": "0", "DRAFTER_SIGNIN_LOCK_MINUTES": "5"}
    with page_site(library_settings, tmp_path / "data", f"streamlit_{request.node.name}.log", env) as site:
        yield site


def fits(page) -> None:
    """No sideways scroll at phone width."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"the page is {width} px wide on a {PHONE['width']} px phone"


def test_phone_sign_in_split_and_lock(phone_site, browser):
    from playwright.sync_api import expect

    url, svc = phone_site
    page = open_page(browser, url, PHONE)
    expect(page.get_by_role("button", name="登录", exact=True)).to_be_visible()
    fits(page)
    shot(page, "ui_phone_signin")
    sign_in(page, *WRITER)
    facts = page.get_by_label(FACTS_LABEL)
    facts.fill(PASTED)
    facts.press("Control+Enter")
    settle(page)
    split = page.get_by_role("button", name="拆分为 3 条事实")
    expect(page.get_by_text("拆分后共 3 条")).to_be_visible()
    split.scroll_into_view_if_needed()
    fits(page)
    shot(page, "ui_phone_split")

    svc.create_user("李会计", "account-pass-1", "writer")
    locked = open_page(browser, url, PHONE)
    for n in range(LIMIT):
        locked.get_by_label("用户名").fill("李会计")
        locked.get_by_label("密码").fill(f"wrong-{n}")
        locked.get_by_role("button", name="登录", exact=True).click()
        settle(locked)
    expect(locked.get_by_text(re.compile("账号已暂时锁定，请 5 分钟后再试"))).to_be_visible()
    fits(locked)
    shot(locked, "ui_phone_signin_locked")


def test_phone_sentences_and_voided_approval(phone_site, browser):
    from playwright.sync_api import expect

    url, svc = phone_site
    make_draft(svc, "丙区总工会", households="68户", submit=True)
    review = open_page(browser, url, PHONE)
    sign_in(review, *REVIEWER)
    choose(review, "r_pick", "丙区总工会")
    sentences = review.locator('[data-testid="stTable"]').filter(has_text="依据的事实")
    expect(sentences.get_by_text(re.compile("^事实第1条：春节走访慰问困难职工86户"))).to_be_visible()
    # the page scrolls inside Streamlit's main container, not the window: a scroll margin keeps the header in view
    sentences.evaluate("t => { t.style.scrollMarginTop = '70px'; t.scrollIntoView({block: 'start'}); }")
    review.wait_for_timeout(400)
    fits(review)
    shot(review, "ui_phone_sentences")

    from drafter.view.signin import PageUser

    approved = make_draft(svc, "丁区总工会", submit=True, facts=FACTS[:2])  # body() writes the first two
    svc.review(approved, "approve", "同意", PageUser(name=REVIEWER[0], role="reviewer"))
    writer = open_page(browser, url, PHONE)
    sign_in(writer, *WRITER)
    open_saved(writer, "丁区总工会")
    expect(writer.get_by_text(re.compile("稿件状态：已通过"))).to_be_visible()
    retype_number(writer, "420人次", "421")
    writer.wait_for_timeout(800)
    writer.get_by_role("button", name="保存版本").click()
    expect(writer.get_by_text(re.compile("已保存为第 2 版。原来的审核通过已失效"))).to_be_visible()
    status = writer.get_by_text(re.compile("稿件状态：草稿.*之前的审核通过已失效"))
    expect(status).to_be_visible()
    status.evaluate("e => e.scrollIntoView({block: 'start'})")
    writer.wait_for_timeout(500)
    fits(writer)
    shot(writer, "ui_phone_voided")


def test_phone_progress_and_stop(library, library_settings, tmp_path, browser):
    from playwright.sync_api import expect

    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    with ScriptedServer(faults=["sleep"] * 400, sleep_s=2.0) as server, page_site(
            library_settings, tmp_path / "data", "streamlit_phone_progress.log",
            {"DRAFTER_PROVIDER": "openai", "DRAFTER_OPENAI_BASE_URL": server.base_url, "DRAFTER_TRACE": "off",
             "DRAFTER_WRITE_CONCURRENCY": "1"}) as (url, _):
        page = open_page(browser, url, PHONE)
        sign_in(page, *WRITER)
        page.get_by_label("单位", exact=True).fill("滨江区总工会")
        page.get_by_label("期间", exact=True).fill("2025年")
        facts = page.get_by_label(FACTS_LABEL)
        facts.fill("春节走访慰问困难职工86户\n举办职工技能竞赛3场\n新建职工书屋5个\n开展心理健康讲座8场")
        facts.press("Control+Enter")
        settle(page)
        page.get_by_role("button", name="生成初稿").click()
        stop = page.get_by_role("button", name="停止生成（保留已写出的内容）")
        expect(stop).to_be_visible(timeout=30_000)
        expect(page.get_by_text(re.compile(r"正在撰写第 \d+/\d+ 部分"))).to_be_visible(timeout=60_000)
        stop.scroll_into_view_if_needed()
        fits(page)
        shot(page, "ui_phone_progress")
        stop.click()
        expect(page.get_by_text(re.compile("已停止，保留了已写出的内容"))).to_be_visible(timeout=60_000)
        fits(page)
