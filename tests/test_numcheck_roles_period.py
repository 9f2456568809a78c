"""A period's end or start after 在 is a time, not a place (issue 19, session 12): 在每季度末开展专项巡视 was named
地点"每季度末"."""

from drafter.numcheck.match import check

FACTS = ["组织职工代表开展专项巡视3次，提出整改意见27条"]


def _notes(draft):
    return [c.note for c in check(FACTS, draft).claims]


def test_a_period_end_after_zai_is_a_time():
    notes = _notes("组织职工代表在每季度末开展专项巡视3次，提出整改意见27条。")
    assert '时间"每季度末"事实中没有' in notes, notes


def test_a_place_after_zai_stays_a_place():
    notes = _notes("组织职工代表在生产车间开展专项巡视3次，提出整改意见27条。")
    assert any(n.startswith('地点"生产车间"') for n in notes), notes
