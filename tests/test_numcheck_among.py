"""其中 points back within the sentence (issue 19, session 27, drafter.numcheck.antecedent): 收到合理化建议96条，采纳
其中优秀建议15条 for the fact 采纳优秀合理化建议15条. Without 其中, or with words no earlier clause writes, the item
stays changed."""

from __future__ import annotations

from drafter.numcheck import check

FACTS = ["开展安全生产合理化建议征集，收到建议96条", "采纳优秀合理化建议15条"]


def numbers(facts, text):
    return {h.text: h.status for h in check(facts, text).numbers}


def test_among_those_just_named_keeps_the_item():
    text = "工会开展安全生产合理化建议征集，收到建议96条，采纳其中优秀建议15条。"
    assert numbers(FACTS, text) == {"96条": "supported", "15条": "supported"}


def test_words_no_earlier_clause_writes_stay_a_change():
    facts = ["开展安全生产合理化建议征集，收到建议96条", "采纳优秀技术改进建议15条"]
    text = "工会开展安全生产合理化建议征集，收到建议96条，采纳其中优秀建议15条。"
    assert numbers(facts, text)["15条"] != "supported"
