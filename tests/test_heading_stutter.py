"""Headings (issue 20): no heading says one character pair twice within a clause (送温暖工作温暖人心 read as
awkward in session 12's drafts), neither a lexicon heading nor one the planner takes from the examples or a model."""

from __future__ import annotations

from drafter.pipeline import titling
from drafter.pipeline.heading_rules import stutters
from drafter.pipeline.model_titles import refusal
from drafter.pipeline.themes import load_book

CARE = ["春节期间走访慰问困难职工86户，发放慰问金12.6万元", "为困难职工申请救助资金17.4万元，帮扶困难职工63户"]


def test_a_clause_that_says_a_pair_twice_stutters():
    assert stutters("扎实开展帮扶救助，送温暖工作温暖人心")
    assert stutters("体育竞技场，友谊共分享举行篮球友谊赛")


def test_a_list_and_parallel_clauses_do_not_stutter():
    assert not stutters("坚持平等协商、集体合同制度和职代会制度")  # X制度和Y制度: two items of one kind
    assert not stutters("创建学习型组织，争做学习型职工")  # the pair repeats across clauses
    assert not stutters("扎实开展帮扶救助，做好送温暖工作")


def test_no_lexicon_heading_stutters():
    book = load_book()
    headings = [h.text for theme in book.themes for h in theme.headings]
    headings += [h for family in book.families for h in family.headings]
    assert headings and [h for h in headings if stutters(h)] == []


def test_a_stuttering_heading_heads_no_section():
    assert titling.acceptable("扎实开展帮扶救助，做好送温暖工作", CARE, set(), themed=True)
    assert not titling.acceptable("扎实开展帮扶救助，送温暖工作温暖人心", CARE, set(), themed=True)
    assert refusal("帮扶困难职工，送温暖工作温暖人心", CARE, set()) == "stutter"  # a model's reply likewise
