"""A number's item said in part because its sentence said the rest (issue 19, session 18: drafter.numcheck.ellipsis).

Faithful: the head of the previous count of the same unit (意见 of 意见300条) and a short form of the sentence's words
(职代会 of 职工代表大会) are given. Their twins stay caught: a swap, another head, a qualifier put in the left-out
word's place, a dropped qualifier the sentence never wrote."""

from types import SimpleNamespace

import pytest

from drafter.numcheck import check
from drafter.numcheck.ellipsis import head_of_previous, short_form_written

OPINIONS = ["收集职工意见300条", "采纳落实意见120条"]
CONGRESS = ["召开职工代表大会", "征集职代会提案40件"]

FAITHFUL = [
    (OPINIONS, "共收集职工意见300条，经研究采纳落实120条。"),
    (["收集合理化建议318条", "采纳合理化建议100条"], "收集合理化建议318条，经研究采纳100条。"),
    (CONGRESS, "召开职工代表大会，会前征集提案40件。"),
    (CONGRESS, "召开职工代表大会，会前广泛征集提案40件。"),
    (["召开安全生产委员会会议", "排查安委会督办隐患26项"], "召开安全生产委员会会议，会后排查督办隐患26项。"),
]


@pytest.mark.parametrize("facts,draft", FAITHFUL, ids=["意见", "合理化建议", "职代会", "广泛", "安委会"])
def test_a_word_the_sentence_gave_before_the_number_is_kept(facts, draft):
    result = check(facts, draft)
    assert all(n.status == "supported" for n in result.numbers), [n.note for n in result.numbers]


TWINS = [
    (OPINIONS, "共收集职工意见120条，经研究采纳落实300条。", "120条"),  # swapped
    (["收集职工意见300条", "采纳落实建议120条"], "共收集职工意见300条，经研究采纳落实120条。", "120条"),  # other head
    (OPINIONS, "收集职工意见300条，采纳落实建议120条。", "120条"),  # a head of the draft's own
    (["收集职工意见300条", "采纳落实合理化意见120条"], "收集职工意见300条，经研究采纳落实120条。", "120条"),
    (["慰问职工500人", "帮扶困难职工120人"], "慰问职工500人，帮扶职工120人。", "120人"),  # people qualifier
    (["在主页发表信息148篇", "《报》刊发12篇"], "在主页发表信息12篇，《报》刊发148篇。", "148篇"),  # the corpus swap
    (CONGRESS, "召开职工代表大会，征集青年提案40件。", "40件"),  # a qualifier in the short form's place
    (CONGRESS, "召开职工代表大会，征集优秀提案40件。", "40件"),
    (CONGRESS, "召开工作会议，会前征集提案40件。", "40件"),  # the sentence never named the congress
    (["排查安全隐患86处", "整改落实隐患80处"], "排查安全隐患86处，现场整改落实80处。", "80处"),  # a place of its own
]


@pytest.mark.parametrize("facts,draft,number", TWINS,
                         ids=["swap", "other-head", "own-head", "qualifier", "people", "主页", "青年", "优秀", "unsaid", "现场"])
def test_a_changed_item_is_still_caught(facts, draft, number):
    result = check(facts, draft)
    hit = next(n for n in result.numbers if n.text == number)
    assert hit.status == "mismatch" or result.claims


def test_a_changed_head_is_still_a_claim():
    result = check(["慰问困难职工50人", "资助困难职工30人"], "慰问困难职工50人，资助困难职工子女30人。")
    assert not result.faithful


def _facts(*pairs):
    """A by_value table of fact numbers (value, unit, item), as drafter.numcheck.factset.FactIndex keeps it."""
    return {value: [(1, SimpleNamespace(unit=unit, item=item))] for value, unit, item in pairs}


def test_the_head_must_head_an_earlier_count_of_the_same_unit_that_is_its_facts():
    facts = _facts((300.0, "条", "收集职工意见"), (500.0, "人", "慰问困难职工"))
    assert head_of_previous("意见", "采纳落实意见", "条", "收集职工意见300条，经研究", [], "经研究采纳落实", facts)
    assert not head_of_previous("意见", "采纳落实意见", "件", "收集职工意见300条，经研究", [], "经研究采纳落实", facts)
    assert not head_of_previous("意见", "采纳落实意见", "条", "听取职工意见，经研究", [], "经研究采纳落实", facts)
    assert not head_of_previous("意见", "采纳落实意见", "条", "收集职工意见120条，经研究", [], "经研究采纳落实", facts)
    assert not head_of_previous("困难", "帮扶困难职工", "人", "慰问困难职工500人，", [], "帮扶职工", facts)
    assert head_of_previous("合理化", "采纳合理化建议", "条", "收集合理化建议318条，经研究", [], "经研究采纳",
                            _facts((318.0, "条", "收集合理化建议")))


def test_a_short_form_needs_its_words_and_no_qualifier_of_the_drafts():
    assert short_form_written("职代会", "召开职工代表大会，会前征集提案", [], "征集职代会提案", "会前征集提案")
    assert not short_form_written("职代会", "召开职工大会，会前征集提案", [], "征集职代会提案", "会前征集提案")
    assert not short_form_written("职代会", "召开职工代表大会，征集青年提案", ["青年"], "征集职代会提案", "征集青年提案")
