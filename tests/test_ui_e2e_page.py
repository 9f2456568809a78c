"""End to end in headless Chromium (as tests/test_ui_e2e.py): text typed into the facts box survives a reload
without leaving the box; opening draft A then draft B brings back each one's own unsaved edit; a reviewer
selects text and comments on it (mouse on a desktop, selection then a tap on a phone), the comment shows on its
span for the reviewer and the writer, and as 原文已修改 once the writer edits that text away; the reviewer sees
each sentence with the fact lines it draws on.

Screenshots go to test-artifacts/ (with DRAFTER_DOCS_SCREENSHOTS=1 also docs/ui_comment.png,
docs/ui_phone_comment.png and docs/ui_sentences.png).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_ui_e2e import (CHROMIUM, PHONE, REVIEWER, WRITER, body, browser, center, choose,  # noqa: F401
                         make_draft, open_page, open_saved, page_site, settle, shot, sign_in)

pytestmark = pytest.mark.e2e

FACTS_LABEL = "事实（每行一条，可直接从 Word 或微信粘贴）"


@pytest.fixture
def site(library, library_settings, tmp_path, request):
    """Each test's own `streamlit run app.py` over a copy of the ingested library, two users, and a service on the
    same store for making drafts: (url, service)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    with page_site(library_settings, tmp_path / "data", f"streamlit_{request.node.name}.log") as site:
        yield site


def editor(page, area: str = "editor"):
    return page.locator(f".st-key-{area} textarea.dr-text")


def type_at_end(page, words: str) -> None:
    ta = editor(page)
    ta.evaluate("ta => { ta.focus(); ta.setSelectionRange(ta.value.length, ta.value.length); }")
    page.keyboard.type(words, delay=40)


def test_typed_facts_survive_a_reload_without_leaving_the_box(site, browser):
    from playwright.sync_api import expect

    url, _ = site
    page = open_page(browser, url)
    sign_in(page, *WRITER)
    facts = page.get_by_label(FACTS_LABEL)
    facts.click()
    page.keyboard.type("春节走访慰问困难职工86户\n举办职工技能竞赛3场", delay=40)
    page.wait_for_timeout(1500)  # well within the 2 s promise; the box never lost focus
    assert facts.evaluate("ta => document.activeElement === ta")
    assert facts.input_value() == "春节走访慰问困难职工86户\n举办职工技能竞赛3场"
    page.reload()
    expect(page.get_by_label(FACTS_LABEL)).to_have_value("春节走访慰问困难职工86户\n举办职工技能竞赛3场")
    expect(page.get_by_text(re.compile("已恢复您上次"))).to_be_visible()
    page.get_by_text("打开已保存的稿件（继续修改、查看审核意见）").click()
    page.get_by_role("button", name="新建一份总结（清空表单和编辑框）").click()  # starting over empties the box
    expect(page.get_by_label(FACTS_LABEL)).to_have_value("")
    settle(page)
    page.reload()
    settle(page)
    expect(page.get_by_label(FACTS_LABEL)).to_have_value("")
    page.context.close()


def test_opening_draft_a_then_b_restores_each_ones_own_edit(site, browser):
    from playwright.sync_api import expect

    url, svc = site
    make_draft(svc, "甲区总工会")
    make_draft(svc, "乙区总工会")
    page = open_page(browser, url)
    sign_in(page, *WRITER)
    open_saved(page, "甲区总工会")
    type_at_end(page, "甲的修改。")
    page.wait_for_timeout(1500)
    open_saved(page, "乙区总工会")
    expect(editor(page)).to_have_value(body("乙区总工会"))  # B opens with its own text, not A's edit
    type_at_end(page, "乙的修改。")
    page.wait_for_timeout(1500)
    open_saved(page, "甲区总工会")
    expect(editor(page)).to_have_value(body("甲区总工会") + "甲的修改。")
    open_saved(page, "乙区总工会")
    expect(editor(page)).to_have_value(body("乙区总工会") + "乙的修改。")
    page.reload()  # the draft open last comes back with its edit
    settle(page)
    expect(editor(page)).to_have_value(body("乙区总工会") + "乙的修改。")
    page.context.close()


def pick_for_review(page, org: str) -> None:
    choose(page, "r_pick", org)


