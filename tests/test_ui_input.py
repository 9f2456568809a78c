"""Honest input on the page: pasted paragraphs split into facts, .xlsx import, limits that block drafting."""

from __future__ import annotations

import io

from drafter.domain.facts import long_lines, needs_split, split_pasted
from drafter.view import inputs as vin

WECHAT = "春节走访慰问困难职工86户；发放慰问金12.6万元；举办职工技能竞赛3场。新建职工书屋5个"


def test_a_pasted_paragraph_splits_at_semicolons_full_stops_and_numbered_items():
    assert split_pasted(WECHAT) == ["春节走访慰问困难职工86户", "发放慰问金12.6万元", "举办职工技能竞赛3场", "新建职工书屋5个"]
    assert split_pasted("1.走访86户 2.发放3.5万元 （3）书屋5个 ④讲座8场") == ["走访86户", "发放3.5万元", "书屋5个", "讲座8场"]
    assert split_pasted("1. 走访86户，发放3.5万元\n\n2、举办竞赛3场") == ["走访86户，发放3.5万元", "举办竞赛3场"]


def test_decimals_and_clause_numbers_are_not_items():
    assert split_pasted("依据第2.1条开展检查12次，覆盖率3.5%") == ["依据第2.1条开展检查12次，覆盖率3.5%"]
    assert split_pasted("在3、4月份走访职工86户") == ["在3、4月份走访职工86户"]


def test_needs_split_only_when_a_line_holds_several_facts():
    assert needs_split(WECHAT)
    assert not needs_split("走访86户\n举办3场\n")
    assert not needs_split("")


def _xlsx(rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_facts_come_from_the_fact_column_or_the_first_column():
    named = _xlsx([["序号", "事实", "备注"], [1, "走访慰问困难职工86户", "春节"], [2, None, ""], [3, "举办竞赛3场", None]])
    assert vin.facts_from_file("事实.xlsx", named) == (["走访慰问困难职工86户", "举办竞赛3场"], None)
    first = _xlsx([["1、走访职工86户"], ["发放慰问金12.6万元"]])
    assert vin.facts_from_file("a.xlsx", first) == (["走访职工86户", "发放慰问金12.6万元"], None)
    facts, error = vin.facts_from_file("坏.xlsx", b"not a zip")
    assert facts == [] and "坏.xlsx" in error and "Excel" in error
    assert "没有找到事实" in vin.facts_from_file("空.xlsx", _xlsx([]))[1]


def test_limits_block_over_cap_and_over_long_facts_with_chinese_messages():
    facts = [f"事实{i}举办活动{i}场" for i in range(1, 6)] + ["很长" * 200]
    assert long_lines(facts, 300) == [6]
    messages, over = vin.limit_problems(facts, max_facts=4, max_chars=300)
    assert over and "共 6 条" in messages[0] and "超过上限 4 条" in messages[0] and "2 条不会写入" in messages[0]
    assert "第6条" in messages[1] and "300 字" in messages[1]
    assert vin.limit_problems(facts[:3], max_facts=4, max_chars=300) == ([], False)
