"""Wordings of a strong model read by meaning (issue 19, session 17, helper h5), each with the invention beside it
that must still be caught:
  * the writer's own workplace opening a clause (纺织厂工会…, 出租汽车公司工会…) is who writes, not new content; a
    body joined on (联合纺织厂工会, 联合市妇联) or a higher body (市总工会) is still judged;
  * the people a counted thing is for may be left out (组织心理健康讲座3场 for 组织职工心理健康讲座3场); other people in
    their place (为家属组织…) are still a changed item;
  * the whole of a unit (在全院营造…氛围, 在全校举办) is the work's reach, not a place; a venue (全校礼堂) and a reach
    beyond the workplace (全省) are still places."""

from __future__ import annotations

from drafter.numcheck import check, load_lexicon

LEX = load_lexicon()


def _result(facts: list[str], text: str):
    return check(facts, text, lexicon=LEX)


def _claims(facts: list[str], text: str) -> list[tuple[str, str]]:
    return [(c.text, c.note or "") for c in _result(facts, text).claims]


def _flagged_numbers(facts: list[str], text: str) -> list[str]:
    return [h.text for h in _result(facts, text).numbers if h.status != "supported"]


EXAM = ["为女职工开展妇科健康检查，受检女职工260人"]
_REST = "为女职工开展妇科健康检查，受检女职工260人。"


def test_the_writers_own_workplace_opening_a_clause_is_given():
    for org in ("印染厂", "机务段", "长途客运公司"):
        assert _claims(EXAM, f"{org}工会聚焦女职工特殊权益保护，{_REST}") == [], org


def test_a_body_beside_the_writer_is_still_a_claim():
    for text in (f"工会联合印染厂工会聚焦女职工特殊权益保护，{_REST}",
                 f"印染厂工会联合市卫健委聚焦女职工特殊权益保护，{_REST}",
                 f"印染厂工会和市卫健委聚焦女职工特殊权益保护，{_REST}"):
        assert _claims(EXAM, text) != [], text


def test_the_writers_own_union_chair_is_still_an_actor():
    claims = _claims(EXAM, f"印染厂工会主席带队{_REST}")
    assert any(note.startswith("参与者") for _, note in claims), claims


TALKS = ["举办职工法律知识讲座4场"]


def test_the_people_a_counted_thing_is_for_may_be_left_out():
    assert _flagged_numbers(TALKS, "工会举办法律知识讲座4场，引导员工依法理性表达诉求。") == []


def test_other_people_in_their_place_still_change_the_item():
    found = _flagged_numbers(TALKS, "工会为家属举办法律知识讲座4场。") + [n for _, n in _claims(TALKS, "工会为家属举办法律知识讲座4场。")]
    assert found, "家属 for 职工 must be flagged"


def test_a_count_of_people_keeps_its_group():
    assert _flagged_numbers(["慰问退休职工210人"], "工会慰问职工210人。") != [] or \
        _claims(["慰问退休职工210人"], "工会慰问职工210人。") != []


RACE = ["举办青年教师说课比赛，参赛教师58人"]


def test_the_whole_of_a_unit_is_a_reach_not_a_place():
    for whole in ("全院", "全校", "全厂"):
        text = f"工会举办青年教师说课比赛，58名教师参赛，在{whole}营造了钻研教学的浓厚氛围。"
        assert not any(n.startswith("地点") for _, n in _claims(RACE, text)), whole


def test_a_venue_or_a_reach_beyond_the_workplace_is_still_a_place():
    for place in ("全校礼堂", "全省"):
        text = f"工会在{place}举办青年教师说课比赛，58名教师参赛。"
        claims = _claims(RACE, text)
        assert any(n.startswith("地点") and place in n for _, n in claims), (place, claims)


def test_an_act_before_a_higher_body_is_no_workplace():
    claims = _claims(["为12名患大病职工发放医疗救助金9.6万元"],
                     "为12名患大病职工发放医疗救助金9.6万元，并协助申请市总工会大病救助，彰显了工会组织的温暖。")
    assert any("协助申请" in text for text, _ in claims), claims


def test_the_whole_city_is_beyond_a_workplace_and_still_a_place():
    claims = _claims(RACE, "工会在全市举办青年教师说课比赛，58名教师参赛。")
    assert any(n.startswith("地点") and "全市" in n for _, n in claims), claims


SANITATION = ["开展“环卫工人节”慰问活动"]
SKILLS = ["举办护理技能竞赛，参赛护士126人"]


