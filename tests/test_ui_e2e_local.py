"""End to end in headless Chromium with the real local model (issue 21): the secretary chooses 本地模型, the
page server drafts with Qwen2.5-Coder-1.5B (llama-cpp-python, in the page server's process) as a job, a reload
in the middle of writing reattaches to the job, and the finished draft arrives in the editor, written by the local
model and checked. Marked slow (the local model) and e2e (Chromium); run it under
`flock /tmp/drafter-model.lock`."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from drafter.settings import Settings
from test_ui_e2e import CHROMIUM, WRITER, browser, enter_request, open_page, page_site, sign_in  # noqa: F401

pytestmark = [pytest.mark.slow, pytest.mark.e2e]
MODEL_PATH = Path(os.environ.get("DRAFTER_LOCAL_MODEL") or Settings(_env_file=None).local_model_path).resolve()
FACTS = ["春节走访慰问困难职工86户，发放慰问金12.6万元", "举办职工技能竞赛3场，参赛职工420人次",
         "新建职工书屋5个，新增图书1200册", "开展心理健康讲座8场"]


@pytest.fixture
def local_site(library, library_settings, tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    pytest.importorskip("llama_cpp")
    if not MODEL_PATH.is_file():
        assert os.environ.get("CI") != "true", f"CI must install the local model first: {MODEL_PATH}"
        pytest.skip(f"local model not installed at {MODEL_PATH} (run drafter model install)")
    env = {"DRAFTER_PROVIDER": "local", "DRAFTER_LOCAL_MODEL": str(MODEL_PATH), "DRAFTER_TRACE": "off",
           "DRAFTER_DRAFT_DEADLINE_S": "0"}  # a loaded machine must not turn the draft into templates
    with page_site(library_settings, tmp_path / "data", "streamlit_local_reload.log", env) as site:
        yield site


def test_a_reload_during_a_local_draft_reattaches_and_the_draft_arrives(local_site, browser):
    from playwright.sync_api import expect

    url, _ = local_site
    page = open_page(browser, url)
    page.set_default_timeout(600_000)  # the local model on a busy machine
    sign_in(page, *WRITER)
    enter_request(page, "\n".join(FACTS))
    expect(page.get_by_label(re.compile("本地模型（约 30 秒到 1 分半"))).to_be_checked()
    page.get_by_role("button", name="生成初稿").click()
    expect(page.get_by_text(re.compile(r"正在撰写第 \d+/\d+ 部分"))).to_be_visible()  # the model is writing
    page.reload()  # mid-draft: the job goes on in the page server, the page finds it again
    stop = page.get_by_role("button", name="停止生成（保留已写出的内容）")
    expect(stop).to_be_visible(timeout=60_000)
    done = page.get_by_text(re.compile(r"初稿已生成（本地模型，用时 \d+ 秒）"))
    expect(done).to_be_visible()
    editor_box = page.locator("textarea.dr-text")  # the editor component fills its box after the message shows
    expect(editor_box).to_have_value(re.compile("86户"), timeout=60_000)
    text = editor_box.input_value()
    for number in ("86户", "12.6万元", "3场", "420人次", "5个", "1200册", "8场"):
        assert number in text, (number, text)
    assert "滨江区总工会" in text
