"""What a secretary reading the template drafts of session 26 (held-out s004_05, s003_09, s000_01) would strike out:
a connective before a sentence that dates itself (此外，xx年履约率达100%; 与此同时，近年来，…; 同时，“五一”国际劳动节，…)
or that goes on from the one before (同时，本次参赛共有…; 此外，总计…), and a fact-made heading that keeps a
session's second number (召开二次委员扩大会议 of 召开了一届二次委员扩大会议: a count no fact gives). The facts here
are written for these tests."""

from __future__ import annotations

import re

import pytest

from drafter.models import DraftRequest
from drafter.pipeline.planned import Plan, PlannedSection
from drafter.pipeline.template import TemplateWriter, takes_connective
from drafter.pipeline.titling import core

_JOINS = re.compile(r"(?:与此同时|同时|此外)，$")


@pytest.mark.parametrize("fact", [
    "xx年职工互助保障参保率达100%",  # a year, a placeholder's
    "2024年工会走访慰问生病职工12人次",
    "二〇二四年，工会共调解劳动争议3起",
    "近年来，工会坚持每季度召开一次职工座谈会",
    "目前，全员读书活动正在各车间展开",
    "平时，职工家中有红白喜事工会都上门看望",
    "年内对各分会的经费使用情况进行了审计",
    "今年五月，工会为一线班组添置了饮水机",
    "“三八”国际妇女节，工会组织女职工到植物园踏青",
    "本次比赛共有12支代表队参加",  # goes on from the fact before it
    "此次培训共有45名班组长结业",
    "这项工作已于10月底全部完成",
    "总计发放慰问金28000元",
    "活动中，各工会小组组织精干队伍参赛",  # the event just named (held-out s004_07, session 26)
    "会上，职工代表审议通过了集体合同",
])
def test_a_fact_with_its_own_time_or_going_on_from_the_last_takes_no_connective(fact):
    assert not takes_connective(fact)


@pytest.mark.parametrize("fact", ["组织职工参加市职工乒乓球比赛", "年度考核结果在厂务公开栏公示", "二年级教研组开展集体备课",
                                  "节能降耗竞赛在各车间展开", "本着就近原则组建了三个工会小组",
                                  "活动中心新添置了健身器材"])
def test_a_fact_of_its_own_act_still_may_take_one(fact):
    assert takes_connective(fact)


def test_a_section_of_dated_and_following_facts_reads_without_a_connective_before_them():
    facts = ["组织职工参加市职工乒乓球比赛", "本次比赛共有12支代表队参加", "工会为住院职工送去慰问金",
             "xx年工会走访慰问生病职工12人次", "组织职工开展健步走活动", "近年来，工会坚持每季度召开一次职工座谈会",
             "为困难职工办理医疗互助保障", "总计发放慰问金28000元"]
    section = PlannedSection("body", "关心职工生活，丰富文体活动", 1, "care", list(range(1, len(facts) + 1)))
    for start in range(len(facts)):  # every fact order: the facts pick where the template's connectives fall
        order = facts[start:] + facts[:start]
        plan = Plan([PlannedSection("opening", ""), section, PlannedSection("closing", "")], order)
        text = TemplateWriter(DraftRequest(org="某厂工会", period="2025年", facts=order), plan).render(section)
        for fact in ("本次比赛", "xx年工会", "近年来", "总计发放"):
            assert not _JOINS.search(text[:text.index(fact)]), text


def test_a_session_s_numbers_are_dropped_together_from_a_fact_made_heading():
    assert core("召开了二届三次职工代表大会，审议通过了工资集体协议") == "召开职工代表大会"
    assert core("组织召开四届一次会员代表大会，选举产生新一届工会委员会") == "组织召开会员代表大会"
    assert core("举办了两期班组长培训班，参训80人") == "举办班组长培训班"  # one count, as before


@pytest.mark.parametrize("fact", ["工会会员是企业发展的主力军，也是工会工作的依靠对象", "“职工小家”是班组职工交流的阵地"])
def test_a_fact_saying_what_something_is_takes_no_connective(fact):
    """与此同时，和谐劳动关系是和谐社会的重要组成部分 (held-out s003_09): a view stated, no work done beside the last."""
    assert not takes_connective(fact)


@pytest.mark.parametrize("fact", ["坚持开展“我是安全员”主题活动", "开展技能比武，是提升职工技能的重要途径"])
def test_a_fact_of_an_act_saying_is_later_may_still_take_one(fact):
    assert takes_connective(fact)


def test_a_fact_opening_on_bing_or_hai_goes_on_in_the_sentence_before():
    """…技术比武活动。并积极参与市属工会…比武。 (held-out s004_05): the secretary joins it to the act before it."""
    facts = ["组织一线岗位职工开展技术比武活动", "并选派8名选手参加市职工技能大赛", "举办班组长培训班2期",
             "还邀请技术专家到车间现场授课"]
    section = PlannedSection("body", "提升职工技能", 1, "competition", [1, 2, 3, 4])
    plan = Plan([PlannedSection("opening", ""), section, PlannedSection("closing", "")], facts)
    text = TemplateWriter(DraftRequest(org="某厂工会", period="2025年", facts=facts), plan).render(section)
    assert "技术比武活动，并选派8名选手" in text and "举办班组长培训班2期，还邀请" in text, text
    assert "。并" not in text and "。还" not in text, text


def test_a_fact_going_on_with_the_matter_of_the_last_takes_no_connective():
    """…开展了合理化建议活动。此外，全省共征集合理化建议2183条 (held-out s000_01): the count is that activity's."""
    from drafter.pipeline.template import same_matter

    assert same_matter("5月在全厂开展了“金点子”合理化建议征集活动", "全厂共征集合理化建议316条")
    assert same_matter("举办“安康杯”安全知识竞赛", "全厂23个班组参加了“安康杯”安全知识竞赛初赛")
    assert not same_matter("组织职工参加市总工会举办的健步走活动", "市总工会表彰我厂为模范职工之家")  # the union's name
    assert not same_matter("举办职工篮球赛", "开展职工读书月活动")
    facts = ["5月在全厂开展了“金点子”合理化建议征集活动", "全厂共征集合理化建议316条", "举办职工篮球赛",
             "开展职工读书月活动", "为困难职工办理医疗互助保障"]
    section = PlannedSection("body", "推进民主管理", 1, "democracy", [1, 2, 3, 4, 5])
    for start in range(len(facts)):
        order = facts[start:] + facts[:start]
        plan = Plan([PlannedSection("opening", ""), section, PlannedSection("closing", "")], order)
        text = TemplateWriter(DraftRequest(org="某厂工会", period="2025年", facts=order), plan).render(section)
        if order.index(facts[1]) == order.index(facts[0]) + 1:
            assert not _JOINS.search(text[:text.index("全厂共征集")]), text
