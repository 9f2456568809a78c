"""An actor marker inside a frame phrase (工会联合 is a learned frame phrase) still names the actor after it
(issue 19: an actor after 联合 was named as an activity). Sentences written for this test."""

from drafter.numcheck import check

FACTS = ["开展普法宣传活动，发放宣传资料5000份", "公司工会联合团委举办青年联谊会2场"]


def test_the_actor_after_gong_hui_lian_he_is_named():
    notes = [c.note for c in check(FACTS, "工会联合市司法局开展普法宣传活动，发放宣传资料5000份。").claims]
    assert notes == ['参与者"市司法局"事实中没有']


def test_an_actor_the_facts_give_raises_nothing():
    assert not check(FACTS, "公司工会联合团委举办青年联谊会2场。").claims


def test_lian_he_before_an_act_is_jointly_not_an_actor():
    facts = ["公司行政和工会联合发文表彰优秀员工91名"]
    assert not check(facts, "公司行政和工会联合发文，表彰优秀员工91名。").claims
