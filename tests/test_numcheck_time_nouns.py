"""A time noun (jieba's tag t: 年内, 当前, 现在) is no thing of a clause (issue 19, session 12): 年内新组建基层工会12家
was named 活动 because 年内, a word no fact writes, made every noun of the clause new; times are the time role's."""

from drafter.numcheck.match import check

FACTS = ["新建基层工会组织12个，新发展会员860人"]


def _notes(draft):
    return [c.note for c in check(FACTS, draft).claims]


def test_a_time_noun_makes_no_act_new():
    assert _notes("年内新组建基层工会12家，吸纳新会员860名。") == []


def test_a_time_word_of_the_role_is_still_named():
    assert any(n.startswith("时间") for n in _notes("年底新组建基层工会12家，吸纳新会员860名。"))
