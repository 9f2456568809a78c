"""沿/沿着 mark a route: a place role when the phrase ends in a place word (issue 19: places with no marker word).
Sentences written for this test."""

from drafter.numcheck import check

FACTS = ["组织职工健步走，参加职工1100人"]


def test_a_route_after_yan_is_a_place():
    notes = [c.note for c in check(FACTS, "组织职工沿西湖湖畔健步走，参加职工1100人。").claims]
    assert any(n.startswith('地点"') and "西湖" in n for n in notes), notes


def test_yan_zhe_before_a_figure_of_speech_is_nothing():
    assert not check(FACTS, "沿着既定路线组织职工健步走，参加职工1100人。").claims
    assert not check(FACTS, "组织职工健步走，参加职工1100人，沿着高质量发展的道路不断前进。").claims