def test_reviewer_selects_text_comments_and_sees_each_sentences_facts(site, browser):
    from playwright.sync_api import expect

    url, svc = site
    make_draft(svc, "丙区总工会", households="68户", submit=True)
    page = open_page(browser, url)
    sign_in(page, *REVIEWER)
    pick_for_review(page, "丙区总工会")
    view = page.locator(".st-key-review_view")
    sentences = page.locator('[data-testid="stTable"]').filter(has_text="依据的事实")
    expect(sentences.get_by_text(re.compile("^事实第1条：春节走访慰问困难职工86户"))).to_be_visible()
    expect(sentences.get_by_text(re.compile("^事实第2条：举办职工技能竞赛3场"))).to_be_visible()
    expect(sentences.get_by_text("框架语句（不依据具体事实）").first).to_be_visible()
    left_out = page.locator('[data-testid="stTable"]').filter(has_text="新建职工书屋5个").filter(has_text="情况")
    expect(left_out.get_by_text("事实第3条：新建职工书屋5个")).to_be_visible()
    expect(left_out.get_by_text("未写入", exact=True)).to_be_visible()
    sentences.evaluate("t => t.scrollIntoView({block: 'start'})")
    page.mouse.wheel(0, -60)
    page.wait_for_timeout(400)
    shot(page, "ui_sentences")

    wrong = view.locator("mark.k-mismatch", has_text="68户")
    wrong.scroll_into_view_if_needed()
    # select 68户 with the mouse, as in Word: from its first line box's left to its last one's right (it may wrap)
    first, last = wrong.evaluate("m => { const r = [...m.getClientRects()]; "
                                 "return [r[0], r[r.length - 1]].map(b => [b.x, b.y, b.width, b.height]); }")
    page.mouse.move(first[0] + 1, first[1] + first[3] / 2)
    page.mouse.down()
    page.mouse.move(last[0] + last[2] / 2, last[1] + last[3] / 2)
    page.mouse.move(last[0] + last[2] - 1, last[1] + last[3] / 2)
    page.mouse.up()
    assert editor(page, "review_view").evaluate("ta => ta.value.slice(ta.selectionStart, ta.selectionEnd)") == "68户"
    view.get_by_role("button", name="添加批注").click()
    view.get_by_label("批注内容").fill("应为86户，与事实第1条不符")
    view.get_by_role("button", name="确定添加").click()
    expect(page.get_by_text(re.compile("已添加批注（共 1 条"))).to_be_visible()
    settle(page)
    note = view.locator(".dr-notes span.dr-note")
    expect(note).to_have_text("68户")
    mark_box, note_box = wrong.bounding_box(), note.bounding_box()
    assert abs(mark_box["x"] - note_box["x"]) < 2 and abs(mark_box["y"] - note_box["y"]) < 2, "on its span"
    expect(view.locator(".dr-note-item")).to_contain_text("应为86户，与事实第1条不符")
    note.hover(force=True)
    page.mouse.move(*center(note))
    expect(view.locator(".dr-tip")).to_contain_text("应为86户")
    shot(page, "ui_comment")
    page.get_by_role("button", name="退回").click()
    expect(page.get_by_text(re.compile("已退回，意见已记录"))).to_be_visible()

    writer = open_page(browser, url)
    sign_in(writer, *WRITER)
    open_saved(writer, "丙区总工会")
    mine = writer.locator(".st-key-editor")
    expect(mine.locator(".dr-notes span.dr-note")).to_have_text("68户")
    ta = editor(writer)
    ta.evaluate("ta => { const i = ta.value.indexOf('68户'); ta.focus(); ta.setSelectionRange(i, i + 2); }")
    writer.keyboard.type("86", delay=60)
    expect(mine.locator(".dr-note-item.dr-stale")).to_contain_text("原文已修改")
    expect(mine.locator(".dr-notes span.dr-note")).to_have_count(0)
    writer.context.close()
    page.context.close()


def test_phone_reviewer_selects_then_taps_to_comment(site, browser):
    from playwright.sync_api import expect

    url, svc = site
    make_draft(svc, "丁区总工会", households="68户", submit=True)
    page = open_page(browser, url, PHONE)
    sign_in(page, *REVIEWER)
    pick_for_review(page, "丁区总工会")
    view = page.locator(".st-key-review_view")
    ta = editor(page, "review_view")
    ta.scroll_into_view_if_needed()
    # a long press selects a word on a phone; here the selection is set as the browser would, then tapped on
    ta.evaluate("""ta => { const i = ta.value.indexOf('发放慰问金12.6万元'); ta.focus();
                           ta.setSelectionRange(i, i + 11); ta.dispatchEvent(new Event('select')); }""")
    add = view.get_by_role("button", name="添加批注")
    expect(add).to_be_visible()
    page.touchscreen.tap(*center(add))
    view.get_by_label("批注内容").fill("写明发放对象")
    page.touchscreen.tap(*center(view.get_by_role("button", name="确定添加")))
    settle(page)
    note = view.locator(".dr-notes span.dr-note")
    expect(note).to_have_text("发放慰问金12.6万元")
    note.scroll_into_view_if_needed()
    first_line = note.evaluate("n => { const r = n.getClientRects()[0]; return [r.x + r.width / 2, r.y + r.height / 2]; }")
    page.touchscreen.tap(*first_line)  # a tap shows the comment, as it shows a number's reason (the span may wrap)
    expect(view.locator(".dr-tip")).to_contain_text("写明发放对象")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"] + 1, "no sideways scroll"
    shot(page, "ui_phone_comment")
    page.context.close()
