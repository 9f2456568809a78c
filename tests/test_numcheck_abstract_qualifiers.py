"""A word 词林 knows only as a totality, form, abstract thing or quantity (全部, 动态, 数据, 动能) written onto a given
thing is a manner or figure, not another thing (issue 19, things.abstract_word); a real qualifier (重大, 青年, 夜班)
and an area (全县) still are. Sentences written for this test."""

import pytest

from drafter.numcheck import check
from drafter.numcheck.things import abstract_word

FACTS = ["开展安全培训进车间活动，覆盖车间36个", "组织班组长培训，参训班组长140人"]


@pytest.mark.parametrize("draft", [
    "开展安全培训进车间活动，36个车间全部覆盖。",
    "开展安全培训进车间活动，覆盖车间36个，做到了数据全部上传。",
])
def test_a_manner_word_beside_a_given_thing_is_no_object(draft):
    result = check(FACTS, draft)
    assert not result.claims, [c.note for c in result.claims]


@pytest.mark.parametrize("draft,word", [
    ("开展安全培训进车间活动，覆盖高危车间36个。", "高危"),
    ("组织青年班组长培训，参训班组长140人。", "青年"),
    ("组织夜班班组长培训，参训班组长140人。", "夜班"),
])
def test_a_real_qualifier_is_still_an_object(draft, word):
    notes = [c.note for c in check(FACTS, draft).claims]
    assert any(word in n and n.startswith("对象") for n in notes), notes


def test_which_words_are_abstract():
    assert all(map(abstract_word, ["全部", "动态", "数据", "动能"]))
    assert not any(map(abstract_word, ["重大", "青年", "夜班", "全县", "全省", "子女", "药品", "非公", "办法"]))


def test_a_circumstance_word_is_abstract_too():
    """词林's class Da (circumstances: 条件, 情况, 形势) names no thing: 着力改善职工文体活动条件 (held-out 8 r02-f0)."""
    assert abstract_word("条件") and abstract_word("形势")
    facts = ["新建职工健身房3个，配备健身器材120台件"]
    assert check(facts, "着力改善职工文体活动条件，新建职工健身房3个，配备健身器材120台件。").claims == []
