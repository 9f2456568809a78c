"""A verb and its object said by one character of each on one side (issue 19, session 27, drafter.numcheck.shortform):
the fact's 送餐 as the draft's 送去爱心早餐 (早餐 of the fact line), the fact's 配置图书 as the draft's 配书. A thing the
fact line does not write, or a short form of other words, stays a change."""

from __future__ import annotations

import pytest

from drafter.numcheck import check

MEALS = ["为环卫工人送早餐，全年送餐2.1万份"]
BOOKS = ["建成农家书屋4个，配置图书1800册"]


@pytest.mark.parametrize("facts, text", [
    (MEALS, "工会坚持为环卫工人送去爱心早餐2.1万份，让他们吃上热乎饭。"),
    (BOOKS, "工会新建农家书屋4个，配书1800册。"),
])
def test_a_short_form_and_its_long_form_are_the_same_item(facts, text):
    result = check(facts, text)
    assert result.numbers and all(h.status == "supported" for h in result.numbers)


@pytest.mark.parametrize("facts, text, flagged", [
    (MEALS, "工会坚持为环卫工人送去爱心午餐2.1万份。", "2.1万份"),  # 午餐: the line's meal is 早餐
    (BOOKS, "工会新建农家书屋4个，配发图册1800册。", "1800册"),  # 图册 is no 图书
])
def test_another_thing_stays_a_change(facts, text, flagged):
    result = check(facts, text)
    assert any(h.status != "supported" for h in result.numbers if h.text == flagged) or result.claims
