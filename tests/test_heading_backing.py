"""Headings (issue 20): a heading over several facts is backed by two of them at least. Session 12's draft of a
water company's list (notes req_d) headed its Spring Festival visits and its summer cooling "关爱职工送清凉", an
example's sub-section heading only the cooling fact writes."""

from __future__ import annotations

from drafter.pipeline import titling
from drafter.pipeline.heading_rules import relevant

VISITS = "送温暖：春节前走访慰问困难职工和一线职工412人，发放慰问金及物资折合人民币38.6万元"
COOLING = "夏送清凉：为高温作业的管网抢修班组送去防暑降温用品，覆盖职工860人"


def test_a_heading_only_one_of_two_facts_writes_does_not_head_both():
    assert relevant("关爱职工送清凉", [COOLING])
    assert not relevant("关爱职工送清凉", [VISITS, COOLING])
    assert not titling.acceptable("关爱职工送清凉", [VISITS, COOLING], set())


def test_a_heading_both_facts_write_heads_them():
    both = ["春节前走访慰问困难职工，发放慰问金38.6万元", "走访慰问一线职工860人，送去防暑降温用品"]
    assert relevant("走访慰问困难职工", both) and titling.acceptable("走访慰问困难职工", both, set())
