"""textkit: the one definition of sentences, clauses, headings, list marks, placeholders and decoding."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textkit.decoding import DecodeError, decode_text
from textkit.headings import classify, numbering, strip_list_mark, without_number
from textkit.placeholders import find_placeholders
from textkit.sentences import (
    chinese_punctuation,
    clause_spans,
    ends_sentence,
    has_sentence_end,
    sentence_lines,
    sentence_spans,
    split_sentences,
)

PROSE = "一、工作\n走访86户；发放慰问金12万元。他说：“好。”参加活动！\n\n完"
ALPHABET = "走访户元。！？；，：“”）\n 12ab"


def test_sentences_end_at_marks_with_their_closers_and_keep_the_line_break():
    assert split_sentences(PROSE) == ["一、工作\n", "走访86户；", "发放慰问金12万元。", "他说：“好。”", "参加活动！\n",
                                      "\n", "完"]


def test_without_semicolons_a_semicolon_stays_inside_the_sentence():
    assert split_sentences("走访86户；发放12万元。", semicolons=False) == ["走访86户；发放12万元。"]


@given(st.text(alphabet=ALPHABET, max_size=60))
def test_sentence_and_clause_spans_tile_the_text(text):
    spans = sentence_spans(text)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b > a for a, b in spans)
    for start, end in spans:
        clauses = clause_spans(text, start, end)
        assert "".join(text[a:b] for a, b in clauses) == text[start:end]


def test_spans_without_line_breaks_for_highlighting():
    text = "走访86户。\n\n发放慰问金；完"
    assert [text[a:b] for a, b in sentence_spans(text, line_breaks=False)] == ["走访86户。", "发放慰问金；", "完"]


def test_sentence_lines_cut_each_line_and_keep_empty_lines():
    assert sentence_lines("走访86户。发放慰问金！\n\n完") == ["走访86户。", "发放慰问金！", "", "完"]


def test_clauses_split_at_commas_and_colons():
    text = "2025年2月，工会召开职代会：收集提案37件。"
    assert [text[a:b] for a, b in clause_spans(text)] == ["2025年2月，", "工会召开职代会：", "收集提案37件。"]


@pytest.mark.parametrize(("text", "ends"), [("召开大会。", True), ("他说：“好。”", True), ("开展活动…", True),
                                            ("（一）组织建设", False), ("开展活动，", False), ("", False)])
def test_ends_sentence(text, ends):
    assert ends_sentence(text) is ends


def test_has_sentence_end_ignores_the_final_mark():
    assert not has_sentence_end("一、加强组织建设。")
    assert has_sentence_end("1、召开大会。审议报告。")


@pytest.mark.parametrize(("line", "category", "text", "pure"), [
    ("一、加强组织建设", "cn", "一、加强组织建设", True),
    ("（二）活动组织：", "cn_paren", "（二）活动组织", True),
    ("(3) 送温暖", "num_paren", "(3) 送温暖", True),
    ("## **二、民主管理**", "cn", "二、民主管理", True),
    ("第二部分 下半年工作", "part", "第二部分 下半年工作", True),
    ("1、召开了一届二次委员扩大会议，审议了工作报告。会议选举产生了新一届委员。", "num",
     "1、召开了一届二次委员扩大会议", False),
    ("下半年工作安排：", "plain", "下半年工作安排", True),
])
def test_classify_headings(line, category, text, pure):
    heading = classify(line)
    assert heading is not None and (heading.category, heading.text, heading.pure) == (category, text, pure)


@pytest.mark.parametrize("line", ["一是加强组织建设，", "5、", "全年走访困难职工86户，发放慰问金12万元。", "3.5万名职工参加"])
def test_ordinary_lines_are_not_headings(line):
    assert classify(line) is None


def test_numbering_and_list_marks():
    assert [numbering(x) for x in ("一、总结", "（一）活动", "1. 走访", "3.5万名", "正文")] == ["cn", "cn_paren", "num",
                                                                                            None, None]
    assert without_number("（二）活动组织") == "活动组织"
    assert [strip_list_mark(x) for x in ("- 走访86户", "（1）召开大会", "① 慰问", "3.5万名职工", "二、 活动")] == [
        "走访86户", "召开大会", "慰问", "3.5万名职工", "活动"]


def test_placeholders():
    found = [text for _, _, text in find_placeholders("20xx年走访XX户，发放×× 万元，**加粗**，20__年")]
    assert found == ["20xx年", "XX户", "××", "20__年"]


def test_decoding_gbk_utf16_and_refusals():
    text = "工会全年走访慰问困难职工八十六户，发放慰问金十二万元。"
    assert decode_text(text.encode("gb18030")) == (text, "gb18030")
    assert decode_text(text.encode("utf-16"))[0] == text
    with pytest.raises(DecodeError, match="PDF"):
        decode_text(b"%PDF-1.7 ...")


@pytest.mark.parametrize(("typed", "written"), [
    ("结合支行实际,在创新上求突破;促进“创争”活动", "结合支行实际，在创新上求突破；促进“创争”活动"),
    ("镇工会(三镇)慰问30多名,共12,600元", "镇工会（三镇）慰问30多名，共12,600元"),
    ("10:30召开大会:审议报告", "10:30召开大会：审议报告"),
    ("还要做什么?", "还要做什么？"),
    ("Hello, world (test)", "Hello, world (test)"),
    ("问题:(1)学习", "问题：(1)学习"),
    # ASCII quote pairs around Chinese (scraped facts, held-out s002_09: 工会始终以"为党政分忧"为己任): “”, in order;
    # an odd count pairs nothing (抓好服务方式创新"为活动主要内容的"五个抓好": no pair can be told)
    ('开展"安康杯"竞赛和"五小"活动', "开展“安康杯”竞赛和“五小”活动"),
    ('调用"abc"和"好"', '调用"abc"和“好”'),
    ('抓好服务方式创新"为活动主要内容的"五个抓好"', '抓好服务方式创新"为活动主要内容的"五个抓好"'),
])
def test_ascii_marks_next_to_chinese_are_written_full_width(typed, written):
    assert chinese_punctuation(typed) == written


@given(st.text(alphabet=ALPHABET + ',;:?!()"'))
def test_chinese_punctuation_keeps_the_length(text):
    assert len(chinese_punctuation(text)) == len(text)
