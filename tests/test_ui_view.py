"""Pure view helpers of the page: highlighted HTML, form parsing, uploads, stream progress, diff, CLI command."""

from __future__ import annotations

import io
import re

import pytest

from drafter.models import CheckResult, DraftEvent, DraftResult, MissingFact, NumberHit, SectionResult
from drafter.view import diff as vdiff
from drafter.view import highlight as vh
from drafter.view import inputs as vin
from drafter.view import labels as vl
from drafter.view import review as vr
from drafter.view.stream import StreamProgress, result_notes

FACTS = ["春节走访慰问困难职工86户，发放慰问金12.6万元", "举办技能竞赛3场"]
DRAFT = "走访慰问困难职工68户，发放慰问金12.6万元，举办竞赛xx场。"


def _hit(text: str, status: str, fact_line: int | None = None, note: str | None = None) -> NumberHit:
    start = DRAFT.index(text)
    return NumberHit(start=start, end=start + len(text), text=text, value=None, unit=None, status=status,
                     fact_line=fact_line, note=note)


CHECK = CheckResult(ok=False, numbers=[_hit("68户", "mismatch", 1, "第1行事实为 86户"), _hit("12.6万元", "supported", 1),
                                       _hit("xx场", "placeholder")],
                    missing=[MissingFact(fact_line=2, text="举办技能竞赛3场")])


def _spans(html: str) -> list[tuple[str, str, str]]:
    """(status, title, text) of every highlighted number in the rendered view."""
    return re.findall(r'data-status="(\w+)"[^>]*title="([^"]*)"[^>]*>([^<]*)</span>', html)


def test_draft_html_colours_each_number_and_hover_names_the_fact():
    spans = _spans(vh.draft_html(DRAFT, CHECK, FACTS))
    assert [(s, t) for s, _, t in spans] == [("mismatch", "68户"), ("supported", "12.6万元"), ("placeholder", "xx场")]
    mismatch_title = spans[0][1]
    assert "事实第1行" in mismatch_title and "86户" in mismatch_title
    assert "占位符" in spans[2][1]


def test_draft_html_escapes_text_and_keeps_every_character():
    text = "<b>你好</b> & 86户\n第二行"
    check = CheckResult(ok=True, numbers=[NumberHit(start=14, end=17, text="86户", value=86, unit="户",
                                                   status="supported", fact_line=1)])
    html = vh.draft_html(text, check, ["86户"])
    assert "<b>" not in html and "&lt;b&gt;" in html
    plain = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert plain == text


def test_focus_spans_outline_the_chosen_fact_even_across_a_number():
    start = DRAFT.index("发放")
    html = vh.draft_html(DRAFT, CHECK, FACTS, focus=[(start, start + 10)])
    focused = "".join(re.findall(r'class="focus"[^>]*>(.*?)</span>(?=<|$)', html))
    assert "发放慰问金" in re.sub(r"<[^>]+>", "", focused)
    assert html.count('class="focus"') >= 2  # split at the number's edge, both parts outlined


def test_number_rows_list_problems_with_the_fact_value():
    rows = vh.number_rows(CHECK, FACTS)
    assert [r["数字"] for r in rows] == ["68户", "xx场"]
    assert rows[0]["对应事实"].startswith("第1行") and "86户" in rows[0]["对应事实"]
    assert len(vh.number_rows(CHECK, FACTS, only_problems=False)) == 3
    problems = vh.problem_rows(CHECK, FACTS)
    assert problems[-1]["状态"] == "未写入初稿" and problems[-1]["对应事实"] == "第2行：举办技能竞赛3场"


def test_summary_text_passes_only_a_clean_check():
    assert vl.summary_text(CheckResult(ok=True)) == "数字核对通过"
    text = vl.summary_text(CHECK)
    assert "3 处问题" in text and "2 个数字" in text and "1 条事实" in text


