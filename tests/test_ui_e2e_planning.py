"""The outline in real headless Chromium (issue 20): the secretary asks for an outline, moves a fact to another
section, renames a heading and drafts from it; the draft follows her outline."""

from __future__ import annotations

import pytest

from test_ui_e2e import WRITER, browser, editor, enter_request, open_page, server, settle, shot, sign_in  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e

FACTS = ["春节走访慰问困难职工86户，发放慰问金12.6万元", "举办职工技能竞赛3场，参赛职工420人次",
         "举办职工篮球赛、趣味运动会等文体活动9场", "全年新发展会员126人"]


def test_secretary_shapes_the_outline_in_chromium(server, browser):  # noqa: F811
    from playwright.sync_api import expect

    page = open_page(browser, server)
    sign_in(page, *WRITER)
    enter_request(page, "\n".join(FACTS))
    page.get_by_text("提纲（可选）").click()
    page.get_by_role("button", name="拟定提纲").click()
    expect(page.locator(".st-key-plan_sec_0")).to_be_visible()
    settle(page)
    count = page.locator("[class*='st-key-plan_sec_']").count()
    assert count >= 2
    # move fact 4 into the first section: its "所在小节" select, option 第1节
    option = page.get_by_role("option", name="第1节", exact=True)
    for _ in range(5):  # a rerun that lands right after the click may close the list: open it again
        settle(page)
        page.locator("[class*='st-key-plan_mv_4_']").click()
        try:
            option.wait_for(timeout=5000)
            break
        except Exception:  # noqa: BLE001 - playwright's TimeoutError
            page.keyboard.press("Escape")
    option.click()
    settle(page)
    first = page.locator(".st-key-plan_sec_0")
    expect(first.get_by_text("4. 全年新发展会员126人")).to_be_visible()
    # rename the first section's heading
    heading = page.locator("[class*='st-key-plan_h_0_'] input")
    heading.fill("我们的重点工作")
    heading.press("Enter")
    settle(page)
    shot(page, "ui_plan")
    page.get_by_role("button", name="生成初稿").click()
    expect(editor(page)).to_be_visible()
    settle(page)
    text = editor(page).input_value()
    section = text.split("一、我们的重点工作", 1)[1].split("二、", 1)[0]
    assert "全年新发展会员126人" in section
