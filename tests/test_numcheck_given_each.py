"""A fact's count of things stated by the people given one each (issue 19, session 27, drafter.numcheck.perperson):
为参赛选手发放纪念品86份 said as 86名选手参赛，每人领到一份纪念品 or …每人获赠纪念品一份. Another thing, another
count or no 每人 leave the fact's number unsaid."""

from __future__ import annotations

import pytest

from drafter.numcheck import check

FACTS = ["举办职工乒乓球比赛，参赛选手86名", "为参赛选手发放纪念品86份"]


@pytest.mark.parametrize("text", [
    "工会举办职工乒乓球比赛，86名选手同台竞技，每人领到一份纪念品。",
    "工会举办职工乒乓球比赛，八十六名选手参赛，赛后每人获赠纪念品一份。",
])
def test_things_given_one_each_to_the_counted_people_state_the_facts_count(text):
    result = check(FACTS, text)
    assert result.missing == [] and all(h.status == "supported" for h in result.numbers)


@pytest.mark.parametrize("text", [
    "工会举办职工乒乓球比赛，86名选手同台竞技，每人领到一份奖金。",  # another thing
    "工会举办职工乒乓球比赛，80名选手同台竞技，每人领到一份纪念品。",  # another count of people
    "工会举办职工乒乓球比赛，86名选手同台竞技，不少选手领到了纪念品。",  # not one each
])
def test_another_thing_or_count_leaves_the_facts_count_unsaid(text):
    result = check(FACTS, text)
    assert [m.fact_line for m in result.missing] == [2] or any(h.status != "supported" for h in result.numbers)
