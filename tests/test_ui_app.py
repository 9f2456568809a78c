"""The Streamlit page through streamlit.testing.v1.AppTest: secretary flow, stale save, reviewer flow, password.

All tests of this module share one data dir (a copy of the session's ingested example library) and therefore one
cached service, like several browser sessions on one server. Tests run in file order: the reviewer works on the
draft the secretary saved.
"""

from __future__ import annotations

import io
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from drafter.settings import PROJECT_ROOT

APP = str(PROJECT_ROOT / "app.py")
FACTS = """• 春节走访慰问困难职工86户，发放慰问金12.6万元
2、举办职工技能竞赛3场，参赛职工420人次

（3）新建职工书屋5个"""


@pytest.fixture(scope="module")
def ui_data(library, library_settings, tmp_path_factory):
    """Env for the page: template provider, auth off, a copy of the ingested library as data dir."""
    data_dir = tmp_path_factory.mktemp("ui") / "data"
    shutil.copytree(library_settings.data_dir, data_dir)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DRAFTER_DATA_DIR", str(data_dir))
        mp.setenv("DRAFTER_PROVIDER", "template")
        mp.setenv("DRAFTER_AUTH", "off")
        mp.delenv("DRAFTER_UI_PASSWORD", raising=False)
        yield data_dir


@pytest.fixture(scope="module")
def shared():
    """What earlier tests of the module leave for later ones (the saved draft's id)."""
    return {}


def new_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=240)
    at.run()
    assert not at.exception, at.exception
    return at


def fill_form(at: AppTest, facts: str = FACTS) -> None:
    at.text_input(key="f_org").input("滨江区总工会")
    at.text_input(key="f_period").input("2025年")
    at.selectbox(key="f_kind").select("年度总结")
    at.text_input(key="f_topic").input("送温暖")
    at.text_area(key="f_facts").input(facts)
    at.run()


def messages(at: AppTest, kind: str) -> list[str]:
    return [e.value for e in getattr(at, kind)]


def spans(at: AppTest, status: str) -> list[str]:
    """Texts of the numbers highlighted with this status in every rendered view on the page."""
    return [t for h in at.html for t in re.findall(rf'data-status="{status}"[^>]*>([^<]*)<', h.value)]


def generate(at: AppTest) -> str:
    at.button(key="generate").click().run()
    assert not at.exception, at.exception
    assert not messages(at, "error"), messages(at, "error")
    return at.text_area(key="draft_text").value


def test_bad_input_shows_chinese_errors_and_keeps_the_rest(ui_data):
    at = new_page()
    at.text_input(key="f_org").input("滨江区总工会")
    at.text_area(key="f_problems").input("覆盖面不够")
    at.run()
    at.button(key="generate").click().run()
    errors = messages(at, "error")
    assert "请填写期间" in errors and any("事实" in e for e in errors)
    assert at.text_input(key="f_org").value == "滨江区总工会" and at.text_area(key="f_problems").value == "覆盖面不够"


def test_facts_file_upload_appends_cleaned_facts(ui_data):
    from docx import Document

    doc = Document()
    doc.add_paragraph("1. 开展安全生产培训12期")
    buf = io.BytesIO()
    doc.save(buf)
    at = new_page()
    at.text_area(key="f_facts").input("走访职工86户").run()
    at.file_uploader(key="f_upload").upload("事实.docx", buf.getvalue()).run()
    assert at.text_area(key="f_facts").value == "走访职工86户\n开展安全生产培训12期"
    at.file_uploader(key="f_upload").set_value(("坏.docx", b"xx", "application/octet-stream")).run()
    assert any("坏.docx" in e for e in messages(at, "error"))
    assert at.text_area(key="f_facts").value == "走访职工86户\n开展安全生产培训12期"


