"""Each role is filled by words of its class (issue 19, item 3; drafter.numcheck.wordclass, roles.py):
a place is a place name, an institution, a head such as 中心 or a landform of 词林 (海边, 山脚下); a time is a
calendar word (晚间, 每周三下午), never the deictic 目前/近年来 nor a rate (每天平均); an actor is a person, a post
or a body (由公司总经理作…, 协调…医疗团队); an honour is a title given by someone (评为, 荣获, 入选 …).
Sentences written for these tests, not taken from the paragraph sets."""

import pytest

from drafter.numcheck import check

REST = ["组织劳模疗休养2批，参加劳模46人"]
NIGHT = ["开设职工夜校课程，开课32次"]
CONGRESS = ["召开职工代表大会1次，审议通过议案5项"]
CHECKUP = ["为孕期女职工开展健康体检，体检180人"]
ART = ["举办职工书画比赛，收到作品120幅"]


def _notes(facts, draft):
    return [c.note for c in check(facts, draft).claims]


@pytest.mark.parametrize("draft, place", [
    ("工会组织劳模赴黄山脚下疗休养2批，参加劳模46人。", "黄山脚下"),
    ("工会组织劳模赴海边疗休养2批，参加劳模46人。", "海边"),
    ("工会组织劳模前往泰山脚下疗休养2批，参加劳模46人。", "泰山脚下"),
])
def test_a_landform_after_a_place_marker_is_a_place(draft, place):
    assert f'地点"{place}"事实中没有' in _notes(REST, draft)


@pytest.mark.parametrize("draft, time", [
    ("开设职工夜校课程，每天晚间开课32次。", "每天晚间"),
    ("开设职工夜校课程，每周三下午开课32次。", "每周三下午"),
    ("开设职工夜校课程，周六上午开课32次。", "周六上午"),
])
def test_calendar_words_are_one_time(draft, time):
    assert f'时间"{time}"事实中没有' in _notes(NIGHT, draft)


@pytest.mark.parametrize("draft", [
    "目前，工会开设职工夜校课程，开课32次。",
    "近年来，工会开设职工夜校课程，开课32次。",
    "今后，工会将继续开设职工夜校课程，本年度已开课32次。",
])
def test_deictic_time_words_fill_no_role(draft):
    assert not [n for n in _notes(NIGHT, draft) if n.startswith("时间")]


def test_a_rate_per_day_is_no_time():
    facts = ["开通职工通勤班车线路6条，日均乘车职工900人次"]
    draft = "工会开通职工通勤班车线路6条，每天平均900人次职工乘坐。"
    assert not [n for n in _notes(facts, draft) if n.startswith("时间")]


@pytest.mark.parametrize("draft, actor", [
    ("召开职工代表大会1次，由公司总经理作工作报告，审议通过议案5项。", "公司总经理"),
    ("召开职工代表大会1次，由公司工会主席作工作报告，审议通过议案5项。", "公司工会主席"),
    ("召开职工代表大会1次，由集团董事长作动员讲话，审议通过议案5项。", "集团董事长"),
])
def test_a_post_after_you_is_an_actor_up_to_its_verb(draft, actor):
    assert f'参与者"{actor}"事实中没有' in _notes(CONGRESS, draft)


@pytest.mark.parametrize("draft, actor", [
    ("协调市妇幼保健院医疗团队为孕期女职工开展健康体检，体检180人。", "市妇幼保健院医疗团队"),
    ("联合市开放大学为孕期女职工开展健康体检，体检180人。", "市开放大学"),
])
def test_a_body_engaged_is_an_actor(draft, actor):
    assert f'参与者"{actor}"事实中没有' in _notes(CHECKUP, draft)


def test_what_is_coordinated_for_someone_is_no_actor():
    draft = "工会为孕期女职工开展健康体检，体检180人，协调社区居民的各项事务。"
    assert not [n for n in _notes(CHECKUP, draft) if n.startswith("参与者")]


@pytest.mark.parametrize("draft, honour", [
    ("举办职工书画比赛，收到作品120幅，其中8幅作品入选全国职工书画展。", "全国职工书画展"),
    ("举办职工书画比赛，收到作品120幅，3幅作品入围省职工美术大展。", "省职工美术大展"),
    ("举办职工书画比赛，收到作品120幅，工会荣获市级优秀组织奖。", "市级优秀组织奖"),
])
def test_a_title_given_by_someone_is_an_honour(draft, honour):
    assert f'荣誉"{honour}"事实中没有' in _notes(ART, draft)


TRAINING = ["举办班组长培训班3期，培训学员150人"]
FAMILY = ["组织职工家庭开展文体活动20场"]


@pytest.mark.parametrize("draft", [
    "举办班组长培训班3期，培训学员150人，并组织学员赴先进单位现场观摩。",
    "举办班组长培训班3期，培训学员150人，还组织学员到兄弟企业交流学习。",
    "举办班组长培训班3期，培训学员150人，并带领学员到市博物馆参观学习。",
])
def test_an_act_joined_on_is_an_activity_with_its_place_inside(draft):
    assert any(n.startswith("活动") for n in _notes(TRAINING, draft))


@pytest.mark.parametrize("draft, activity", [
    ("组织职工家庭开展文体活动20场，周末亲子游8场。", "亲子游8场"),
    ("组织职工家庭开展文体活动20场，其中亲子运动会5场。", "亲子运动会5场"),
    ("组织职工家庭开展文体活动20场，周日亲子阅读会6场。", "亲子阅读会6场"),
])
def test_a_count_of_events_no_fact_gives_is_an_activity(draft, activity):
    assert f'活动"{activity}"事实中没有' in _notes(FAMILY, draft)


def test_a_count_of_events_the_facts_give_is_no_activity():
    assert _notes(FAMILY, "工会组织职工家庭开展文体活动20场。") == []
