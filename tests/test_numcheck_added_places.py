"""A qualifier added to a counted thing through 的, and a place among added qualifiers (issue 19, session 21).

走访偏远山区的基层工会38家 for 走访基层工会38家 passed: the number was bound and the qualifier, written before 的,
was not read as written onto the thing, nor a verb qualifying a thing joined on by 和 (职工和退休老同志). An added qualifier that is a place by 词林 (山区, 城郊结合部) is named
地点, not 对象; people (社区居民) stay 对象."""

from __future__ import annotations

import pytest

from drafter.numcheck import check


def _notes(facts: list[str], draft: str) -> list[str]:
    return [c.note for c in check(facts, draft).claims]


@pytest.mark.parametrize("facts, draft, note", [
    (["走访基层工会38家"], "工会走访偏远山区的基层工会38家。", '地点"山区"'),
    (["走访困难职工家庭52户"], "工会走访地处城郊结合部的困难职工家庭52户。", '地点"城郊结合部"'),
    (["走访基层工会38家"], "工会走访山区基层工会38家。", '地点"山区"'),
    (["慰问职工300人"], "工会慰问社区居民和职工300人。", '对象"社区居民"'),
    (["慰问职工300人"], "工会慰问职工和退休老同志300人。", '对象"退休老同志"'),  # a verb qualifying a joined thing
    (["参与青年职工280人次"], "参与青年职工和退休老党员280人次。", '对象"退休老党员"'),  # 老 inside it
])
def test_added_qualifier_is_named_by_its_kind(facts, draft, note):
    assert any(n.startswith(note) for n in _notes(facts, draft)), _notes(facts, draft)


@pytest.mark.parametrize("facts, draft", [
    (["走访基层工会38家"], "工会干部走进基层，走访全市的基层工会38家。"),
    (["走访困难职工家庭52户"], "工会逐一走访困难职工的家庭52户。"),
    (["慰问职工和退休老同志300人"], "工会慰问职工和退休老同志300人。"),
])
def test_given_words_through_de_are_no_claim(facts, draft):
    assert _notes(facts, draft) == []
