"""A number's item bound across a clause and through a short form (issue 19: numbers unbound by a reword).
Sentences written for this test."""

from drafter.numcheck import check


def _flags(facts, draft):
    return [(h.text, h.note) for h in check(facts, draft).numbers if h.status != "supported"]


def test_a_clause_between_the_number_and_its_verb():
    facts = ["举办叉车驾驶技能比武，19人获评集团技术标兵"]
    assert _flags(facts, "举办叉车驾驶技能比武，19名职工脱颖而出，荣获集团技术标兵称号。") == []
    # the item is read only up to the next figure, and a changed item is still a mismatch
    assert _flags(facts, "举办叉车驾驶技能比武，19名职工脱颖而出，其中3人荣获集团技术标兵称号。")
    assert _flags(facts, "举办叉车驾驶技能比武，19名职工脱颖而出，荣获优秀班组长称号。")


def test_a_clause_holding_part_of_the_item_dropped_the_rest():
    facts = ["全年工会经费收入215.3万元"]
    assert _flags(facts, "工会全年共收入215.3万元，经费使用规范。")  # 经费 written later does not help


def test_a_short_form_of_the_facts_is_kept_by_its_long_form():
    assert _flags(["开展班组民主评议，参评职工代表86人"], "开展班组民主评议，86名职工代表参加评议。") == []
    assert _flags(["召开安全例会，参会班组长64人"], "召开安全例会，64名班组长参加会议。") == []
    assert _flags(["开展班组民主评议，参评职工代表86人"], "开展班组民主评议，86名职工代表列席。")
