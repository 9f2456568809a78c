"""An event noun jieba cuts as verbs is still an event (issue 19, session 21).

jieba reads 推进会, 督办会, 分享会 and 对接会 as a verb and 会 ("can"), so a clause such as 召开帮扶工作推进会 had no
noun and no event: an extra meeting passed as frame. A meeting the facts hold stays given, and 会 as "can" is no
event."""

from __future__ import annotations

import pytest

from drafter.numcheck import check


def _activities(facts: list[str], draft: str) -> list[str]:
    return [c.text for c in check(facts, draft).claims if "活动" in c.note]


@pytest.mark.parametrize("facts, draft, quoted", [
    (["开展困难职工帮扶调研，走访困难职工家庭52户"],
     "工会开展困难职工帮扶调研，走访困难职工家庭52户，召开帮扶工作推进会，逐户建档立卡。", "召开帮扶工作推进会"),
    (["组织青年读书活动4场，参与青年职工160人次"],
     "工会组织青年读书活动4场，参与青年职工160人次，举办读书心得分享会，营造了浓厚的读书氛围。", "举办读书心得分享会"),
])
def test_a_meeting_cut_as_verbs_is_an_activity(facts, draft, quoted):
    assert quoted in _activities(facts, draft)


@pytest.mark.parametrize("facts, draft", [
    (["召开帮扶工作推进会，部署帮扶工作", "走访困难职工家庭52户"],
     "工会召开帮扶工作推进会，走访困难职工家庭52户。"),
    (["组织青年读书活动4场，参与青年职工160人次"],
     "工会组织青年读书活动4场，参与青年职工160人次，青年职工会积极参与。"),
])
def test_a_given_meeting_or_can_is_no_activity(facts, draft):
    assert _activities(facts, draft) == []
