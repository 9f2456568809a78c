"""End to end in headless Chromium: text a user typed is never rendered as Markdown or HTML. Markdown images and
links, raw HTML, `javascript:` and bare addresses go through every field a person types into (organisation,
period, topic, facts, problems, plans, the draft text, the reviewer's comment and passage comment, the writer's
reply, the override reason) and through an uploaded example's title and text; the writer's and the reviewer's
pages are then shown, and the browser must make no request leaving 127.0.0.1 and show no link to anywhere."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from test_ui_e2e import CHROMIUM, REVIEWER, WRITER, browser, open_page, page_site, settle, sign_in  # noqa: F401

pytestmark = pytest.mark.e2e

HOSTILE = ('![图](http://evil.example/md.png) [详情](http://evil.example/link) <img src="http://evil.example/h.png">'
           ' <a href="javascript:alert(1)">点我</a> javascript:alert(2) http://evil.example/bare www.evil.example'
           ' <b>粗</b> :red[红] **星** # 标题')


@pytest.fixture(scope="module")
def site(library, library_settings, tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    with page_site(library_settings, tmp_path_factory.mktemp("e2e_safe") / "data", "streamlit_safe.log") as site:
        yield site


def hostile_draft(svc) -> str:
    """A draft whose every typed field carries the hostile text, returned with a passage comment and a reply."""
    from drafter.domain.records import ReplyInput
    from drafter.models import DraftRequest, DraftResult
    from drafter.view.signin import PageUser

    writer, reviewer = PageUser(name=WRITER[0], role="writer"), PageUser(name=REVIEWER[0], role="reviewer")
    request = DraftRequest(org="滨江区总工会" + HOSTILE[:60], period="2025年", topic="送温暖",
                           facts=["春节走访慰问困难职工86户" + HOSTILE, "举办职工技能竞赛3场"],
                           problems=[HOSTILE], plans=[HOSTILE])
    text = f"一、帮扶\n春节期间走访慰问困难职工86户。{HOSTILE}\n二、竞赛\n举办职工技能竞赛3场。"
    result = DraftResult(text=text, sections=[], check=svc.check_text(request, text), provider="template",
                         elapsed_s=0.1)
    draft_id = svc.create_draft(request, result, writer).id
    svc.submit(draft_id, writer)
    start = text.index("![")
    review = svc.review(draft_id, "return", "总体意见" + HOSTILE, reviewer,
                        passages=[{"start": start, "end": start + 20, "quote": text[start:start + 20],
                                   "comment": "批注" + HOSTILE}])
    review_id = review.reviews[-1].id
    svc.reply_to_review(draft_id, review_id, [ReplyInput(state="declined", text="回复" + HOSTILE),
                                              ReplyInput(passage=0, state="revised", text="改了" + HOSTILE)], writer)
    return draft_id


def watch(page, outside: list[str]) -> None:
    """Every request that would leave 127.0.0.1 is recorded and stopped."""
    page.set_default_timeout(60_000)
    def route(r):
        host = urlparse(r.request.url).hostname or ""
        if r.request.url.startswith(("http:", "https:", "ws:", "wss:")) and host not in ("127.0.0.1", "localhost"):
            outside.append(r.request.url)
            return r.abort()
        return r.continue_()

    page.context.route("**/*", route)
    page.on("request", lambda req: outside.append(req.url) if "evil" in req.url else None)


def assert_inert(page, outside: list[str]) -> None:
    page.wait_for_timeout(1500)
    hrefs = page.evaluate("""() => [...document.querySelectorAll('a[href]')].map(a => a.href)""")
    bad = [h for h in hrefs if h.startswith("javascript:") or (urlparse(h).hostname or "127.0.0.1") != "127.0.0.1"]
    assert not bad, f"links shown: {bad}"
    images = page.evaluate("""() => [...document.querySelectorAll('img')].map(i => i.src)""")
    assert not [s for s in images if "evil" in s], images
    assert page.locator("b", has_text="粗").count() == 0, "HTML from a user became markup"
    assert not outside, f"requests left the page: {outside}"
    assert page.get_by_text(re.compile(r"evil\.example/md\.png")).count() >= 1, "the text itself is shown"


def test_typed_markup_stays_text_in_chromium(site, browser):
    from playwright.sync_api import expect

    url, svc = site
    svc.add_examples([("hostile.md", ("---\ntitle: 送温暖工作总结" + HOSTILE + "\nkind: 专项总结\ntopic: 送温暖\n---\n\n"
                                      "春节期间走访慰问困难职工，送温暖。" + HOSTILE + "\n").encode())])
    hostile_draft(svc)
    outside: list[str] = []
    page = open_page(browser, url)
    watch(page, outside)
    page.reload()
    sign_in(page, *WRITER)
    page.get_by_text("打开已保存的稿件（继续修改、查看审核意见）").click()
    settle(page)
    page.get_by_role("button", name="打开", exact=True).click()
    expect(page.get_by_text(re.compile("已打开稿件"))).to_be_visible()
    settle(page)
    expect(page.locator(".dr-note-body", has_text="批注")).to_be_visible()
    # the split preview of pasted facts, the examples and the example dialog
    facts = page.get_by_label("事实（每行一条，可直接从 Word 或微信粘贴）")
    facts.fill("走访慰问困难职工86户；" + HOSTILE + "。举办竞赛3场")
    facts.press("Control+Enter")
    settle(page)
    expect(page.get_by_text(re.compile("拆分后共"))).to_be_visible()
    page.get_by_role("button", name="查看参考范文").click()
    settle(page)
    assert_inert(page, outside)
    opened = page.get_by_role("button", name="查看全文")
    for i in range(opened.count()):
        opened.nth(i).click()
        settle(page)
        page.keyboard.press("Escape")
        settle(page)
    assert_inert(page, outside)

    review = open_page(browser, url)
    watch(review, outside)
    review.reload()
    sign_in(review, *REVIEWER)
    review.get_by_label("按状态筛选").click()
    review.get_by_role("option", name="已退回").click()
    settle(review)
    expect(review.get_by_text("事实 ↔ 初稿对照")).to_be_visible()
    expect(review.get_by_text(re.compile("上次退回的意见与起草人的回复"))).to_be_visible()
    assert_inert(review, outside)
