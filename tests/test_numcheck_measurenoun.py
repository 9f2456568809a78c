"""A fact item's head that is the number's measure word said as a noun (issue 19, session 27,
drafter.numcheck.measurenoun): 调解劳动争议案件27件 written 调解劳动争议27件. Another head or another act in its
place stays a change."""

from __future__ import annotations

import pytest

from drafter.numcheck import check


@pytest.mark.parametrize("facts, text", [
    (["全年调解劳动争议案件27件"], "工会全年成功调解劳动争议27件，维护了职工合法权益。"),
    (["开展送文化进工地活动，演出场次12场"], "工会开展送文化进工地活动，为建设者演出12场。"),
])
def test_the_measure_word_said_once_keeps_the_item(facts, text):
    result = check(facts, text)
    assert [h.status for h in result.numbers] == ["supported"]


@pytest.mark.parametrize("facts, text", [
    (["全年调解劳动争议案件27件"], "工会全年调解劳动争议诉讼27件。"),  # another head in the item's place
    (["开展送文化进工地活动，演出场次12场"], "工会开展送文化进工地活动，为建设者放映电影12场。"),  # another act
])
def test_another_head_or_act_in_its_place_stays_a_change(facts, text):
    result = check(facts, text)
    assert any(h.status != "supported" for h in result.numbers)
