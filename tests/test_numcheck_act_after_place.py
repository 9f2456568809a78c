"""Session 26 (issue 19): a verb naming the kind of a place that opens a fact's item (清洗车间, 印刷车间: verb, noun,
then the act) is not the item's act (drafter.numcheck.itemsense.action_of). It was read as one, so the real act
(更换, 加装) counted as a dropped qualifier when a draft said it with another verb or left it to the clause
(为清洗车间职工送去160条防水围裙 for 为清洗车间职工更换防水围裙160条)."""

from drafter.numcheck import check
from drafter.numcheck.itemsense import action_of
from tests.strong_set import flags

APRONS = ["为清洗车间职工更换防水围裙160条"]


def _flagged(facts, draft):
    return [draft[s:e] for s, e, _ in flags(check(facts, draft))]


def test_the_act_is_read_after_the_kind_of_place():
    assert action_of("清洗车间职工更换防水围裙") == "更换"
    assert action_of("车间职工更换透气防护口罩") == "更换"  # 透气 qualifies the thing: the act before it stays
    assert action_of("组织职工参加体检") == "组织"  # people after the verb, not a place: the verb is the act
    assert action_of("完成科研攻关课题") == "完成"  # 科研 is a field, not a place
    assert action_of("开展窗口代表压力疏导讲座") == "开展"  # more than the place's people before the next verb


def test_the_act_said_with_another_verb_keeps_the_item():
    assert _flagged(APRONS, "工会为清洗车间职工送去160条防水围裙。") == []


def test_another_thing_and_another_count_are_still_flagged():
    assert _flagged(APRONS, "工会为清洗车间职工送去160条防水围裙和胶靴。") == ["胶靴"]
    assert _flagged(APRONS, "工会为清洗车间职工送去180条防水围裙。") == ["180条"]
