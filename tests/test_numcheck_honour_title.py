"""An honour's title ends before 并/同时 and a second verb, and a title said by a demonstrative (获此殊荣) refers to
the one named before (issue 19, session 22: drafter.numcheck.roles._title_words, _BACK_REFERENCE)."""

from drafter.numcheck import check
from tests.strong_set import flags


def _flagged(facts, draft):
    return [draft[s:e] for s, e, _ in flags(check(facts, draft))]


def test_a_second_predicate_after_the_title_is_read_on_its_own():
    facts = ["表彰优秀创新成果12项"]
    assert _flagged(facts, "12项成果获评优秀创新成果并受到表彰。") == []
    assert _flagged(facts, "12项成果获评优秀创新成果并受到省总工会通报表扬。") == ["省总工会通报表扬"]
    assert _flagged(facts, "12项成果获评省级优秀创新成果并受到表彰。") == ["省级优秀创新成果"]


def test_a_demonstrative_title_names_no_new_honour():
    facts = ["开展“质量标兵”评选，评出标兵9名"]
    assert "此殊荣" not in _flagged(facts, "经过层层评选，9名职工获此殊荣。")
    assert "省级劳动模范" in _flagged(facts, "9名职工获评质量标兵，其中2人还荣获省级劳动模范。")