def test_a_quality_jieba_guesses_as_a_name_is_no_thing():
    assert _claims(SANITATION, "工会开展“环卫工人节”慰问活动，向环卫工人致以崇高的敬意。") == []


def test_a_thing_given_beside_the_greeting_is_still_caught():
    claims = _claims(SANITATION, "工会开展“环卫工人节”慰问活动，向环卫工人致以崇高的敬意，并赠送保温杯。")
    assert any("保温杯" in text for text, _ in claims), claims


def test_a_function_word_jieba_tags_as_a_noun_is_no_thing():
    assert _claims(SKILLS, "医院工会举办护理技能竞赛，126名护士同台比武、切磋技艺。") == []


def test_new_people_beside_it_are_still_caught():
    claims = _claims(SKILLS, "医院工会举办护理技能竞赛，126名护士和护工同台比武、切磋技艺。")
    found = claims + [(h.text, h.note) for h in _result(SKILLS, "医院工会举办护理技能竞赛，126名护士和护工同台比武、切磋技艺。").numbers
                      if h.status != "supported"]
    assert any("护工" in (text + (note or "")) for text, note in found), found


NURSES = ["开展护士节表彰活动，表彰优秀护士40名"]


def test_a_festivals_own_date_beside_its_name_is_no_figure():
    for day in ("“5·12”国际护士节", "5月12日国际护士节", "“5.12”护士节"):
        assert _flagged_numbers(NURSES, f"医院工会以{day}为契机，隆重表彰优秀护士40名。") == [], day


def test_another_day_or_a_festival_no_fact_names_is_still_flagged():
    for day in ("“5·20”国际护士节", "“3·8”妇女节"):
        assert _flagged_numbers(NURSES, f"医院工会以{day}为契机，隆重表彰优秀护士40名。") != [], day
    assert _flagged_numbers(NURSES, "医院工会在5月12日隆重表彰优秀护士40名。") != []


def test_an_adverb_that_is_also_a_kind_still_qualifies_a_thing():
    claims = _claims(["审议通过《集体合同》等3项议案"], "职代会审议通过《集体合同》《女职工专项集体合同》等3项议案。")
    assert any("专项" in text for text, _ in claims), claims


CUP = ["开展“安康杯”竞赛，参赛班组52个", "评出优胜班组8个"]
_CUP = "工会开展“安康杯”竞赛，52个班组参赛，评出优胜班组8个，推动了安全生产责任在{}落地落实。"


def test_a_state_joined_to_another_act_is_a_verb_pair_not_a_thing():
    assert _claims(CUP, _CUP.format("班组")) == []


def test_a_new_place_before_the_verb_pair_is_still_caught():
    claims = _claims(CUP, _CUP.format("车间班组"))
    assert any(n.startswith("地点") and "车间" in n for _, n in claims), claims


CAMP = ["为职工子女举办暑期托管班2期，托管儿童130人"]


def test_the_item_window_never_cuts_a_word():
    assert "2期" not in _flagged_numbers(CAMP, "工会开办暑期托管班2期，托管职工子女130人。")


def test_another_class_for_the_count_is_still_a_changed_item():
    assert "2期" in _flagged_numbers(CAMP, "工会开办英语辅导班2期，托管儿童130人。")


MIXERS = ["组织单身青年联谊活动3场"]


def test_a_platform_the_work_opens_is_no_thing():
    assert _claims(MIXERS, "工会还组织单身青年联谊活动3场，为青年职工搭建交友平台。") == []


def test_a_platform_launched_is_still_a_claim():
    assert _claims(MIXERS, "工会还组织单身青年联谊活动3场，为青年职工开通线上交友平台。") != []


COOL = ["夏季送清凉慰问驾驶员1450人次"]
_COOL = "夏季工会开展送清凉活动，慰问驾驶员1450人次，{}。"


def test_where_care_is_brought_is_no_thing_handed_over():
    assert _claims(COOL, _COOL.format("把组织的关怀送到了车厢旁、站台边")) == []


def test_a_thing_handed_over_before_or_after_the_verb_is_still_caught():
    claims = _claims(COOL, _COOL.format("为驾驶员送上了车厢坐垫"))
    assert any(n.startswith("对象") for _, n in claims), claims
    claims = _claims(COOL, _COOL.format("把组织的关怀和车载冰箱送到了车厢旁"))
    assert any(n.startswith("对象") and "车载" in n for _, n in claims), claims
