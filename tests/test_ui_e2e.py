"""End to end in a real headless Chromium (Debian package, driven by Playwright): `streamlit run app.py`,
fill in the facts, generate, change a number to a wrong value and see it flagged red, save, export Word.

Screenshots go to test-artifacts/. With DRAFTER_DOCS_SCREENSHOTS=1 the README screenshots docs/ui_secretary.png
and docs/ui_review.png are written as well.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from drafter.settings import PROJECT_ROOT
from processes import free_port, stop

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
DOCS = PROJECT_ROOT / "docs"
FACTS = ("春节走访慰问困难职工86户，发放慰问金12.6万元\n举办职工技能竞赛3场，参赛职工420人次\n"
         "新建职工书屋5个，开展心理健康讲座8场\n帮扶困难职工子女入学32人")
WAIT_MS = 240_000



def wait_healthy(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError("streamlit did not become healthy")


@pytest.fixture(scope="module")
def server(library, library_settings, tmp_path_factory):
    """`streamlit run app.py` on 127.0.0.1 with the template provider and a copy of the ingested library."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    data_dir = tmp_path_factory.mktemp("e2e") / "data"
    shutil.copytree(library_settings.data_dir, data_dir)
    port = free_port()
    env = {**os.environ, "DRAFTER_DATA_DIR": str(data_dir), "DRAFTER_PROVIDER": "template", "DRAFTER_AUTH": "off"}
    env.pop("DRAFTER_UI_PASSWORD", None)
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / "streamlit.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none", "--client.toolbarMode", "minimal"], cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url
    finally:
        stop(proc)
        log.close()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WAIT_MS)  # first search and first draft load models on a busy machine
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 3000}, accept_downloads=True, locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(server)
        yield page
        browser.close()


def shot(page, name: str, docs_name: str | None = None, height: int | None = None) -> None:
    path = ARTIFACTS / f"{name}.png"
    clip = {"x": 0, "y": 0, "width": page.viewport_size["width"], "height": height} if height else None
    page.screenshot(path=str(path), clip=clip)
    if docs_name and os.environ.get("DRAFTER_DOCS_SCREENSHOTS") == "1":
        shutil.copy(path, DOCS / docs_name)


def settle(page) -> None:
    """Wait until Streamlit has finished the current rerun: no running indicator, no stale elements left."""
    page.wait_for_timeout(500)
    page.wait_for_function("""() => !document.querySelector('[data-testid="stStatusWidget"]')
                                    && !document.querySelector('[data-stale="true"]')""")


def test_secretary_flow_in_chromium(page):
    from playwright.sync_api import expect

    expect(page.get_by_role("heading", name="工会工作总结起草助手")).to_be_visible()
    page.get_by_label("单位", exact=True).fill("滨江区总工会")
    page.get_by_label("期间", exact=True).fill("2025年")
    page.get_by_label("专题（可选）").fill("送温暖")
    facts = page.get_by_label("事实（每行一条，可直接从 Word 或微信粘贴）")
    facts.fill(FACTS)
    facts.press("Control+Enter")
    settle(page)
    page.get_by_role("button", name="查看参考范文").click()
    pin = page.get_by_text("置顶参考").first
    expect(pin).to_be_visible()
    settle(page)
    pin.click()
    expect(page.get_by_text("已置顶 1 篇范文")).to_be_visible()
    settle(page)
    page.get_by_role("button", name="生成初稿").click()

    editor = page.get_by_role("textbox", name="初稿（可直接修改；每次修改后自动重新核对数字）")
    expect(editor).to_be_visible()
    settle(page)
    text = editor.input_value()
    assert "86户" in text
    expect(page.locator('[data-status="supported"]', has_text="86户").first).to_be_visible()

    editor.fill(text.replace("86户", "68户", 1))
    editor.press("Control+Enter")
    flagged = page.locator('[data-status="mismatch"]', has_text="68户").first
    expect(flagged).to_be_visible()
    colour = flagged.evaluate("e => getComputedStyle(e).color")
    red, green, _ = [int(c) for c in colour[colour.index("(") + 1:colour.index(")")].split(",")[:3]]
    assert red > 150 and green < 60, colour
    assert "86户" in (flagged.get_attribute("title") or ""), "hover shows the fact's value"
    settle(page)
    page.get_by_role("heading", name="工会工作总结起草助手").scroll_into_view_if_needed()
    page.wait_for_timeout(1000)  # let the tables paint
    shot(page, "ui_flagged", "ui_secretary.png")

    page.get_by_role("button", name="保存版本").click()
    expect(page.get_by_text("已保存为第 2 版")).to_be_visible()
    settle(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="导出 Word").click()
    download = download_info.value
    target = ARTIFACTS / "e2e_export.docx"
    download.save_as(target)
    assert download.suggested_filename.endswith(".docx")

    from docx import Document

    body = "\n".join(p.text for p in Document(io.BytesIO(target.read_bytes())).paragraphs)
    assert "68户" in body
    page.locator('[class*="diff-view"]').first.scroll_into_view_if_needed()
    shot(page, "ui_saved")


def test_reviewer_view_in_chromium(page):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="审核（审核人）").click()
    settle(page)
    expect(page.get_by_text("事实 ↔ 初稿对照")).to_be_visible()
    expect(page.locator('[data-status="mismatch"]', has_text="68户").last).to_be_visible()
    page.locator('[data-testid="stSelectbox"]', has_text="在正文中高亮某条事实").click()
    page.get_by_role("option", name=re.compile("^第1行")).click()
    focus = page.locator(".focus", has_text="68户").first
    expect(focus).to_be_visible()
    settle(page)
    page.wait_for_timeout(1000)
    shot(page, "ui_review", "ui_review.png", height=1800)
