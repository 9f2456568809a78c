"""A number's item kept in a word of the same small 同义词词林 class or, for a verb, a verb sharing a character (issue 19,
session 12): 1400人次职工乘坐 keeps the item of 日均乘车职工1400人次, 156人考取 that of 156人取得; a dropped qualifier is
still a mismatch."""

from drafter.numcheck.match import check


def _status(facts, draft, number):
    return next(h.status for h in check(facts, draft).numbers if h.text == number)


def test_a_verb_of_the_same_small_class_keeps_the_item():
    facts = ["开通职工通勤班车线路5条，日均乘车职工1400人次"]
    assert _status(facts, "工会推动开通了5条班车线路，每天平均1400人次职工乘坐。", "1400人次") == "supported"


def test_a_dropped_qualifier_is_still_a_mismatch():
    facts = ["全年工会经费收入215.3万元，支出198.6万元"]
    assert _status(facts, "工会全年共收入215.3万元，支出198.6万元。", "215.3万元") == "mismatch"


def test_a_verb_sharing_a_character_keeps_the_item():
    facts = ["156人取得职业技能等级证书"]
    assert _status(facts, "其中156人考取了职业技能等级证书。", "156人") == "supported"
