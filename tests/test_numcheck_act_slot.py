"""A verb standing where a fact writes another verb before the same thing is that act reworded, not a qualifier of the
thing (issue 19, session 22: drafter.numcheck.qualifying._act_in_facts_slot): 为车间职工安装净水设备 for 为车间职工配备净水
设备. A word added between the fact's verb and its thing is still an added qualifier. A verb phrase jieba's dictionary
lists as a noun (装上, 共庆, 积极响应: wordclass.act_phrase) names no thing either."""

from drafter.numcheck import check
from tests.strong_set import flags

FACTS = ["为车间职工配备净水设备12台"]


def _flagged(draft):
    return [draft[s:e] for s, e, _ in flags(check(FACTS, draft))]


def test_another_verb_in_the_facts_slot_is_the_act_reworded():
    assert _flagged("工会为车间职工安装净水设备12台。") == []


def test_a_qualifier_after_the_facts_own_verb_is_still_added():
    # the number's item note names 进口, and (session 23) a claim covers the word where it is written
    assert _flagged("工会为车间职工配备进口净水设备12台。") == ["进口", "12台"]


def test_a_verb_phrase_the_dictionary_lists_as_a_noun_names_no_thing():
    from drafter.numcheck.wordclass import act_phrase
    assert act_phrase("装上", "n") and act_phrase("积极响应", "n")  # a verb and its result; a manner and an act
    assert not act_phrase("礼包", "n") and not act_phrase("突击队", "n")  # things and bodies stay things
    heaters = ["为值班室安装电暖器16台"]
    assert [d for d in _flagged_on(heaters, "工会为值班室装上16台电暖器。")] == []
    assert _flagged_on(heaters, "工会为值班室装上16台进口电暖器。") == ["16台"]  # the added 进口 is still caught
    party = ["举办重阳节联欢活动，参与退休职工300人"]
    assert _flagged_on(party, "工会举办重阳节联欢活动，300名退休职工欢聚一堂、共庆佳节。") == []


def _flagged_on(facts, draft):
    return [draft[s:e] for s, e, _ in flags(check(facts, draft))]
