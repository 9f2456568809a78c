"""End to end in a real headless Chromium (Debian package, driven by Playwright) against `streamlit run app.py`:
sign-in decides the author, a pasted "；" paragraph becomes separate facts, .xlsx import, the inline check while
typing (and undo across checks), a reload restores the unsaved edit, regenerating asks first, export warns,
submit → return → edit → approve with the states shown, and the override a failing draft needs. Each test has its
own page server and data dir, and stores the drafts it starts from through the service.

Screenshots go to test-artifacts/; with DRAFTER_DOCS_SCREENSHOTS=1 the README's docs/ui_*.png are written too
(1440×900 and 390×844).
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
from contextlib import contextmanager
from pathlib import Path

import pytest

from drafter.settings import PROJECT_ROOT, Settings
from processes import free_port, stop

pytestmark = pytest.mark.e2e

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
DOCS = PROJECT_ROOT / "docs"
PASTED = "春节走访慰问困难职工86户，发放慰问金12.6万元；举办职工技能竞赛3场，参赛职工420人次；新建职工书屋5个"
XLSX_FACT = "开展心理健康讲座8场"
FACTS = ["春节走访慰问困难职工86户，发放慰问金12.6万元", "举办职工技能竞赛3场，参赛职工420人次", "新建职工书屋5个"]
WAIT_MS = 240_000
DESKTOP, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}
WRITER, REVIEWER = ("张秘书", "writer-pass-1"), ("王审核", "review-pass-1")


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


@contextmanager
def page_site(library_settings, data_dir: Path, log_name: str, extra_env: dict | None = None):
    """`streamlit run app.py` with the template provider over a copy of the ingested library and two users:
    yields (url, service on the same store)."""
    from drafter.service import DrafterService

    shutil.copytree(library_settings.data_dir, data_dir)
    database_url = (extra_env or {}).get("DRAFTER_DATABASE_URL")  # the page's store, when not the data dir's SQLite
    svc = DrafterService(Settings(data_dir=data_dir, provider="template", auth="off", database_url=database_url,
                                  _env_file=None))
    svc.create_user(*WRITER, "writer")
    svc.create_user(*REVIEWER, "reviewer")
    port = free_port()
    env = {**os.environ, "DRAFTER_DATA_DIR": str(data_dir), "DRAFTER_PROVIDER": "template", "DRAFTER_AUTH": "off",
           **(extra_env or {})}
    env.pop("DRAFTER_UI_PASSWORD", None)
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / log_name, "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(PROJECT_ROOT / "app.py"), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none", "--client.toolbarMode", "minimal"], cwd=PROJECT_ROOT, env=env,
        stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc)
        yield url, svc
    finally:
        stop(proc)
        log.close()
        svc.store.close()


@pytest.fixture
def site(library, library_settings, tmp_path, request):
    """Each test's own page over its own copy of the library, with two users: (url, service on the same store)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    with page_site(library_settings, tmp_path / "data", f"streamlit_{request.node.name}.log") as site:
        yield site


