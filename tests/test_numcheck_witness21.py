"""Session 21 (h4): invented details in positions the role rules did not read (issue 19). Sentences written for
this test: someone in whose presence an act was done, a person after 由 with the act glued on, a place after 位于,
an honour said as 被列为/被列入."""

from drafter.numcheck import check

FACTS = ["举办叉车驾驶技能比武，参赛职工52人", "为仓储职工更换工作服300套"]


def _notes(text: str) -> list[str]:
    return [c.note for c in check(FACTS, text).claims]


def test_a_person_whose_presence_is_named_is_an_actor():
    notes = _notes("在港务局副局长的见证下，工会举办叉车驾驶技能比武，参赛职工52人。")
    assert any(n.startswith('参与者"') and "副局长" in n for n in notes), notes
    notes = _notes("工会举办叉车驾驶技能比武，52名职工在集团领导面前一展身手。")
    assert any(n.startswith('参与者"') and "集团领导" in n for n in notes), notes


def test_a_lead_under_a_body_is_not_a_witness():
    assert not _notes("在上级工会的指导下，工会举办叉车驾驶技能比武，参赛职工52人。")


def test_a_person_after_you_before_an_act_read_as_nouns_is_an_actor():
    notes = _notes("工会举办叉车驾驶技能比武，由集团安全总监现场指导，参赛职工52人。")
    assert any(n.startswith('参与者"') and n.split('"')[1].endswith("安全总监") for n in notes), notes


def test_what_follows_weiyu_is_a_place():
    notes = _notes("为位于西郊冷库的仓储职工更换工作服300套。")
    assert any(n.startswith('地点"') and "西郊冷库" in n for n in notes), notes


def test_being_listed_is_an_honour():
    notes = _notes("工会举办叉车驾驶技能比武，参赛职工52人，该项赛事被列为全省职工技能竞赛重点项目。")
    assert any(n.startswith('荣誉"') for n in notes), notes


def test_faithful_sentences_stay_clean():
    assert not _notes("工会举办叉车驾驶技能比武，52名参赛职工同场竞技；同时为仓储职工更换工作服300套。")


def test_people_reached_in_a_clause_of_their_own_are_an_object():
    notes = _notes("为仓储职工更换工作服300套，重点面向夜班装卸人员。")
    assert any(n.startswith('对象"') and "夜班装卸人员" in n for n in notes), notes


def test_people_reached_that_the_facts_write_say_nothing():
    assert not _notes("为仓储职工更换工作服300套，覆盖全体仓储职工。")
    assert not _notes("为仓储职工更换工作服300套，惠及广大职工。")


def test_a_body_that_did_it_together_is_an_actor():
    notes = _notes("工会与市叉车协会共同举办叉车驾驶技能比武，参赛职工52人。")
    assert any(n.startswith('参与者"市叉车协会"') for n in notes), notes
    assert not _notes("工会与职工一起举办叉车驾驶技能比武，参赛职工52人。")


def test_the_act_glued_after_an_invited_person_is_not_quoted():
    notes = _notes("工会举办叉车驾驶技能比武，参赛职工52人，请市质监局专家全程把关。")
    assert notes == ['参与者"市质监局专家"事实中没有'], notes


def test_people_included_say_who_was_reached():
    notes = _notes("为仓储职工更换工作服300套，包括劳务派遣人员在内。")
    assert any(n.startswith('对象"劳务派遣人员"') for n in notes), notes
    assert not _notes("为仓储职工更换工作服300套，包括全体仓储职工在内。")


def test_a_time_said_as_a_clause_of_its_own_is_a_time():
    notes = _notes("时值隆冬，工会为仓储职工更换工作服300套。")
    assert any(n.startswith('时间"隆冬"') for n in notes), notes
    assert not _notes("正值企业转型发展的关键时期，工会为仓储职工更换工作服300套。")


def test_an_area_written_onto_the_counted_people_is_a_place():
    notes = _notes("为物流园东片区仓储职工更换工作服300套。")
    assert any(n.startswith('地点"') and "片区" in n for n in notes), notes
