"""A secretary's run-in label before a fact ("送温暖：春节前走访…") names the fact's topic; the draft states the fact."""

from __future__ import annotations

import pytest

from drafter.pipeline.template import fact_sentence
from textkit.headings import run_in_label


@pytest.mark.parametrize("fact, label, statement", [
    ("送温暖：春节前走访慰问困难职工和一线职工412人", "送温暖", "春节前走访慰问困难职工和一线职工412人"),
    ("职工代表大会: 召开十届三次职代会，审议通过集体合同等议案5项", "职工代表大会", "召开十届三次职代会，审议通过集体合同等议案5项"),
    ("“两节”送温暖：筹集帮扶资金86.5万元，慰问困难职工家庭1340户", "“两节”送温暖", "筹集帮扶资金86.5万元，慰问困难职工家庭1340户"),
])
def test_a_label_before_a_statement_is_taken_off(fact, label, statement):
    assert run_in_label(fact) == (label, statement)
    assert fact_sentence(fact) == statement + "。"


@pytest.mark.parametrize("fact", [
    "会员总数：1842人",  # the colon joins a name and its figure: no statement of its own after it
    "经费：全年12万元",  # too short to be a statement
    "如：举办职工篮球赛等文体活动9场",  # an example marker, not a label
    "全年新发展会员126人，会员总数达到1842人",
    "2025年重点工作：完成职工书屋提档升级3个",  # a label with a digit is part of the fact
])
def test_a_fact_without_a_run_in_label_is_written_as_given(fact):
    assert run_in_label(fact) == ("", fact)
    assert fact_sentence(fact) == fact + "。"
