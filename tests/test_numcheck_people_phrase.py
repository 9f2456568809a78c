"""Session 26 (issue 19): one fact split over two clauses, its people named in the other one. 词林 does not know
most trade names (塔吊工, 环卫员, 值机员 cut as 值机/员), so a count of events or things whose fact names them
(组织港区塔吊工安全演练3场) was read as having lost them when the draft names them in the next clause (开展了三场
安全演练，塔吊工累计参演九十人次). drafter.numcheck.peoplephrase reads a trade by its suffix and its qualifiers by
position; other people in their place, or a qualifier dropped with its people unnamed, stay a changed item."""

from drafter.numcheck import check
from drafter.numcheck.peoplephrase import people_head, people_word
from tests.strong_set import flags

DRILLS = ["组织港区塔吊工安全演练3场，参演职工90人次"]


def _flagged(facts, draft):
    return [draft[s:e] for s, e, _ in flags(check(facts, draft))]


def test_the_trade_named_in_the_next_clause_keeps_the_item():
    assert _flagged(DRILLS, "工会开展了三场安全演练，塔吊工累计参演九十人次。") == []


def test_a_qualifier_dropped_with_its_people_unnamed_is_still_a_changed_item():
    assert _flagged(DRILLS, "工会组织三场安全演练，参演职工九十人次。") == ["三场"]


def test_other_people_in_their_place_are_still_claimed():
    assert _flagged(DRILLS, "工会为保安员组织三场安全演练，参演职工九十人次。") == ["三场"]
    assert _flagged(DRILLS, "工会为港区保安员组织三场安全演练，参演职工九十人次。") == ["保安员"]


def test_people_words_and_their_phrase_by_suffix_and_position():
    assert people_word("塔吊工") and people_word("护理员") and people_word("职工")
    assert not people_word("施工") and not people_word("工会") and not people_word("加工")  # acts, bodies
    assert people_head("港区", "组织港区塔吊工安全演练") == "塔吊"  # 塔吊/工: the word before the suffix
    assert people_head("值机", "发射台值机员值班技能培训") == "值机"  # 值机/员: the suffix cut off
    assert people_head("安全", "组织港区塔吊工安全演练") == ""  # a word of the act, not of the people
    assert people_head("经费", "全年工会经费收入") == ""
