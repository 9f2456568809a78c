"""A verb standing where a fact writes another verb before the same thing is that act reworded, not a qualifier of the
thing (issue 19, session 22: drafter.numcheck.qualifying._act_in_facts_slot): 为车间职工安装净水设备 for 为车间职工配备净水
设备. A word added between the fact's verb and its thing is still an added qualifier."""

from drafter.numcheck import check
from tests.strong_set import flags

FACTS = ["为车间职工配备净水设备12台"]


def _flagged(draft):
    return [draft[s:e] for s, e, _ in flags(check(FACTS, draft))]


def test_another_verb_in_the_facts_slot_is_the_act_reworded():
    assert _flagged("工会为车间职工安装净水设备12台。") == []


def test_a_qualifier_after_the_facts_own_verb_is_still_added():
    assert _flagged("工会为车间职工配备进口净水设备12台。") == ["12台"]
