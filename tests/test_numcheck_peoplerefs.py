"""People a fact counts named by their act's trade or by the honour just named (issue 19, session 27,
drafter.numcheck.peoplerefs): 64名驾驶员 at a 驾驶 contest for 参赛职工64人; 15名职工获此殊荣 after the 安全标兵 the
sentence named. Other people, a qualifier or an honour the sentence does not name stay a change."""

from __future__ import annotations

import pytest

from drafter.numcheck import check

CONTEST = ["举办叉车驾驶技能比武，参赛职工64人"]
HONOUR = ["开展“安全标兵”评选活动", "评出安全标兵15名"]


@pytest.mark.parametrize("facts, text", [
    (CONTEST, "工会举办叉车驾驶技能比武，64名驾驶员同台竞技。"),
    (HONOUR, "工会开展“安全标兵”评选活动，15名职工获此殊荣。"),
])
def test_the_same_people_by_their_trade_or_the_honour_named_before(facts, text):
    result = check(facts, text)
    assert result.numbers and all(h.status == "supported" for h in result.numbers)


@pytest.mark.parametrize("facts, text", [
    (CONTEST, "工会举办叉车驾驶技能比武，64名电工同台竞技。"),  # a trade of no act the line writes
    (CONTEST, "工会举办叉车驾驶技能比武，64名青年驾驶员同台竞技。"),  # a qualifier before the trade
    (HONOUR, "工会开展“安全标兵”评选活动，15名青年职工获此殊荣。"),  # a qualifier of the people
    (["开展“安全标兵”评选活动", "评出节能标兵15名"], "工会开展“安全标兵”评选活动，15名职工获此殊荣。"),  # 节能 unsaid
])
def test_other_people_qualifiers_or_another_honour_stay_flagged(facts, text):
    result = check(facts, text)
    assert any(h.status != "supported" for h in result.numbers) or result.claims or result.missing
