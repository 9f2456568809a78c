"""The page through AppTest (issue 21): two tabs editing one draft keep both texts; a .docx edited in Word comes
back as a labelled version; versions are labelled and timed in the user's zone; messages name no variables and
no buttons that are not there; the verdict after confirming the first N facts counts only those."""

from __future__ import annotations

import io

from test_ui_app import data_dir, fill_form, generate, messages, new_page, service, type_text  # noqa: F401


def test_two_tabs_editing_one_draft_keep_both_texts(data_dir):
    first = new_page()
    fill_form(first)
    text = generate(first)
    type_text(first, text + "\n甲处的修改。")
    second = new_page()  # another tab of the same user: the work comes back
    assert second.session_state["draft_text"] == text + "\n甲处的修改。"
    type_text(second, text + "\n乙处的修改。")
    svc = service(data_dir)
    assert svc.load_working_copy("本机用户", None).text.endswith("乙处的修改。")
    type_text(first, text + "\n甲处的修改，又改了。")  # the first tab goes on editing
    assert any("另一个标签页或另一台设备" in w for w in messages(first, "warning")), "the page says so"
    assert svc.load_working_copy("本机用户", None).text.endswith("乙处的修改。"), "the other edit is not overwritten"
    shown = [h.value for h in first.html if "diff-view" in h.value]
    assert shown and "乙" in shown[0] and "又改了" in shown[0], "both texts side by side"
    first.button(key="conflict_mine_editor").click().run()
    assert first.session_state["draft_text"].endswith("又改了。")
    assert first.session_state["kept_other"].endswith("乙处的修改。"), "the other text stays on the page"
    assert any(c.value.endswith("乙处的修改。") for c in first.code)
    stored = svc.load_working_copy("本机用户", None)
    assert stored.text.endswith("又改了。") and stored.form["kept_other"].endswith("乙处的修改。")
    type_text(second, text + "\n乙处再改。")  # now the second tab is behind: it is told, and chooses theirs
    assert any("另一个标签页或另一台设备" in w for w in messages(second, "warning"))
    second.button(key="conflict_theirs_editor").click().run()
    assert second.session_state["draft_text"].endswith("又改了。")
    assert second.session_state["kept_other"].endswith("乙处再改。")


def _saved(at) -> str:
    at.button(key="save").click().run()
    return at.session_state["draft_id"]


def test_word_round_trip_makes_a_labelled_checked_version(data_dir):
    from docx import Document

    at = new_page()
    fill_form(at)
    generate(at)
    draft_id = _saved(at)
    svc = service(data_dir)
    name, data = svc.export_docx(draft_id)
    assert name.startswith(svc.get_version(draft_id, 1).text.split("\n")[0]), "the file is named after the title"
    document = Document(io.BytesIO(data))
    edited = next(p for p in document.paragraphs if "86户" in p.text)
    for run in edited.runs:
        run.text = run.text.replace("86户", "96户")
    out = io.BytesIO()
    document.save(out)
    at.file_uploader(key="word_in_0").upload("滨江区总工会2025年工作总结（WPS修改）.docx", out.getvalue()).run()
    assert not at.exception, at.exception
    assert any("导入为第 2 版" in s for s in messages(at, "success")), messages(at, "success") + messages(at, "error")
    version = svc.get_version(draft_id, 2)
    assert version.source == "word" and "96户" in version.text and "86户" not in version.text
    assert version.text.split("\n")[0] == svc.get_version(draft_id, 1).text.split("\n")[0]
    assert not version.check.ok, "the check ran on the imported text (96 is not in the facts)"
    assert at.session_state["draft_text"] == version.text
    at.file_uploader(key="word_in_1").upload("坏.docx", b"not a zip").run()
    assert any("无法读取这个文件" in e for e in messages(at, "error"))


def test_versions_are_labelled_and_timed_in_the_users_zone(data_dir):
    from drafter.view import review as vr

    at = new_page()
    fill_form(at)
    text = generate(at)
    type_text(at, text + "\n补充一句。")
    draft_id = _saved(at)
    svc = service(data_dir)
    svc.restore_version(draft_id, 1, "本机用户")
    versions = svc.list_versions(draft_id)
    rows = vr.version_rows(versions, "Asia/Shanghai", "本机用户")
    assert [r["来源"] for r in rows] == ["生成", "我的修改", "由第1版恢复"]
    utc = versions[0].created_at
    assert rows[0]["时间"].endswith(f"{(utc.hour + 8) % 24:02d}:{utc.minute:02d}"), "Asia/Shanghai is UTC+8"


def test_messages_name_no_variables_and_no_missing_buttons(data_dir, monkeypatch):
    at = new_page()
    fill_form(at, facts="走访" + "职工" * 200)
    at.button(key="generate").click().run()
    errors = messages(at, "error")
    assert errors and all("拆分为多条事实" not in e and "按钮" not in e for e in errors), errors
    assert any("分成几行" in e for e in errors)
    at.text_area(key="f_facts").input("").run()
    at.button(key="generate").click().run()
    assert messages(at, "error") and all("facts" not in e and "DRAFTER" not in e for e in messages(at, "error"))


def test_the_verdict_after_confirming_the_first_facts_counts_only_those(data_dir, monkeypatch):
    monkeypatch.setenv("DRAFTER_MAX_FACTS", "5")
    at = new_page()
    fill_form(at, facts="\n".join(f"开展第{i}次走访活动，慰问职工{i + 10}户" for i in range(1, 9)))
    at.button(key="generate").click().run()
    assert any("超过上限 5 条" in e for e in messages(at, "error"))
    at.checkbox(key="cap_ok").check().run()
    at.button(key="generate").click().run()
    assert len(at.session_state["request"]["facts"]) == 5
    verdicts = messages(at, "success") + messages(at, "error")
    assert not any("3 条事实未写入" in v for v in verdicts), verdicts


def test_a_draft_written_by_another_page_servers_job_arrives_in_this_page(data_dir):
    """The job lives in the store: another page server (its own service over the same database) ran it; a fresh
    page here (a reload that landed on this server) finds it and takes the finished draft into the editor."""
    from drafter.models import DraftRequest
    from drafter.view.signin import LOCAL_USER
    from processes import poll

    other = service(data_dir).generation
    request = DraftRequest(org="滨江区总工会", period="2025年", facts=["春节走访慰问困难职工86户", "举办职工技能竞赛3场"])
    other.start(LOCAL_USER, None, request, "template")
    assert poll(lambda: other.get(LOCAL_USER, None), lambda j: j.state != "running", 120).state == "done"
    at = new_page()
    assert "86户" in at.session_state["draft_text"] and at.session_state["request"]["org"] == "滨江区总工会"
    assert any("初稿已生成" in m for m in messages(at, "success"))
    assert other.get(LOCAL_USER, None) is None  # taken: forgotten on every server
