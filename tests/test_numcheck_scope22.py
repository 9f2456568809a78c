"""Session 22 (h2): invented details issue 19's brief lists as missed or misnamed (sentences written for this
test, not taken from any strong set): a beneficiary in a clause of its own (优先保障…使用), a list of kinds after a
counted thing (包括…、…和…), a person met face to face (与…交流), people who did the act together named by a group word
(…人员一道), a prize carried home (捧回), the ends of a route (往返…和…的)."""

from drafter.numcheck import check

FACTS = ["新建职工停车棚3处", "组织职工开展技能培训12期", "开通职工通勤车2条线路"]


def _notes(text: str, facts: list[str] = FACTS) -> list[str]:
    return [c.note for c in check(facts, text).claims]


def _named(notes: list[str], role: str, words: str) -> bool:
    return any(n.startswith(f'{role}"') and words in n.split('"')[1] for n in notes)


def test_a_beneficiary_after_a_word_of_priority_is_an_object():
    notes = _notes("工会新建职工停车棚3处，优先保障骑电动车上下班的保洁人员使用。")
    assert _named(notes, "对象", "保洁人员"), notes
    notes = _notes("工会新建职工停车棚3处，优先照顾家住郊区的倒班司机。")
    assert _named(notes, "对象", "倒班司机"), notes


def test_given_people_or_care_without_priority_name_nothing():
    assert not _notes("工会新建职工停车棚3处，优先保障职工使用。")
    assert not _notes("工会新建职工停车棚3处，切实保障职工权益。")


def test_a_list_of_kinds_after_a_counted_thing_is_an_object():
    notes = _notes("工会组织职工开展技能培训12期，内容包括叉车驾驶、低压电工和氩弧焊。")
    assert _named(notes, "对象", "叉车驾驶"), notes
    notes = _notes("工会组织职工开展技能培训12期，涉及设备点检、故障排除和安全操作。")
    assert _named(notes, "对象", "设备点检"), notes


def test_a_list_the_facts_give_and_a_verb_of_listing_without_a_list_name_nothing():
    facts = ["组织职工开展技能培训12期，内容包括叉车驾驶、低压电工和氩弧焊"]
    assert not _notes("工会组织职工开展技能培训12期，内容包括叉车驾驶、低压电工和氩弧焊。", facts)
    assert not _notes("工会组织职工开展技能培训12期，涉及职工切身利益。")


def test_a_person_met_face_to_face_is_an_actor():
    notes = _notes("工会组织职工开展技能培训12期，学员们与全国劳动模范赵立新面对面交流。")
    assert _named(notes, "参与者", "赵立新"), notes
    assert not _notes("工会组织职工开展技能培训12期，与职工面对面交流。")


def test_people_named_by_a_group_word_before_yidao_took_part():
    notes = _notes("与区城管执法人员一道组织职工开展技能培训12期。")
    assert _named(notes, "参与者", "执法人员"), notes
    assert not _notes("与职工一道组织职工开展技能培训12期。")


def test_a_prize_carried_home_is_an_honour():
    notes = _notes("工会组织职工开展技能培训12期，培训班学员捧回了全市职业技能大赛团体奖杯。")
    assert _named(notes, "荣誉", "全市职业技能大赛团体奖杯"), notes


def test_the_ends_of_a_route_are_places():
    notes = _notes("工会开通往返高新区和火车站的职工通勤车2条线路。")
    assert _named(notes, "地点", "高新区和火车站"), notes
    assert not _notes("工会开通职工通勤车2条线路，减少了职工往返奔波。")


def test_a_named_month_whose_words_say_nothing_alone_is_a_time():
    notes = _notes("在“质量月”期间，工会组织职工开展技能培训12期。")
    assert _named(notes, "时间", "质量月"), notes
    assert not _notes("在“质量月”期间，工会组织职工开展技能培训12期。", ["质量月期间组织职工开展技能培训12期"])


def test_places_an_act_spread_over_are_places():
    notes = _notes("工会新建职工停车棚3处，覆盖全县各乡镇。")
    assert _named(notes, "地点", "各乡镇"), notes
    assert not _notes("工会新建职工停车棚3处，覆盖全体职工。")


def test_an_area_written_onto_given_people_is_a_place():
    facts = ["为环卫工人发放防寒服300套"]
    notes = _notes("工会为高新区环卫工人发放防寒服300套。", facts)
    assert _named(notes, "地点", "高新区"), notes
    notes = _notes("工会为保税区环卫工人发放防寒服300套。", facts)
    assert _named(notes, "地点", "保税区"), notes


def test_the_time_an_act_takes_is_no_time_role():
    facts = ["为抄表员配发电动车40辆"]
    assert not _notes("工会为抄表员配发电动车40辆，大大缩短了职工的奔波时间。", facts)
    notes = _notes("工会为抄表员配发电动车40辆，发放时间定在国庆节前。", facts)
    assert any(n.startswith('时间"') for n in notes), notes
