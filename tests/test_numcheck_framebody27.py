"""Session 27 (issue 19): the body inside a frame the corpus writes often (在…的支持下, 在…的关心指导下, 经…批准) is an
actor, named 参与者 unless a fact, the writer's organisation or the lexicon's own-hierarchy words give it
(drafter.numcheck.framebody). Every case is a sentence of its own, on a topic no strong set uses."""

from drafter.numcheck import check

FACTS = ["组织叉车司机技能比武，参赛职工44人", "为仓储职工配发护腰带200条"]


def _actors(facts, draft):
    return [c.text for c in check(facts, draft).claims if c.note.startswith("参与者")]


def _flags(facts, draft):
    res = check(facts, draft)
    return [c.note for c in res.claims] + [h.note for h in res.numbers if h.status != "supported"]


def test_a_body_under_a_frame_no_fact_gives_is_an_actor():
    assert _actors(FACTS, "物流公司工会在市妇联的大力支持下，组织叉车司机技能比武，44名职工参赛。") == ["市妇联"]
    assert _actors(FACTS, "在市邮政管理局的帮助下，工会为仓储职工配发护腰带200条。") == ["市邮政管理局"]
    assert _actors(FACTS, "工会在集团公司的关心下，为仓储职工配发护腰带200条。") == ["集团公司"]  # a learned frame word
    assert _actors(FACTS, "在区交通运输局大力协调下，工会组织叉车司机技能比武，44名职工参赛。") == ["区交通运输局"]


def test_a_body_that_approved_the_work_is_an_actor():
    assert _actors(FACTS, "经市人社局批准，工会组织叉车司机技能比武，44名职工参赛。") == ["市人社局"]
    assert _actors(FACTS, "经区交通运输局研究同意，工会组织叉车司机技能比武，44名职工参赛。") == ["区交通运输局"]
    assert _flags(FACTS, "经研究决定，工会为仓储职工配发护腰带200条。") == []  # no body
    assert _flags(["开展仓储技能评选，评出优秀成果9项"], "工会开展仓储技能评选，经专家评审，评出优秀成果9项。") == []


def test_only_the_body_no_fact_gives_is_named_of_two_in_one_frame():
    draft = "在仓储中心党支部和区总工会的关心下，工会为仓储职工配发护腰带200条。"
    assert _actors(FACTS, draft) == ["仓储中心党支部", "区总工会"]
    facts = ["在仓储中心党支部领导下为仓储职工配发护腰带200条"]
    assert _actors(facts, draft) == ["区总工会"]
    assert _actors(FACTS, "在区总工会律师全程参与下，工会为仓储职工配发护腰带200条。") == ["区总工会律师"]


def test_a_body_the_facts_or_the_writers_hierarchy_give_stays_unflagged():
    assert _flags(["联合市妇联组织叉车司机技能比武，参赛职工44人"],
                  "在市妇联的大力支持下，工会组织叉车司机技能比武，44名职工参赛。") == []
    assert _flags(FACTS[:1], "工会在上级工会的正确领导下，组织叉车司机技能比武，44名职工参赛。") == []
    assert _flags(FACTS[:1], "物流公司工会在公司党委的坚强领导下，组织叉车司机技能比武，44名职工参赛。") == []
    assert _flags(FACTS[:1], "在全体职工的共同努力下，工会组织叉车司机技能比武，44名职工参赛。") == []
    assert _flags(FACTS[1:], "在这种情况下，工会为仓储职工配发护腰带200条。") == []


def test_who_did_the_act_after_you_is_the_actor_not_an_object():
    facts = ["代理职工劳动争议案件19件"]
    assert _actors(facts, "工会由驻站律师代理职工劳动争议案件19件。") == ["驻站律师"]
    assert _flags(["驻站律师代理职工劳动争议案件19件"], "工会由驻站律师代理职工劳动争议案件19件。") == []


def test_a_body_placed_relative_to_the_writer_is_its_own_hierarchy():
    assert _flags(FACTS[:1], "工会在同级党组织和上级工会的坚强领导下，组织叉车司机技能比武，44名职工参赛。") == []
    assert _flags(FACTS[:1], "在本单位党委的领导下，工会组织叉车司机技能比武，44名职工参赛。") == []
    assert _actors(FACTS[:1], "在港区党委的领导下，工会组织叉车司机技能比武，44名职工参赛。") == ["港区党委"]
