"""The Streamlit page through streamlit.testing.v1.AppTest: input, generation, autosave, review, sign-in.

Every test has its own data dir (a copy of the session's ingested example library), so tests share no drafts,
users or working copies and run in any order.
"""

from __future__ import annotations

import io
import time
import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest
from ui_support import shared_components

from drafter.settings import PROJECT_ROOT, Settings

APP = str(PROJECT_ROOT / "app.py")
FACTS = """• 春节走访慰问困难职工86户，发放慰问金12.6万元
2、举办职工技能竞赛3场，参赛职工420人次

（3）新建职工书屋5个"""


@pytest.fixture
def data_dir(library, library_settings, tmp_path, monkeypatch):
    """Env for the page: template provider, auth off, no password, a fresh copy of the ingested library."""
    target = tmp_path / "data"
    shutil.copytree(library_settings.data_dir, target)
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(target))
    monkeypatch.setenv("DRAFTER_PROVIDER", "template")
    monkeypatch.setenv("DRAFTER_AUTH", "off")
    monkeypatch.delenv("DRAFTER_UI_PASSWORD", raising=False)
    monkeypatch.delenv("DRAFTER_MAX_FACTS", raising=False)
    return target


def service(data_dir):
    from drafter.service import DrafterService

    return DrafterService(Settings(data_dir=data_dir, provider="template", auth="off", _env_file=None))