def test_secretary_flow_generate_edit_save_diff(ui_data, shared):
    at = new_page()
    fill_form(at)
    at.button(key="search").click().run()
    pins = [c for c in at.checkbox if (c.key or "").startswith("pin_")]
    assert pins, "retrieved examples are listed"
    pins[0].check().run()
    pinned_id = pins[0].key.removeprefix("pin_")
    assert at.session_state["pinned"] == [pinned_id]
    at.button(key=f"open_{pinned_id}").click().run()
    assert any(len(t.value) > 300 for t in at.text), "the whole example opens in a dialog"

    text = generate(at)
    assert "86户" in text
    assert at.session_state["request"]["pinned_examples"] == [pinned_id]
    assert any("template" in c.value for c in at.caption), "the provider used is shown"
    assert "86户" in spans(at, "supported") and not spans(at, "mismatch")
    assert "数字核对通过" in messages(at, "success")

    at.text_area(key="draft_text").input(text.replace("86户", "68户", 1)).run()
    assert "68户" in spans(at, "mismatch"), "the wrong number is flagged red"
    assert any(e.startswith("发现") for e in messages(at, "error"))

    at.button(key="save").click().run()
    assert "已保存为第 2 版" in messages(at, "success")  # v1 = generated text, v2 = the edit
    assert at.download_button(key="export").label == "导出 Word"
    shared["draft_id"] = at.session_state["draft_id"]

    diff_views = [h.value for h in at.html if "diff-view" in h.value]
    assert diff_views and re.findall(r'class="changed-number"[^>]*>([^<]*)<', diff_views[0]) == ["86户", "68户"]
    shared["secretary"] = at


def test_stale_save_is_refused_and_the_text_kept(ui_data, shared):
    first = shared["secretary"]
    other = new_page()
    other.selectbox(key="s_pick").select(shared["draft_id"]).run()
    other.button(key="s_open").click().run()
    assert other.text_area(key="draft_text").value == first.text_area(key="draft_text").value
    other.text_area(key="draft_text").input(other.text_area(key="draft_text").value + "\n补充一句。").run()
    other.button(key="save").click().run()
    assert "已保存为第 3 版" in messages(other, "success")

    mine = first.text_area(key="draft_text").value + "\n我的修改。"
    first.text_area(key="draft_text").input(mine).run()
    first.button(key="save").click().run()
    assert any("保存失败" in e and "第 3 版" in e for e in messages(first, "error"))
    assert first.text_area(key="draft_text").value == mine


def test_reviewer_flow_facts_view_return_and_approve(ui_data, shared):
    at = new_page()
    at.selectbox(key="r_status").select("draft").run()
    at.selectbox(key="r_pick").select(shared["draft_id"]).run()
    assert any(e.startswith("发现") for e in messages(at, "error")), "the edited draft has a wrong number"
    facts_table = next(d.value for d in at.dataframe if "使用情况" in d.value.columns)
    assert len(facts_table) == 3 and facts_table.iloc[0]["核对"] != "通过"

    options = at.selectbox(key="r_focus").options
    at.selectbox(key="r_focus").select_index(1).run()
    assert any('class="focus"' in h.value for h in at.html), f"choosing a fact highlights it: {options[1]}"

    at.button(key="return").click().run()
    assert any("请填写意见" in e for e in messages(at, "error"))
    at.text_area(key="r_comment").input("68户与事实不符，请改正").run()
    at.button(key="return").click().run()
    assert any("已退回" in s for s in messages(at, "success"))

    secretary = shared["secretary"]
    secretary.run()
    assert any("68户与事实不符" in w for w in messages(secretary, "warning")), "the secretary sees the review"

    at.selectbox(key="r_status").select("returned").run()
    at.selectbox(key="r_pick").select(shared["draft_id"]).run()
    at.text_area(key="r_comment").input("已核对").run()
    at.button(key="approve").click().run()
    assert any("已通过" in s for s in messages(at, "success"))
    at.selectbox(key="r_status").select("approved").run()
    assert at.selectbox(key="r_pick").value == shared["draft_id"]


def test_password_gate(ui_data, monkeypatch):
    monkeypatch.setenv("DRAFTER_UI_PASSWORD", "s3cret")
    at = AppTest.from_file(APP, default_timeout=240)
    at.run()
    assert not at.tabs and at.text_input(key="password")
    at.text_input(key="password").input("wrong")
    at.button[0].click().run()
    assert "密码不正确，请重新输入" in messages(at, "error") and not at.tabs
    at.text_input(key="password").input("s3cret")
    at.button[0].click().run()
    assert not at.exception and len(at.tabs) == 2