def test_build_request_cleans_pasted_bullets_and_full_width_text():
    pasted = "• 春节走访慰问困难职工86户\n\n1、发放慰问金12.6万元\n（2）举办技能竞赛3场\n　　"
    request, errors = vin.build_request("市总工会", "2025年", "年度总结", " 送温暖 ", pasted, "- 覆盖面不够", "", ["a.md"])
    assert errors == []
    assert request.facts == ["春节走访慰问困难职工86户", "发放慰问金12.6万元", "举办技能竞赛3场"]
    assert request.topic == "送温暖" and request.problems == ["覆盖面不够"] and request.pinned_examples == ["a.md"]


def test_build_request_reports_every_missing_field_in_chinese():
    request, errors = vin.build_request("", " ", "年度总结", "", "\n \n")
    assert request is None
    assert "请填写单位" in errors and "请填写期间" in errors
    assert any("事实" in e for e in errors)


def test_facts_from_docx_and_gbk_text_and_bad_files():
    from docx import Document

    doc = Document()
    doc.add_paragraph("1. 走访职工86户")
    doc.add_paragraph("")
    doc.add_paragraph("● 发放慰问金12.6万元")
    buf = io.BytesIO()
    doc.save(buf)
    assert vin.facts_from_file("事实.docx", buf.getvalue()) == (["走访职工86户", "发放慰问金12.6万元"], None)
    assert vin.facts_from_file("facts.txt", "- 举办竞赛3场\n".encode("gbk"))[0] == ["举办竞赛3场"]
    facts, error = vin.facts_from_file("坏.docx", b"not a zip")
    assert facts == [] and "坏.docx" in error
    assert "类型不支持" in vin.facts_from_file("a.pdf", b"%PDF")[1]
    assert "没有找到事实" in vin.facts_from_file("空.txt", b"\n\n")[1]


def test_merge_facts_appends_only_new_lines():
    merged = vin.merge_facts("走访职工86户\n", ["走访职工86户", "举办竞赛3场"])
    assert merged == "走访职工86户\n举办竞赛3场"
    assert vin.merge_facts("", ["a"]) == "a"


def test_export_name_is_a_safe_file_name():
    name = vin.export_name({"org": "市/总 工会", "period": "2025年", "kind": "年度总结", "topic": None})
    assert name == "市总工会2025年年度总结.docx"


def _result(text: str = "全文") -> DraftResult:
    section = SectionResult(heading="一、主要工作", text=text, provider="template", fallback=True,
                            fallback_reason="数字不符", check=CheckResult(ok=True))
    return DraftResult(text=text, sections=[section], check=CheckResult(ok=True), provider="template",
                       elapsed_s=0.1, warnings=["事实超过上限"])


def test_stream_progress_follows_sections_and_ends_with_the_result():
    progress = StreamProgress()
    progress.apply(DraftEvent(type="plan", data={"sections": [{"heading": "一、主要工作"}, {"heading": "二、问题"}]}))
    assert progress.fraction == 0 and "规划" not in progress.label
    progress.apply(DraftEvent(type="section_started", data={"index": 0, "heading": "一、主要工作"}))
    assert "一、主要工作" in progress.label
    progress.apply(DraftEvent(type="token", data={"index": 0, "text": "今年"}))
    progress.apply(DraftEvent(type="token", data={"index": 0, "text": "走访"}))
    assert progress.text == "今年走访"
    progress.apply(DraftEvent(type="section_started", data={"index": 0, "heading": "一、主要工作", "attempt": 2}))
    assert progress.text == "", "a repair attempt restarts the section"
    progress.apply(DraftEvent(type="section_done", data={"index": 0, "section": {
        "heading": "一、主要工作", "text": "一、主要工作\n模板正文", "fallback": True}}))
    assert progress.fraction == 0.5 and progress.text == "一、主要工作\n模板正文" and progress.notes
    progress.apply(DraftEvent(type="done", data={"result": _result().model_dump()}))
    assert progress.fraction == 1.0 and progress.result.text == "全文" and progress.provider == "template"


def test_result_notes_name_fallback_sections_and_warnings():
    notes = result_notes(_result())
    assert any("一、主要工作" in n and "模板" in n for n in notes) and "事实超过上限" in notes


