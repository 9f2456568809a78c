"""Actors a strong model adds in frame-like words: a person under whose lead it was done, a body drawn on."""

import pytest

from drafter.numcheck.match import check

CONTEST = ["开展职工技能竞赛，设工种9个，参赛职工520人"]
AID = ["开展职工法律援助，代理劳动争议案件19件"]


def _notes(facts, draft):
    return [c.note for c in check(facts, draft).claims]


@pytest.mark.parametrize("draft, actor", [
    ("在公司党委书记的亲自部署下，扎实开展职工技能竞赛，设工种9个，参赛职工520人。", "公司党委书记"),
    ("在工会主席的带领下，开展职工技能竞赛，设工种9个，参赛职工520人。", "工会主席"),
])
def test_a_person_under_whose_lead_it_was_done_is_an_actor(draft, actor):
    assert f'参与者"{actor}"事实中没有' in _notes(CONTEST, draft)


@pytest.mark.parametrize("lead", ["在公司党委的领导下", "在上级工会的大力支持下"])
def test_a_body_under_whose_lead_it_was_done_stays_frame(lead):
    assert _notes(CONTEST, f"{lead}，开展职工技能竞赛，设工种9个，参赛职工520人。") == []


@pytest.mark.parametrize("means", ["依托市律师协会的专业力量", "借助市律师协会的专业优势"])
def test_a_body_drawn_on_is_an_actor(means):
    assert '参与者"市律师协会"事实中没有' in _notes(AID, f"{means}，开展职工法律援助，代理劳动争议案件19件。")


def test_a_place_drawn_on_stays_a_place_and_a_given_body_is_no_claim():
    assert _notes(AID, "依托职工服务中心，开展职工法律援助，代理劳动争议案件19件。") == ['地点"职工服务中心"事实中没有']
    facts = AID + ["与市律师协会签订法律服务协议"]
    assert _notes(facts, "依托市律师协会的专业力量，开展职工法律援助，代理劳动争议案件19件。") == []
