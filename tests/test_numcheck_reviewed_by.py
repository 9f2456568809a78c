"""Who reviewed: 经…评审 names an actor (issue 19, session 21).

经市摄影家协会评委评审，评出获奖作品30幅 was a claim without a role (jieba read 经市 as one word); the body between
经 and a verb of review is the actor. Judges of any contest (经专家评审 before 评出一等奖) and 经 opening no one
(经研究决定) are no actor, nor is a body the facts name."""

from __future__ import annotations

import pytest

from drafter.numcheck import check


def _notes(facts: list[str], draft: str) -> list[str]:
    return [c.note for c in check(facts, draft).claims]


@pytest.mark.parametrize("facts, draft, note", [
    (["举办职工摄影比赛，收到参赛作品300幅", "评出获奖作品30幅"],
     "工会举办职工摄影比赛，收到参赛作品300幅，经市摄影家协会评委评审，评出获奖作品30幅。", '参与者"市摄影家协会评委"'),
    (["评出优秀提案12件"], "经提案工作委员会审查，评出优秀提案12件。", '参与者"提案工作委员会"'),
])
def test_a_reviewing_body_is_an_actor(facts, draft, note):
    assert any(n.startswith(note) for n in _notes(facts, draft)), _notes(facts, draft)


@pytest.mark.parametrize("facts, draft", [
    (["评出获奖作品30幅"], "经专家评审，评出获奖作品30幅。"),
    (["评出获奖作品30幅"], "经研究决定，评出获奖作品30幅。"),
    (["召开职代会，审议通过《福利办法》"], "《福利办法》经职代会审议通过。"),
    (["邀请市摄影家协会评委评审，评出获奖作品30幅"], "经市摄影家协会评委评审，评出获奖作品30幅。"),
])
def test_judges_of_any_contest_or_a_given_body_are_no_claim(facts, draft):
    assert _notes(facts, draft) == []