def new_page() -> AppTest:
    at = shared_components(AppTest.from_file(APP, default_timeout=300))
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
    """The texts of the page's messages as a reader sees them (typed text is shown through Markdown escapes)."""
    return [re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", e.value).replace("\u2060", "") for e in getattr(at, kind)]


def generate(at: AppTest) -> str:
    at.button(key="generate").click().run()
    assert not at.exception, at.exception
    assert not messages(at, "error"), messages(at, "error")
    return at.session_state["draft_text"]


def type_text(at: AppTest, text: str) -> None:
    """What the editor component does after a pause in typing: the text becomes the session's draft text."""
    at.session_state["draft_text"] = text
    at.run()
    assert not at.exception, at.exception


def test_bad_input_shows_chinese_errors_and_keeps_the_rest(data_dir):
    at = new_page()
    at.text_input(key="f_org").input("滨江区总工会")
    at.text_area(key="f_problems").input("覆盖面不够")
    at.run()
    at.button(key="generate").click().run()
    errors = messages(at, "error")
    assert "请填写期间" in errors and any("事实" in e for e in errors)
    assert at.text_input(key="f_org").value == "滨江区总工会" and at.text_area(key="f_problems").value == "覆盖面不够"


def test_facts_files_docx_and_xlsx_append_cleaned_facts(data_dir):
    from docx import Document
    from openpyxl import Workbook

    doc = Document()
    doc.add_paragraph("1. 开展安全生产培训12期")
    buf = io.BytesIO()
    doc.save(buf)
    at = new_page()
    at.text_area(key="f_facts").input("走访职工86户").run()
    at.file_uploader(key="f_upload").upload("事实.docx", buf.getvalue()).run()
    assert at.text_area(key="f_facts").value == "走访职工86户\n开展安全生产培训12期"
    book = Workbook()
    for row in (["事实"], ["举办竞赛3场"], ["走访职工86户"]):
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    at.file_uploader(key="f_upload").upload("事实.xlsx", out.getvalue()).run()
    assert at.text_area(key="f_facts").value == "走访职工86户\n开展安全生产培训12期\n举办竞赛3场"
    assert any("事实.xlsx" in s for s in messages(at, "success"))
    at.file_uploader(key="f_upload").upload("坏.xlsx", b"xx").run()
    assert any("坏.xlsx" in e for e in messages(at, "error"))
    assert at.text_area(key="f_facts").value.endswith("举办竞赛3场")


def test_a_pasted_paragraph_is_split_only_after_confirmation(data_dir):
    at = new_page()
    fill_form(at, "春节走访慰问困难职工86户；发放慰问金12.6万元；举办职工技能竞赛3场")
    assert any("拆分后共 3 条" in w for w in messages(at, "warning"))
    at.button(key="generate").click().run()
    assert any("请先确认事实的拆分" in e for e in messages(at, "error")) and "draft_text" not in at.session_state
    at.button(key="split_apply").click().run()
    assert at.text_area(key="f_facts").value == "春节走访慰问困难职工86户\n发放慰问金12.6万元\n举办职工技能竞赛3场"
    text = generate(at)
    assert "86户" in text and at.session_state["request"]["facts"][1] == "发放慰问金12.6万元"


def test_keeping_a_pasted_line_as_is_is_remembered(data_dir):
    at = new_page()
    fill_form(at, "走访86户；发放12.6万元")
    at.button(key="split_keep").click().run()
    assert not any("拆分后" in w for w in messages(at, "warning"))
    assert generate(at) and at.session_state["request"]["facts"] == ["走访86户；发放12.6万元"]


def test_over_long_facts_block_and_too_many_facts_need_a_confirmation(data_dir, monkeypatch):
    monkeypatch.setenv("DRAFTER_MAX_FACTS", "2")
    at = new_page()
    fill_form(at, "走访职工86户\n举办竞赛3场\n新建书屋5个")
    at.button(key="generate").click().run()
    assert any("超过上限 2 条" in e and "1 条不会写入" in e for e in messages(at, "error"))
    assert "draft_text" not in at.session_state
    at.checkbox(key="cap_ok").check().run()
    at.button(key="generate").click().run()
    assert at.session_state["draft_text"] and at.session_state["request"]["facts"] == ["走访职工86户", "举办竞赛3场"]
    assert not any("事实未写入" in e for e in messages(at, "error")), "only the facts drafted are checked"
    at.text_area(key="f_facts").input("走访职工86户\n" + "很长的一条事实" * 60).run()
    at.button(key="generate").click().run()
    assert any("第2条事实超过 300 字" in e for e in messages(at, "error"))


def test_generate_edit_check_save_submit_and_diff(data_dir):
    at = new_page()
    fill_form(at)
    at.button(key="search").click().run()
    pins = [c for c in at.checkbox if (c.key or "").startswith("pin_")]
    assert pins, "retrieved examples are listed"
    pins[0].check().run()
    pinned_id = pins[0].key.removeprefix("pin_")
    assert at.session_state["pinned"] == [pinned_id]
    text = generate(at)
    assert "86户" in text and at.session_state["request"]["pinned_examples"] == [pinned_id]
    assert any("模板" in c.value for c in at.caption), "the provider is named in Chinese"
    assert any(s.startswith("核对通过") for s in messages(at, "success"))

    type_text(at, text.replace("86户", "68户", 1))
    assert any(e.startswith("发现") and "1 个数字有问题" in e for e in messages(at, "error"))
    at.button(key="save").click().run()
    assert "已保存为第 2 版" in messages(at, "success")  # v1 = generated text, v2 = the edit
    diff = [h.value for h in at.html if "diff-view" in h.value]
    assert diff and "@@" not in diff[0] and re.search(r"<del[^>]*>86</del>", diff[0])
    assert at.selectbox(key="diff_to_2").value == 2 and at.selectbox(key="diff_from_2").value == 1
    at.button(key="submit").click().run()
    assert any(w.startswith("核对没有通过：发现") for w in messages(at, "warning")), "a failing draft: asked"
    assert service(data_dir).get_draft(at.session_state["draft_id"]).status == "draft"
    at.button(key="submit_failing").click().run()
    assert "已提交第 2 版，等待审核" in messages(at, "success")
    assert any("**已提交**" in m.value for m in at.markdown)
    type_text(at, at.session_state["draft_text"] + "\n补充。")
    at.button(key="save").click().run()
    assert at.selectbox(key="diff_to_3").value == 3, "the selectors follow the newest version"
    assert any("提交已失效" in w for w in messages(at, "warning"))


def test_regenerating_over_edited_text_asks_and_keeps_the_edit_as_a_version(data_dir):
    at = new_page()
    fill_form(at)
    text = generate(at)
    edited = text + "\n我自己加的一句话。"
    type_text(at, edited)
    at.button(key="generate").click().run()
    assert any("重新生成会替换编辑框中的内容" in w for w in messages(at, "warning"))
    assert at.session_state["draft_text"] == edited, "nothing is replaced before the answer"
    at.button(key="regen_no").click().run()
    assert at.session_state["draft_text"] == edited and not at.session_state["confirm_regen"]
    at.button(key="generate").click().run()
    at.button(key="regen_yes").click().run()
    assert not at.exception, at.exception
    draft_id = at.session_state["draft_id"]
    assert draft_id and at.session_state["draft_text"] == text
    versions = service(data_dir).list_versions(draft_id)
    assert versions[-1].text == edited, "the edited text is kept as a version of the same draft"


def test_a_reload_restores_form_draft_and_unsaved_edit(data_dir):
    at = new_page()
    fill_form(at)
    text = generate(at)
    type_text(at, text + "\n还没保存的修改。")
    again = new_page()  # a reload: a new session of the same (local) user
    assert again.text_input(key="f_org").value == "滨江区总工会"
    assert again.session_state["draft_text"] == text + "\n还没保存的修改。"
    assert any("未保存的修改" in i for i in messages(again, "info"))


def test_sign_in_decides_the_author_and_the_tabs(data_dir):
    svc = service(data_dir)
    svc.create_user("张秘书", "password-1", "writer")
    svc.create_user("王审核", "password-2", "reviewer")
    at = new_page()
    assert not at.tabs and at.text_input(key="login_name")
    at.text_input(key="login_name").input("张秘书")
    at.text_input(key="password").input("wrong-password")
    at.button[0].click().run()
    assert any(m.startswith("用户名或密码不正确") for m in messages(at, "error")) and not at.tabs
    time.sleep(1.1)  # DRAFTER_SIGNIN_DELAY_S: the next attempt waits a second after a wrong password
    at.text_input(key="password").input("password-1")
    at.button[0].click().run()
    assert not at.exception and [t.label for t in at.tabs] == ["起草（秘书）"]
    token = at.session_state["session_token"]
    assert svc.page_session_user(token) == "张秘书" and not at.query_params.get("s"), "a session, not in the URL"
    fill_form(at)
    generate(at)
    at.button(key="save").click().run()
    assert svc.list_versions(at.session_state["draft_id"])[0].author == "张秘书"

    reviewer = new_page()
    reviewer.text_input(key="login_name").input("王审核")
    reviewer.text_input(key="password").input("password-2")
    reviewer.button[0].click().run()
    assert [t.label for t in reviewer.tabs] == ["审核（审核人）"]


def _submitted_draft(svc, text_change=None):
    from drafter.models import DraftRequest
    from drafter.view.signin import PageUser

    writer = PageUser(name="张秘书", role="writer")
    request = DraftRequest(org="滨江区总工会", period="2025年", facts=["春节走访慰问困难职工86户", "举办竞赛3场"])
    result = svc.draft(request)
    detail = svc.create_draft(request, result, writer)
    if text_change:
        svc.save_version(detail.id, result.text.replace(*text_change, 1), 1, writer)
    svc.submit(detail.id, writer)
    return detail.id, writer, result.text


def test_export_warns_and_asks_when_the_check_fails_and_takes_the_signature(data_dir):
    svc = service(data_dir)
    draft_id, _, _ = _submitted_draft(svc, ("86户", "68户"))
    at = new_page()
    at.selectbox(key="s_pick").select(draft_id).run()
    at.button(key="s_open").click().run()
    at.button(key="export_toggle").click().run()
    assert any("核对没有通过" in w for w in messages(at, "warning"))
    assert not at.get("download_button"), "no file before the user confirms"
    at.text_input(key="sig_date").input("2026年1月5日")
    at.checkbox(key="export_ack").check().run()
    assert at.get("download_button")


def test_password_gate_for_one_person_use(data_dir, monkeypatch):
    monkeypatch.setenv("DRAFTER_UI_PASSWORD", "s3cret")
    at = new_page()
    assert not at.tabs and at.text_input(key="password")
    at.text_input(key="password").input("wrong")
    at.button[0].click().run()
    assert "密码不正确，请重新输入" in messages(at, "error") and not at.tabs
    at.text_input(key="password").input("s3cret")
    at.button[0].click().run()
    assert any(e.startswith("尝试过于频繁") for e in messages(at, "error")) and not at.tabs, "too soon: not checked"
    time.sleep(1.1)  # DRAFTER_SIGNIN_DELAY_S after one wrong password
    at.button[0].click().run()
    assert not at.exception and len(at.tabs) == 2


def test_a_stale_save_shows_the_other_version_beside_mine_and_keeps_mine(data_dir):
    from drafter.view.signin import PageUser

    svc = service(data_dir)
    at = new_page()
    fill_form(at)
    text = generate(at)
    at.button(key="save").click().run()
    draft_id = at.session_state["draft_id"]
    svc.save_version(draft_id, text + "\n别人的修改。", 1, PageUser(name="李编辑", role="editor"))
    type_text(at, text + "\n我的修改。")
    at.button(key="save").click().run()
    assert any("保存失败" in e and "第 2 版" in e for e in messages(at, "error"))
    side_by_side = [re.sub(r"<[^>]+>", "", h.value) for h in at.html if "diff-view" in h.value and "李编辑" in h.value]
    assert side_by_side and "别人的修改" in side_by_side[0] and "我的修改" in side_by_side[0]
    at.button(key="load_latest").click().run()
    assert at.session_state["draft_text"] == text + "\n别人的修改。" and at.session_state["base_version"] == 2
    assert any("我的修改" in c.value for c in at.code), "my text stays on the page to copy"
