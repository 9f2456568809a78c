"""Word export read back with python-docx: GB/T 9704 page, fonts, sizes, headings, indent, page numbers, text."""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from drafter.documents.export_docx import render_docx, title_lines
from drafter.documents.paragraphs import document_parts, file_name, split_paragraphs

ORG = "华东精密机械有限公司工会"
TITLE = f"{ORG}2025年度工作总结"
BODY = """2025年，公司工会在上级工会的领导下，认真履行各项职能。

一、主要工作及成效

（一）坚持思想引领。全年组织职工政治理论学习12次，覆盖职工1,860人次。

（二）做实服务保障

春节走访慰问困难职工86户，
发放慰问金12.6万元。

二、下一步工作打算

2026年，工会将进一步完善帮扶机制。"""


def east_asia(run) -> str:
    return run._r.rPr.rFonts.get(qn("w:eastAsia"))


@pytest.fixture(scope="module")
def document():
    return docx.Document(io.BytesIO(render_docx(TITLE, BODY, ORG, "2025年12月31日")))


def text_paragraphs(document):
    return [p for p in document.paragraphs if p.text.strip()]


def test_a4_page_with_the_standard_margins(document):
    section = document.sections[0]
    expected = {"page_width": 210, "page_height": 297, "top_margin": 37, "bottom_margin": 35, "left_margin": 28,
                "right_margin": 26}
    for name, mm in expected.items():
        assert abs(getattr(section, name) - Mm(mm)) < Mm(0.1), name


def test_title_font_size_and_centring(document):
    title = text_paragraphs(document)[0]
    assert title.text.replace("\n", "") == TITLE
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert {east_asia(r) for r in title.runs} == {"方正小标宋简体"}
    assert {r.font.size for r in title.runs} == {Pt(22)}


def test_body_text_equals_the_paragraphs_then_org_and_date(document):
    paragraphs = text_paragraphs(document)
    assert [p.text for p in paragraphs[1:-2]] == split_paragraphs(BODY)
    assert "春节走访慰问困难职工86户，发放慰问金12.6万元。" in [p.text for p in paragraphs]
    org, date = paragraphs[-2:]
    assert (org.text, date.text) == (ORG, "2025年12月31日")
    assert org.alignment == date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # GB/T 9704 7.3.5.2: org 右空二字; the date starts two characters right of the org's first character
    assert org.paragraph_format.right_indent == Pt(32)
    org_start = Pt(32) + Pt(16 * 12)  # 12 full-width characters
    date_start = date.paragraph_format.right_indent + Pt(16 * (3 + 8 * 0.5))  # 年月日 + 8 half-width digits
    assert org_start - date_start == Pt(32)


def test_body_fonts_sizes_indent_and_line_spacing(document):
    body = [p for p in text_paragraphs(document)[1:-2] if not p.text.startswith(("一、", "二、", "（"))]
    assert body
    for paragraph in body:
        assert {east_asia(r) for r in paragraph.runs} == {"仿宋_GB2312"}
        assert {r.font.size for r in paragraph.runs} == {Pt(16)}
        fmt = paragraph.paragraph_format
        assert fmt.first_line_indent == Pt(32)
        assert paragraph._p.pPr.ind.get(qn("w:firstLineChars")) == "200"
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and abs(fmt.line_spacing - Pt(28.95)) < Pt(0.05)
        assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY


def test_heading_fonts_by_level(document):
    by_text = {p.text: p for p in document.paragraphs}
    for heading in ("一、主要工作及成效", "二、下一步工作打算"):
        assert [east_asia(r) for r in by_text[heading].runs] == ["黑体"]
    assert [east_asia(r) for r in by_text["（二）做实服务保障"].runs] == ["楷体_GB2312"]
    mixed = by_text["（一）坚持思想引领。全年组织职工政治理论学习12次，覆盖职工1,860人次。"]
    assert [(r.text, east_asia(r)) for r in mixed.runs] == [
        ("（一）坚持思想引领。", "楷体_GB2312"), ("全年组织职工政治理论学习12次，覆盖职工1,860人次。", "仿宋_GB2312")]
    assert by_text["一、主要工作及成效"].paragraph_format.first_line_indent == Pt(32)


def test_page_numbers_in_the_footers(document):
    section = document.sections[0]
    assert document.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in "".join(t.text for t in footer._element.iter(qn("w:instrText")))
        assert xml.count('w:fldCharType="begin"') == 1 and xml.count('w:fldCharType="end"') == 1
        assert footer.paragraphs[0].text.startswith("— ") and footer.paragraphs[0].text.endswith(" —")
    assert section.footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert section.even_page_footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_fallback_fonts_are_declared_in_the_font_table(document):
    table = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml").blob
    text = table.decode("utf-8")
    for name, fallback in (("方正小标宋简体", "宋体"), ("仿宋_GB2312", "仿宋"), ("楷体_GB2312", "楷体")):
        assert f'w:name="{name}"><w:altName w:val="{fallback}"/>' in text


def test_split_paragraphs_blank_lines_hard_wraps_and_headings():
    text = "一、标题\n正文第一句，\n接着写完。\n第二段。\n\n\n  （一）小标题\r\n## 三、Markdown 标题"
    assert split_paragraphs(text) == ["一、标题", "正文第一句，接着写完。", "第二段。", "（一）小标题", "三、Markdown 标题"]
    assert split_paragraphs("  \n\n") == []


def test_long_titles_break_after_the_organisation():
    assert title_lines(TITLE, ORG) == [ORG, "2025年度工作总结"]
    assert title_lines("短标题", ORG) == ["短标题"]


def test_title_line_and_signature_in_the_text_are_not_repeated():
    text = f"{TITLE}\n\n正文一段。\n\n{ORG}\n\n2025年12月20日"
    title, body, org, date = document_parts(text, "派生标题", ORG, "2026年1月1日")
    assert (title, body, org, date) == (TITLE, "正文一段。", ORG, "2025年12月20日")
    assert document_parts("正文一段。", "派生标题", ORG, "2026年1月1日") == ("派生标题", "正文一段。", ORG, "2026年1月1日")


def test_file_names_are_safe():
    name = file_name('a/b\\c:"工会"*总结?', 3)
    assert name == "abc工会总结（第3版）.docx"
    assert "/" not in file_name("../../etc/passwd", 1)
