"""Imported facts are facts: a document's title line and its section headings are not (issue 20)."""

from __future__ import annotations

import io

import pytest

from drafter.domain.facts import facts_and_headings, is_heading_line
from drafter.view.inputs import facts_from_file


def test_title_and_heading_lines_of_a_word_file_are_not_facts():
    from docx import Document

    doc = Document()
    doc.add_heading("2025年工会工作事实材料", 0)
    doc.add_paragraph("一、组织建设")
    doc.add_paragraph("全年新发展会员126人")
    doc.add_heading("帮扶工作", 1)  # a Heading style, words alone
    doc.add_paragraph("走访慰问困难职工86户，发放慰问金12.6万元")
    doc.add_paragraph("（二）文体活动")
    doc.add_paragraph("举办职工篮球赛")
    data = io.BytesIO()
    doc.save(data)
    facts, error = facts_from_file("事实.docx", data.getvalue())
    assert error is None
    assert facts == ["全年新发展会员126人", "走访慰问困难职工86户，发放慰问金12.6万元", "举办职工篮球赛"]


def test_title_lines_of_a_sheet_are_not_facts():
    from openpyxl import Workbook

    book = Workbook()
    for row in (["2025年工会工作情况"], ["一、组织建设"], ["全年新发展会员126人"], ["开展职工书屋建设"]):
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    assert facts_from_file("事实.xlsx", data.getvalue()) == (["全年新发展会员126人", "开展职工书屋建设"], None)


@pytest.mark.parametrize("line, heading", [
    ("2025年工会工作事实材料", True), ("某公司工会2025年上半年工作总结", True), ("一、组织建设", True),
    ("（三）帮扶工作", True), ("新建职工书屋", False), ("一、新建职工书屋2个", False),
    ("组织职工参加安全知识竞赛", False), ("全年工作情况良好，会员增加到126人", False)])
def test_heading_lines(line, heading):
    assert is_heading_line(line) is heading


def test_facts_and_headings_keeps_the_headings_apart():
    facts, headings = facts_and_headings(["工会工作总结", "- 发展会员126人", "", "（一）帮扶"])
    assert facts == ["发展会员126人"] and headings == ["工会工作总结", "帮扶"]


def test_an_imported_files_section_headings_become_her_outline_in_the_facts_box():
    from docx import Document

    from drafter.domain.typed_outline import typed_outline
    from drafter.view.inputs import box_lines_from_file

    doc = Document()
    doc.add_heading("2025年工会工作事实材料", 0)
    doc.add_paragraph("一、组织建设")
    doc.add_paragraph("全年新发展会员126人")
    doc.add_heading("帮扶工作", 1)
    doc.add_paragraph("走访慰问困难职工86户，发放慰问金12.6万元")
    data = io.BytesIO()
    doc.save(data)
    lines, count, error = box_lines_from_file("事实.docx", data.getvalue())
    assert error is None and count == 2
    assert lines == ["一、组织建设", "全年新发展会员126人", "【帮扶工作】", "走访慰问困难职工86户，发放慰问金12.6万元"]
    outline = typed_outline(lines)
    assert [(s.heading, s.facts) for s in outline.sections] == [("组织建设", [1]), ("帮扶工作", [2])]


@pytest.mark.parametrize("line", ["现将我局工会2025年上半年工作总结报告如下，请审阅。", "现将一年来的工作情况总结如下：",
                                  "特此报告。", "以上是本厂工会全年的工作情况汇报，不妥之处敬请批评指正。"])
def test_a_documents_own_frame_is_not_a_fact(line):
    from drafter.domain.facts import is_document_frame

    assert is_document_frame(line)
    assert facts_and_headings(["一、组织建设", line, "全年新发展会员126人"]) == (["全年新发展会员126人"], ["组织建设"])


@pytest.mark.parametrize("line", ["向职代会报告工作3次", "现将慰问金12.6万元发放到困难职工手中", "组织职工审阅集体合同草案",
                                  "召开审议会议，审议通过集体合同"])
def test_facts_that_report_or_review_stay_facts(line):
    from drafter.domain.facts import is_document_frame

    assert not is_document_frame(line)
    assert facts_and_headings([line])[0] == [line]
