"""Passage comments anchored on the text shown now (moved, repeated, gone: 原文已修改), and the reviewer's
sentence-by-sentence view of the facts each sentence draws on."""

from __future__ import annotations

from datetime import datetime, timezone

from drafter.models import CheckResult
from drafter.numcheck import check
from drafter.domain.records import PassageComment, ReviewInfo
from drafter.view import passages, sentences

TEXT = "一、帮扶\n走访慰问困难职工86户。走访慰问困难职工86户的名单已公示。"


def _review(*items: PassageComment) -> ReviewInfo:
    return ReviewInfo(decision="return", comment="", reviewer="王审核", created_at=datetime.now(timezone.utc),
                      version=2, passages=list(items))


def test_anchor_keeps_the_span_follows_a_moved_quote_and_reports_a_gone_one():
    first = TEXT.index("86户")
    second = TEXT.index("86户", first + 1)
    assert passages.anchor("86户", first, TEXT) == (first, first + 3)
    assert passages.anchor("86户", second - 2, TEXT) == (second, second + 3), "the nearest occurrence"
    edited = "补充一句。" + TEXT
    assert passages.anchor("86户", first, edited) == (first + 5, first + 8), "text inserted before the quote"
    assert passages.anchor("86户", first, TEXT.replace("86户", "90户")) is None
    assert passages.anchor("", 0, TEXT) is None


def test_notes_show_stored_and_pending_comments_and_never_drop_a_stale_one():
    start = TEXT.index("走访慰问困难职工86户")
    stored = _review(PassageComment(start=start, end=start + 11, quote="走访慰问困难职工86户", comment="写明时间"),
                     PassageComment(start=0, end=4, quote="一、帮扶", comment="标题太短"))
    pending = [{"start": 5, "end": 7, "quote": "走访", "comment": "待提交的"}]
    edited = TEXT.replace("一、帮扶", "一、帮扶送温暖工作")  # the heading quote still occurs; nothing else moved
    edited = edited.replace("走访慰问困难职工86户。", "入户走访困难职工86户。")  # the first quote is gone here only
    got = passages.notes([stored], pending, edited)
    assert [n["id"] for n in got] == ["r0.0", "r0.1", "p0"]
    moved = got[0]
    assert not moved["stale"] and edited[moved["start"]:moved["end"]] == "走访慰问困难职工86户", "the second one"
    assert not got[1]["stale"] and edited[got[1]["start"]:got[1]["end"]] == "一、帮扶"
    assert got[2]["pending"] and "王审核" in got[0]["who"] and "第 2 版退回" in got[0]["who"]
    gone = passages.notes([stored], [], "全部重写了。")
    assert all(n["stale"] for n in gone) and gone[0]["quote"] == "走访慰问困难职工86户"
    assert passages.note_lines(gone)[0].startswith("【原文已修改】批注「走访慰问困难职工86户」")


def test_a_selection_becomes_a_passage_comment_only_with_a_quote_from_the_text_and_a_comment():
    start = TEXT.index("86户")
    passage, problem = passages.selected_passage(TEXT, {"start": start, "end": start + 3, "quote": "86户",
                                                        "comment": " 核实 "})
    assert problem == "" and (passage.start, passage.end, passage.comment) == (start, start + 3, "核实")
    drifted, _ = passages.selected_passage(TEXT, {"start": start + 1, "quote": "86户", "comment": "x"})
    assert drifted.start == start, "offsets that drifted are put back on the quote"
    for bad in (None, {"quote": "", "comment": "x"}, {"quote": "没有这句", "comment": "x"},
                {"quote": "86户", "comment": ""}, {"quote": "86户", "comment": "x" * 2001},
                {"start": "abc", "quote": "没有", "comment": "x"}):
        got, problem = passages.selected_passage(TEXT, bad)
        assert got is None and problem, bad


CONTEXT = ["滨江区总工会", "2025年"]
FACTS = ["春节走访慰问困难职工86户，发放慰问金12.6万元", "举办职工技能竞赛3场，参赛职工420人次", "新建职工书屋5个"]
DRAFT = """滨江区总工会2025年工作总结

2025年，滨江区总工会在上级工会的领导下，扎实推进各项工作。

一、帮扶送温暖
春节期间，工会走访慰问困难职工86户，发放慰问金12.6万元。

二、劳动竞赛
举办职工技能竞赛3场，参赛职工420人次。我们荣获全国先进。
"""


def test_each_sentence_lists_its_fact_lines_frame_text_and_left_out_facts():
    result = check(FACTS, DRAFT, context=CONTEXT)
    rows = sentences.sentence_rows(DRAFT, result, FACTS)
    by_text = {r["句子"]: r for r in rows}
    assert by_text["春节期间，工会走访慰问困难职工86户，发放慰问金12.6万元。"]["依据的事实"].startswith("事实第1条：春节走访")
    assert by_text["举办职工技能竞赛3场，参赛职工420人次。"]["依据的事实"].startswith("事实第2条")
    assert by_text["2025年，滨江区总工会在上级工会的领导下，扎实推进各项工作。"]["依据的事实"] == sentences.FRAME
    assert by_text["一、帮扶送温暖"]["依据的事实"] == sentences.HEADING
    invented = by_text["我们荣获全国先进。"]
    assert invented["依据的事实"] == sentences.NO_FACT and "说法" in invented["核对"]
    assert [r["句子"] for r in rows] == [DRAFT[s.start:s.end].strip() for s in result.sentences]
    left = sentences.unused_fact_rows(result, FACTS, [3])
    assert left == [{"事实": "事实第3条：新建职工书屋5个", "情况": "未写入"}]
    wrong = DRAFT.replace("86户", "68户")
    left = sentences.unused_fact_rows(check(FACTS, wrong, context=CONTEXT), FACTS, [3])
    assert [row["情况"] for row in left] == [sentences.PART, sentences.UNUSED], "86户 is not written"


def test_a_wrong_number_is_named_in_its_sentence():
    draft = DRAFT.replace("86户", "68户")
    rows = sentences.sentence_rows(draft, check(FACTS, draft, context=CONTEXT), FACTS)
    row = next(r for r in rows if "68户" in r["句子"])
    assert "数字有误：68户" in row["核对"]
    assert sentences.sentence_rows("", CheckResult(ok=True), FACTS) == []