def test_side_by_side_diff_colours_changed_characters_without_diff_markers():
    before, after = "一、主要工作\n走访86户。发放12万元。", "一、主要工作\n走访68户。发放12万元。新增一句。"
    rows = vdiff.side_by_side_rows(before, after)
    kinds = [k for k, _, _ in rows]
    assert kinds == ["same", "changed", "same", "added"]
    assert re.search(r"<del[^>]*>86</del>户", rows[1][1]) and re.search(r"<ins[^>]*>68</ins>户", rows[1][2])
    html = vdiff.side_by_side_html(before, after, "第 1 版", "第 2 版")
    assert "@@" not in html and "+++" not in html and "第 1 版" in html and "新增一句" in html
    assert "两个版本内容相同" in vdiff.side_by_side_html("甲。", "甲。", "a", "b")
    changes = [{"change": "changed", "before": {"text": "86户"}, "after": "68户"}]
    assert vdiff.change_rows(changes) == [{"变化": "修改", "原数字": "86户", "新数字": "68户"}]


def test_long_unchanged_runs_are_folded():
    same = "".join(f"第{i}句。" for i in range(10))
    rows = vdiff.side_by_side_rows(same + "旧。", same + "新。")
    assert len(rows) == 4 and rows[1][1] == "…" and rows[-1][0] == "changed"


def test_fact_rows_show_used_where_and_unused():
    usage = [{"fact_line": 1, "text": FACTS[0], "used": True, "spans": [[DRAFT.index("68户"), DRAFT.index("68户") + 3]]},
             {"fact_line": 2, "text": FACTS[1], "used": False, "spans": []}]
    rows = vr.fact_rows(usage, DRAFT, CHECK)
    assert rows[0]["使用情况"].startswith("已使用") and "68户" in rows[0]["出现位置"] and "68户" in rows[0]["核对"]
    assert rows[1]["使用情况"] == "未使用" and rows[1]["出现位置"] == "—"
    options = vr.fact_options(usage)
    assert vr.spans_of(usage, options[next(iter(options))]) == [(DRAFT.index("68户"), DRAFT.index("68户") + 3)]
    assert vr.unused_rows(usage) == [{"行": "2", "未使用的事实": FACTS[1]}]
    wrong = DRAFT.index("68户")
    assert (wrong, wrong + 3) in vr.focus_spans(usage, CHECK, 1), "the mismatch checked against fact 1 is outlined"
    assert vr.focus_spans(usage, CHECK, None) == []


def test_ui_command_runs_streamlit_on_the_given_port():
    from drafter.cli.ui_cmd import APP_FILE, streamlit_command

    cmd = streamlit_command(8765, "127.0.0.1", True)
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4] == str(APP_FILE) and APP_FILE.exists()
    assert cmd[cmd.index("--server.port") + 1] == "8765"


@pytest.mark.parametrize("status", ["supported", "mismatch", "unsupported", "placeholder"])
def test_every_status_has_a_label_and_colour(status):
    assert vl.STATUS_LABELS[status] and vl.STATUS_COLORS[status]


def test_hits_are_grouped_per_example_with_their_matched_sections():
    hit = {"text": "正文" * 80, "title": "范文甲", "kind": "年度总结", "source": "a.md", "heading": "一、工作", "role": "body",
           "score": 1.0, "example_id": "a.md"}
    groups = vl.group_hits([hit, {**hit, "heading": ""}, {**hit, "example_id": "b.md", "title": "范文乙"},
                            {**hit, "heading": "一、工作"}])
    assert [g["id"] for g in groups] == ["a.md", "b.md"]
    assert groups[0]["sections"] == ["一、工作", "开头"] and len(groups[0]["snippet"]) == 91


def test_readiness_is_plain_chinese_and_the_details_are_separate():
    ready = {"index": {"chunks": 338}, "providers": {
        "local": {"available": False, "detail": "未安装"}, "template": {"available": True, "detail": "模板"}}}
    assert vl.readiness_summary(ready) == ["范文库：338 段", "可用的生成方式：模板"]
    assert vl.readiness_lines(ready) == ["范文库：338 段", "本地模型（不可用）：未安装", "模板（可用）：模板"]
    assert vl.provider_label("openai") == "在线模型接口" and vl.provider_label("local") == "本地模型"
