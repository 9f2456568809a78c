"""Roles after 在 (issue 19, session 12): a period's end or start is a time, not a place (在每季度末开展专项巡视 was named
地点"每季度末"); a word jieba tags as an adverb before a noun is part of the place (在高速服务区)."""

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


def test_a_word_jieba_tags_as_an_adverb_before_a_noun_opens_a_place():
    facts = ["推动货车司机入会，新发展会员520人", "建成司机之家4个"]
    notes = [c.note for c in check(facts, "同时在高速服务区建成司机之家4个。").claims]
    assert '地点"高速服务区"事实中没有' in notes, notes