@pytest.fixture
def server(library, library_settings, tmp_path, request):
    """The address of the test's own page (as `site`); the test drives it through the browser only."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    with page_site(library_settings, tmp_path / "data", f"streamlit_{request.node.name}.log") as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=WAIT_MS)  # the first search and the first draft load models on a busy machine
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, url: str, viewport=DESKTOP):
    phone = viewport == PHONE
    context = browser.new_context(viewport=viewport, accept_downloads=True, locale="zh-CN", has_touch=phone,
                                  is_mobile=phone)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url)
    return page


def shot(page, name: str, full: bool = False) -> None:
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full)
    if os.environ.get("DRAFTER_DOCS_SCREENSHOTS") == "1":
        shutil.copy(path, DOCS / f"{name}.png")


def settle(page) -> None:
    """Wait until Streamlit has finished the current rerun: no running indicator, no stale elements left."""
    page.wait_for_timeout(500)
    page.wait_for_function("""() => !document.querySelector('[data-testid="stStatusWidget"]')
                                    && !document.querySelector('[data-stale="true"]')""")


def enter_request(page, facts: str, org: str = "滨江区总工会", period: str = "2025年") -> None:
    """Fill 单位, 期间 and the facts box (as pasted), and apply the box as Ctrl+Enter does."""
    page.get_by_label("单位", exact=True).fill(org)
    page.get_by_label("期间", exact=True).fill(period)
    box = page.get_by_label("事实（每行一条，可直接从 Word 或微信粘贴）")
    box.fill(facts)
    box.press("Control+Enter")
    settle(page)


def sign_in(page, name: str, password: str) -> None:
    from playwright.sync_api import expect

    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录", exact=True).click()
    expect(page.get_by_role("button", name="登录", exact=True)).to_have_count(0)
    expect(page.get_by_role("heading", name="工会工作总结起草助手")).to_be_visible()
    settle(page)


def editor(page):
    return page.locator("textarea.dr-text")


def retype_number(page, word: str, digits: str) -> None:
    """Select the number at the start of the first `word` (e.g. 86 of 86户) and type `digits` over it, key by
    key, as a person would."""
    count = len(word.rstrip("户人次场个"))
    editor(page).evaluate("""(ta, [word, count]) => { const i = ta.value.indexOf(word); ta.focus();
                                                      ta.setSelectionRange(i, i + count); }""", [word, count])
    page.keyboard.type(digits, delay=60)


def mark(page, status: str, text: str):
    return page.locator(f"mark.k-{status}", has_text=text).first


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["序号", "事实"])
    book.active.append([1, XLSX_FACT])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def body(org: str, households: str = "86户") -> str:
    return (f"{org}2025年工作总结\n\n2025年，{org}在上级工会的领导下，扎实推进各项工作。\n\n一、帮扶送温暖\n"
            f"春节期间，工会走访慰问困难职工{households}，发放慰问金12.6万元。\n\n二、劳动竞赛\n"
            "举办职工技能竞赛3场，参赛职工420人次。")


def make_draft(svc, org: str, households: str = "86户", submit: bool = False, edit_to: str | None = None,
               facts: list[str] = FACTS) -> str:
    """A draft of the writer's, stored through the service (the facts of PASTED: the third is left out of body());
    `edit_to` saves a second version with that number of households, `submit` submits the latest."""
    from drafter.models import DraftRequest, DraftResult
    from drafter.view.signin import PageUser

    writer = PageUser(name=WRITER[0], role="writer")
    request = DraftRequest(org=org, period="2025年", facts=facts)
    text = body(org, households)
    result = DraftResult(text=text, sections=[], check=svc.check_text(request, text), provider="template",
                         elapsed_s=0.1)
    draft_id = svc.create_draft(request, result, writer).id
    if edit_to:
        svc.save_version(draft_id, body(org, edit_to), 1, writer)
    if submit:
        svc.submit(draft_id, writer)
    return draft_id


def open_saved(page, org: str) -> None:
    """The secretary opens a saved draft from the list by its organisation."""
    from playwright.sync_api import expect

    expander = page.get_by_text("打开已保存的稿件（继续修改、查看审核意见）")
    if not page.locator(".st-key-s_pick").is_visible():
        expander.click()
    choose(page, "s_pick", org)
    page.get_by_role("button", name="打开", exact=True).click()
    expect(page.get_by_text(re.compile(f"已打开稿件「{org}"))).to_be_visible()
    settle(page)


def choose(page, key: str, org: str) -> None:
    """Pick the draft of `org` in a selectbox (a rerun that lands right after the click may close the list
    before it is seen: then it is opened again)."""
    option = page.get_by_role("option", name=re.compile(org))
    for _ in range(5):
        settle(page)
        page.locator(f".st-key-{key}").click()
        try:
            option.wait_for(timeout=5000)
            break
        except Exception:  # noqa: BLE001 - playwright's TimeoutError: the list closed, open it again
            page.keyboard.press("Escape")
    option.click()
    settle(page)


def test_secretary_in_chromium(server, browser):
    from playwright.sync_api import expect

    page = open_page(browser, server)
    expect(page.get_by_role("button", name="登录", exact=True)).to_be_visible()
    shot(page, "ui_signin")
    sign_in(page, *WRITER)
    expect(page.get_by_role("tab", name="审核（审核人）")).to_have_count(0)  # a writer does not review
    enter_request(page, PASTED)
    facts = page.get_by_label("事实（每行一条，可直接从 Word 或微信粘贴）")
    expect(page.get_by_text("拆分后共 3 条")).to_be_visible()
    shot(page, "ui_split")
    page.get_by_role("button", name="拆分为 3 条事实").click()
    expect(facts).to_have_value("\n".join(FACTS))  # waits for the rerun (a busy machine starts it late)
    settle(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[{"name": "事实.xlsx", "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "buffer": xlsx_bytes()}])
    expect(page.get_by_text("已从「事实.xlsx」读入 1 条事实")).to_be_visible()
    expect(facts).to_have_value(re.compile(f"\n{XLSX_FACT}$"))
    settle(page)

    page.get_by_role("button", name="生成初稿").click()
    expect(editor(page)).to_be_visible()
    settle(page)
    text = editor(page).input_value()
    assert "86户" in text and XLSX_FACT in text
    expect(mark(page, "supported", "86户")).to_be_visible()
    page.wait_for_timeout(1500)
    top = page.locator(".dr-editor").evaluate("e => e.getBoundingClientRect().top")
    assert -5 <= top < DESKTOP["height"], f"the page scrolled to the new draft ({top})"

    # the inline check while typing: the wrong number turns red without leaving the editor
    retype_number(page, "86户", "68")
    wrong = mark(page, "mismatch", "68户")
    expect(wrong).to_be_visible()
    assert editor(page).evaluate("ta => document.activeElement === ta || ta.getRootNode().activeElement === ta")
    problem = page.get_by_role("button", name=re.compile("与事实不符 68户"))
    page.mouse.wheel(0, -3000)
    problem.click()  # the problem list above the editor scrolls to the problem and selects it
    expect(wrong).to_have_class(re.compile("dr-active"))
    page.wait_for_timeout(800)
    assert 0 < wrong.evaluate("m => m.getBoundingClientRect().top") < DESKTOP["height"]
    assert editor(page).evaluate("ta => ta.value.slice(ta.selectionStart, ta.selectionEnd)") == "68户"
    wrong.hover(force=True)
    page.mouse.move(*center(wrong))
    expect(page.locator(".dr-tip")).to_contain_text("86户")
    shot(page, "ui_editor")
    # undo across the check brings the right number back, and its mark turns green again
    editor(page).press("Control+z")  # the typed "8", then the typed "6" over the selected "86"
    editor(page).press("Control+z")
    expect(mark(page, "supported", "86户")).to_be_visible()
    assert "68户" not in editor(page).input_value()
    # a wording that fills no role is underlined grey and listed apart, not as a problem (issue 19)
    reading = "引导职工养成科学健身的好习惯"
    editor(page).press("Control+End")
    page.keyboard.type(f"{reading}。", delay=30)
    expect(mark(page, "unverified", reading)).to_be_visible()
    expect(page.locator(".dr-problems")).to_contain_text("请读一遍的新说法")
    editor(page).evaluate("""(ta, n) => { ta.focus(); ta.setSelectionRange(ta.value.length - n, ta.value.length); }""",
                          len(reading) + 1)
    page.keyboard.press("Backspace")
    expect(mark(page, "unverified", reading)).to_have_count(0)
    retype_number(page, "86户", "68")
    expect(mark(page, "mismatch", "68户")).to_be_visible()
    page.wait_for_timeout(2000)  # autosave: within 2 s of the last keystroke

    page.reload()  # nothing is lost: the signed session, the form and the unsaved edit come back
    expect(editor(page)).to_be_visible()
    settle(page)
    assert "68户" in editor(page).input_value()
    expect(page.get_by_text(re.compile("已恢复您上次"))).to_be_visible()
    assert page.get_by_label("单位", exact=True).input_value() == "滨江区总工会"

    page.get_by_role("button", name="生成初稿").click()  # regenerating over the edit asks first
    expect(page.get_by_text(re.compile("重新生成会替换编辑框中的内容"))).to_be_visible()
    page.get_by_role("button", name="取消，继续编辑").click()
    settle(page)
    expect(editor(page)).to_have_value(re.compile("68户"), timeout=30_000)  # the box closes, the edit stays

    page.get_by_role("button", name="提交审核").click()  # a failing check asks first, as export does
    expect(page.get_by_text(re.compile(r"核对没有通过：发现 \d+ 处问题.*确定要提交吗"))).to_be_visible()
    page.get_by_role("button", name="仍然提交（核对未通过）").click()  # unsaved edits are saved, then submitted
    expect(page.get_by_text("已提交第 2 版，等待审核")).to_be_visible()
    expect(page.get_by_text(re.compile("稿件状态：已提交"))).to_be_visible()
    page.get_by_role("button", name="导出 Word…").click()
    expect(page.get_by_text(re.compile("核对没有通过"))).to_be_visible()
    expect(page.get_by_role("button", name="下载 Word 文件")).to_have_count(0)
    page.get_by_label("落款日期").fill("2026年1月5日")
    page.get_by_label("落款日期").press("Enter")
    settle(page)
    page.get_by_text("我已知晓这些问题，仍要导出").click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="下载 Word 文件").click()
    target = ARTIFACTS / "e2e_export.docx"
    download_info.value.save_as(target)
    from docx import Document

    body = "\n".join(p.text for p in Document(io.BytesIO(target.read_bytes())).paragraphs)
    assert "68户" in body and "2026年1月5日" in body
    versions = page.get_by_text("张秘书").count()
    assert versions >= 1, "the signed-in writer is the author"


def center(locator) -> tuple[float, float]:
    """The middle of the element's first line box: a mark that wraps onto a second line has the centre of its
    bounding box on other text."""
    x, y, width, height = locator.evaluate("e => { const r = e.getClientRects()[0]; "
                                           "return [r.x, r.y, r.width, r.height]; }")
    return x + width / 2, y + height / 2


def test_review_round_in_chromium(site, browser):
    from playwright.sync_api import expect

    url, svc = site
    # version 2 (86户 → 68户) submitted, of a draft that writes every fact: put right, it passes the check
    make_draft(svc, "滨江区总工会", edit_to="68户", submit=True, facts=FACTS[:2])
    writer = open_page(browser, url)
    sign_in(writer, *WRITER)
    open_saved(writer, "滨江区总工会")
    expect(writer.get_by_text(re.compile("稿件状态：已提交"))).to_be_visible()
    page = open_page(browser, url)
    sign_in(page, *REVIEWER)
    expect(page.get_by_role("tab", name="起草（秘书）")).to_have_count(0)
    expect(page.get_by_text("事实 ↔ 初稿对照")).to_be_visible()
    page.get_by_role("button", name="通过").click()
    expect(page.get_by_text(re.compile("核对没有通过：如确需通过"))).to_be_visible()
    shot(page, "ui_review", full=False)
    page.get_by_label("审核意见（退回时填写意见或批注）").fill("68户与事实不符，请改正")
    page.get_by_role("button", name="退回").click()
    expect(page.get_by_text(re.compile("已退回，意见已记录"))).to_be_visible()

    writer.reload()  # the writer's open draft shows the reviewer's return
    expect(writer.get_by_text(re.compile("稿件状态：已退回"))).to_be_visible()
    expect(writer.get_by_text(re.compile("审核意见（.+）：68户与事实不符"))).to_be_visible()
    retype_number(writer, "68户", "86")
    expect(mark(writer, "supported", "86户")).to_be_visible()
    writer.wait_for_timeout(800)
    writer.get_by_role("button", name="提交审核").click()
    expect(writer.get_by_text(re.compile("还有 1 条意见未回复"))).to_be_visible()  # the overall comment: asked first
    writer.get_by_role("button", name="仍然提交（部分意见未回复）").click()
    expect(writer.get_by_text(re.compile("已提交第 3 版，等待审核"))).to_be_visible()

    page.reload()
    settle(page)
    expect(page.get_by_text(re.compile("退回后的修改（第 2 版 → 第 3 版）"))).to_be_visible()
    expect(page.locator(".diff-view ins", has_text="8")).to_be_visible()
    page.get_by_role("button", name="通过").click()
    expect(page.get_by_text(re.compile("已通过，意见已记录"))).to_be_visible()

    writer.reload()
    expect(writer.get_by_text(re.compile("稿件状态：已通过"))).to_be_visible()
    retype_number(writer, "420人次", "421")
    writer.wait_for_timeout(800)
    writer.get_by_role("button", name="保存版本").click()
    expect(writer.get_by_text(re.compile("已保存为第 4 版。原来的审核通过已失效"))).to_be_visible()
    status = writer.get_by_text(re.compile("稿件状态：草稿.*之前的审核通过已失效"))
    expect(status).to_be_visible()
    status.evaluate("e => e.scrollIntoView({block: 'start'})")
    writer.mouse.wheel(0, -120)
    writer.wait_for_timeout(500)
    shot(writer, "ui_voided")


def test_phone_layout_in_chromium(site, browser):
    from playwright.sync_api import expect

    url, svc = site
    make_draft(svc, "滨江区总工会", households="68户")
    page = open_page(browser, url, PHONE)
    sign_in(page, *WRITER)
    open_saved(page, "滨江区总工会")
    expect(editor(page)).to_be_visible()
    settle(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"] + 1, "no sideways scroll"
    flagged = mark(page, "mismatch", "68户")
    flagged.evaluate("m => m.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    page.touchscreen.tap(*center(flagged))  # tap, not hover, shows the reason on a phone
    expect(page.locator(".dr-tip")).to_contain_text("86户")
    shot(page, "ui_phone_editor")
    page.get_by_role("button", name="提交审核").click()
    page.get_by_role("button", name="仍然提交（核对未通过）").click()
    expect(page.get_by_text(re.compile("已提交第 1 版，等待审核"))).to_be_visible()
    review = open_page(browser, url, PHONE)
    sign_in(review, *REVIEWER)
    expect(review.get_by_text("事实 ↔ 初稿对照")).to_be_visible()
    assert review.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"] + 1
    shot(review, "ui_phone_review")
