"""Session 26 (issue 19): jieba glues a trade's last character to the first character of the verb after it
(为桥梁养护工送去 -> 养护/工送/去), and the role readers took the unknown 工送去 for a new thing. words._resplit
cuts such an unknown two-character word into the noun character and the dictionary verb it starts (工/送去)."""

from drafter.numcheck import check
from drafter.numcheck.words import words
from tests.strong_set import flags

VESTS = ["为桥梁养护工配发反光背心80套"]


def _flagged(facts, draft):
    return [draft[s:e] for s, e, _ in flags(check(facts, draft))]


def test_the_verb_is_cut_whole_after_the_trade():
    assert [w[2] for w in words("工会为隧道巡检工送去八十套反光背心")][4:6] == ["工", "送去"]
    assert [w[2] for w in words("为码头搬运工送去绿豆汤")] == ["为", "码头", "搬运工", "送", "去", "绿豆汤"]


def test_the_things_given_to_the_trade_are_no_new_thing():
    assert _flagged(VESTS, "工会为桥梁养护工送去八十套反光背心。") == []


def test_another_thing_given_is_still_claimed():
    assert _flagged(VESTS, "工会为桥梁养护工送去八十套反光背心和安全帽。") == ["安全帽"]
