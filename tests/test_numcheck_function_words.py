"""Words that name nothing (issue 19, session 12): a word jieba glues from function characters only (这一, 中有),
and an honour marker used as an attribute (新当选的工会主席) fill no role."""

import pytest

from drafter.numcheck.match import check
from drafter.numcheck.faithlex import load_faith
from drafter.numcheck.rolewords import Reader
from drafter.numcheck.support import Support


def _notes(facts, draft):
    return [c.note for c in check(facts, draft).claims]


@pytest.mark.parametrize("facts, draft", [
    (["开通12351职工服务热线，受理职工诉求286件"], "依托12351职工服务热线这一“连心桥”，共受理职工诉求286件。"),
    (["提出整改意见27条，已落实24条"], "提出的27条整改意见中有24条已落实。"),
])
def test_a_word_of_function_characters_only_is_no_object(facts, draft):
    assert _notes(facts, draft) == []


def test_a_word_with_a_content_character_still_says_something():
    reader = Reader(Support(["开通职工服务热线"], []), load_faith())
    assert reader.neutral("这一") and reader.neutral("中有")
    assert not reader.neutral("中建") and not reader.neutral("热线")


def test_an_honour_marker_before_de_is_an_attribute():
    facts = ["完成基层工会换届选举17家", "培训新当选工会主席17人"]
    assert _notes(facts, "17家基层工会完成换届，新当选的17名工会主席全部参加了培训。") == []


def test_an_honour_marker_that_awards_still_names_the_honour():
    facts = ["完成基层工会换届选举17家"]
    notes = _notes(facts, "17家基层工会完成换届选举，工会主席当选市劳动模范。")
    assert any(n.startswith("荣誉") for n in notes), notes


def test_the_openings_as_follows_is_no_object_even_when_a_fact_speaks_of_a_summary():
    """现将2025年工作总结如下: 如下 (as follows) names nothing; it was flagged 对象"如下" in 3 of the 40 held-out template
    drafts whose facts say 进行了总结 (the frame's 总结 is then given, and 如下 was left as the clause's object)."""
    facts = ["对上半年工作进行了总结，召开职工代表大会1次", "发放慰问金3万元"]
    draft = "2025年，某公司工会团结动员广大职工，在民主管理等方面取得了新的成效。现将2025年工作总结如下。"
    assert [c.note for c in check(facts, draft, context=["某公司工会", "2025年", "年度总结"]).claims] == []
