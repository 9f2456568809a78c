"""Effect clauses are frame, whoever's facts they follow; a concrete word of their own is not (issue 19).

An effect clause says what the work did for people (让困难职工真切感受到组织温暖, 筑起…保障防线, 激发…干劲). The
same clause gets the same verdict beside any facts, and it may be written around a verb jieba mis-splits
(真切感/受到). A person, event or thing no fact names, in it or before it, is still caught.
"""

from __future__ import annotations

import pytest

from drafter.numcheck import check
from drafter.numcheck.words import words

FACT_SETS = [  # facts of unrelated kinds of work: an effect clause says nothing about any of them
    ["春节前夕走访慰问困难职工58户，发放慰问金17.4万元"],
    ["为12名患大病职工发放医疗救助金9.6万元"],
    ["开展夏季“送清凉”活动，慰问高温岗位职工1300人次"],
    ["开展会员普惠服务，发放电影券4200张"],
]

EFFECTS = [
    "让职工真切感受到组织温暖。",
    "让大家深切感受到组织温暖。",
    "让职工在困难时刻体会到组织的关怀。",
    "让职工实实在在享受到工会带来的实惠。",
    "为职工健康筑起一道坚实的保障防线。",
    "有效激发了职工攻坚克难的干劲。",
    "让奋战在一线的职工感受到清凉与温暖。",
    "营造了浓厚的读书氛围。",
]


def _flags(facts: list[str], draft: str) -> list[str]:
    result = check(facts, draft)
    return [c.note for c in result.claims] + [h.note or h.status for h in result.numbers if h.status != "supported"]


def test_a_manner_word_that_took_a_verbs_first_character_is_split_back():
    got = [w for _, _, w, _ in words("让困难职工真切感受到组织温暖")]
    assert "真切感" not in got and {"真切", "感受"} <= set(got), got
    assert "".join(got) == "让困难职工真切感受到组织温暖"


@pytest.mark.parametrize("facts", FACT_SETS, ids=["送温暖", "大病救助", "送清凉", "普惠"])
@pytest.mark.parametrize("effect", EFFECTS)
def test_an_effect_clause_is_frame_beside_any_facts(facts, effect):
    draft = f"{facts[0]}，{effect}"
    assert _flags(facts, draft) == []


@pytest.mark.parametrize("draft, quoted", [
    ("春节前夕走访慰问困难职工58户，让困难职工子女真切感受到组织温暖。", "子女"),
    ("春节前夕走访慰问困难职工58户，让困难职工子女感受到组织温暖。", "子女"),
    ("春节前夕走访慰问困难职工58户，增强了退休职工的归属感。", "退休职工"),
])
def test_a_person_of_its_own_in_an_effect_clause_is_still_caught(draft, quoted):
    notes = [c.note for c in check(["春节前夕走访慰问困难职工58户"], draft).claims]
    assert any(f'"{quoted}"' in n for n in notes), notes


def test_an_event_of_its_own_after_the_effect_verb_keeps_the_clause_a_claim():
    notes = _flags(["春节前夕走访慰问困难职工58户"], "春节前夕走访慰问困难职工58户，激发了职工参加书法培训班的热情。")
    assert notes, "a 书法培训班 no fact names was let through as frame"


def test_a_verb_inside_a_name_opens_no_effect_clause():
    facts = ["组织“迎新春”职工文艺汇演，演出节目15个"]
    draft = "组织“迎新春”职工文艺汇演，其中小品《守护》获评市职工文艺汇演优秀节目。"
    notes = [c.note for c in check(facts, draft).claims]
    assert any(n.startswith("荣誉") or "获评" in n for n in notes), notes


@pytest.mark.parametrize("facts, draft", [
    (["春节前夕走访慰问困难职工58户"], "春节前夕组织开展“送温暖”活动，走访慰问困难职工58户。"),  # a name [kinds] backs
    (["为会员办理工会会员服务卡860张"], "新办理工会会员服务卡860张，打通服务职工“最后一公里”。"),  # a figure
    (["建成户外劳动者服务站点5个"], "建成户外劳动者服务站点5个，让他们在城市中有了温暖的“落脚点”。"),
    (["举办女职工瑜伽培训班3期"], "举办女职工瑜伽培训班3期，帮助女职工舒缓压力、强健体魄。"),
    (["建立困难职工档案，新建档32户"], "新建困难职工档案32户，帮助困难职工家庭渡过难关。"),  # 户 = 家庭
    (["开展夏季“送清凉”活动，慰问高温岗位职工1300人次"], "盛夏时节，工会走进生产一线开展“送清凉”慰问，共慰问高温岗位职工1300人次。"),
])
def test_set_phrases_figures_and_named_campaigns_over_their_facts_are_not_flagged(facts, draft):
    assert _flags(facts, draft) == []


def test_a_named_campaign_its_kinds_do_not_back_is_still_flagged():
    assert _flags(["举办职工乒乓球比赛，参赛选手64名"], "开展“送温暖”活动，举办职工乒乓球比赛，64名选手参赛。")
