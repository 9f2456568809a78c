"""One section per area (issue 20): facts of unrelated areas are not merged to reach the examples' section count
(only themes of one [[family]], or facts truly close, share a section), and a merged section's heading and lead
speak of every fact in it, not only of some (the demo request's 新发展会员 had sat under 帮扶救助, its 文体活动 under a
heading naming only the competitions)."""

from __future__ import annotations

import numpy as np
import pytest

from drafter.models import DraftPlan, DraftRequest, PlanSection
from drafter.pipeline import grouping, theme_titles
from drafter.pipeline.heading_rules import heading_faults
from drafter.pipeline.plan import Planner
from drafter.pipeline.template import TemplateWriter
from drafter.pipeline.themes import load_book
from drafter.pipeline.titling import fits
from plan_support import BankLibrary, embedder, example  # noqa: F401 - embedder is a fixture

DEMO = ["全年新发展会员126人，会员总数达到1842人",
        "召开二届三次职工代表大会，审议通过集体合同等4项议案，收集职工提案37件，办结率100%",
        "春节期间走访慰问困难职工86户，发放慰问金12.6万元",
        "组织开展数控车工、钳工等6个工种技能比武，参赛职工312人次，15人获评公司技术能手",
        "举办职工篮球赛、趣味运动会等文体活动9场，参与职工2300余人次",
        "开展“三八”妇女节系列活动，组织女职工“两癌”筛查218人",
        "为全体会员办理职工互助保障，投保金额8.4万元，全年理赔42人次",
        "全年工会经费收入215.3万元，支出198.7万元，经审委员会开展专项审计2次"]


@pytest.fixture(scope="module")
def library(embedder):
    """Four-section examples (the corpus's median): their count alone would merge the demo's eight areas into three."""
    return BankLibrary(embedder, [
        example("a.md", ["加强组织建设，发展会员", "深化民主管理，开好职代会", "关心职工生活，做好帮扶送温暖工作",
                         "加强自身建设"]),
        example("b.md", ["开展技能比武，提升职工素质", "丰富文体活动，建设文化之家", "关爱女职工", "规范经费管理"]),
        example("c.md", ["走访慰问困难职工", "开展劳动竞赛", "丰富职工文化体育活动", "加强经费审查"]),
    ])


def plan_for(settings, library, facts):
    return Planner(settings, library, load_book()).plan(DraftRequest(org="某公司工会", period="2025年", facts=facts))


def section_of(plan, line: int):
    return next(s for s in plan.body() if line in s.fact_lines)


def test_one_fact_per_area_gets_a_section_per_area_unless_two_are_of_one_family(settings, library):
    plan = plan_for(settings, library, DEMO)
    assert section_of(plan, 1).fact_lines == [1]  # membership is not filed under 帮扶救助
    assert section_of(plan, 4) is not section_of(plan, 5)  # 文体 is not filed under 劳动竞赛
    assert section_of(plan, 3) is section_of(plan, 7)  # two care facts share one
    assert len(plan.body()) >= 6
    assert heading_faults(plan) == []
    for section in plan.body():
        own = [DEMO[n - 1] for n in section.fact_lines]
        assert fits(own, section.title), section.title


def test_a_sections_lead_speaks_of_every_fact_in_it(settings, library):
    facts = [DEMO[4], DEMO[5], "组织职工参加市总工会羽毛球比赛，获团体第二名", DEMO[0], "组织职工健步走活动，600余人参加"]
    outline = DraftPlan(sections=[PlanSection(heading="丰富职工文化生活，关心关爱女职工", facts=[1, 2, 3]),
                                  PlanSection(heading="发展会员，开展健步走", facts=[4, 5])])
    request = DraftRequest(org="某公司工会", period="2025年", facts=facts, plan=outline)
    plan = Planner(settings, library, load_book()).plan(request)
    joint, mixed = plan.body()
    assert joint.theme == "culture+women"  # the family's joint lead, not 文体's alone
    lead = TemplateWriter(request, plan).lead(joint)
    assert "文化" in lead and "女职工" in lead, lead
    assert mixed.theme == ""  # 会员 is of no family with 文体: the plain lead
    assert "各项工作" in TemplateWriter(request, plan).lead(mixed)


def test_themes_of_one_family_are_headed_together():
    book = load_book()
    by_key = {t.key: t for t in book.themes}
    facts = [DEMO[4], DEMO[5], "组织职工参加市总工会羽毛球比赛，获团体第二名"]
    themes = [by_key["culture"], by_key["women"], by_key["culture"]]
    assert theme_titles.own_theme(facts, themes) is None  # 文体 holds two of three, but 三八 is clearly 女职工's
    assert theme_titles.joint_titles(facts, themes, book)[0] == "丰富职工文化生活，关心关爱女职工"
    assert theme_titles.lead_key(facts, themes, book) == "culture+women"


def test_a_heading_over_two_areas_must_name_both():
    book = load_book()
    by_key = {t.key: t for t in book.themes}
    facts, themes = [DEMO[3], DEMO[4]], [by_key["competition"], by_key["culture"]]
    assert not theme_titles.spans("广泛开展劳动竞赛，职工建功立业热情高涨", facts, themes)
    assert theme_titles.spans("开展劳动竞赛，丰富文体活动", facts, themes)
    assert theme_titles.own_theme(facts, themes) is None  # half are competition's, but 文体 is clearly culture's
    assert theme_titles.lead_key(facts, themes, book) == ""  # not one family: the plain lead
    suggestions = ["开展献计献策活动，为企业发展征集好建议120条", "组织职工提合理化建议"]
    assert theme_titles.lead_key(suggestions, [by_key["safety"]] * 2, book) == ""  # placed by meaning alone


def test_unrelated_groups_merge_only_when_truly_close():
    scores = np.array([[0.0, -0.8, -0.8], [-0.8, 0.0, 0.5], [-0.8, 0.5, 0.0]])
    strangers = grouping.kinship(["org", "care", "care"], [frozenset({"care", "safety"})])
    assert len(grouping.cluster(scores, 1, 9, apart=grouping.APART, cap=3)) == 1  # the count alone merges all
    merge = {"alike": grouping.ALIKE, "apart": grouping.APART, "cap": 3}  # as the planner calls it
    assert grouping.cluster(scores, 1, 9, kin=strangers, **merge) == [[0], [1, 2]]
    family = grouping.kinship(["safety", "care", "care"], [frozenset({"care", "safety"})])
    assert len(grouping.cluster(scores, 1, 9, kin=family, **merge)) == 1


def test_facts_next_to_each_other_are_not_thereby_of_one_area(settings, library):
    # the bench's bank request reads as grouped (orderliness 0.7), yet lists one fact per area: 心理健康, 帮扶金,
    # 职代会 and 经费 had shared one section under "开展职工心理健康服务、发放帮扶金等工作"
    facts = ["开展“比学赶超”营销劳动竞赛，全行68个网点参赛", "举办柜面业务技能比赛，选拔技术能手12名",
             "组织青年员工羽毛球、乒乓球比赛，参赛员工430人次", "开展职工心理健康服务，为员工提供心理咨询85人次",
             "为困难员工发放帮扶金9.3万元，帮扶17户", "召开职工代表大会专门委员会会议2次，征集职工意见建议41条",
             "工会经费支出中用于职工活动的比例达到72%", "建成母婴室5间，完成“爱心妈妈小屋”达标创建"]
    plan = plan_for(settings, library, facts)
    care, voice = {section_of(plan, n).title for n in (4, 5)}, {section_of(plan, n).title for n in (6, 7)}
    assert not care & voice  # 心理健康 and 帮扶金 (帮扶) apart from 职代会 and 经费 (民主管理, 自身建设: one family)
    assert heading_faults(plan) == []


def test_the_opening_names_a_fact_made_heading_by_its_first_act():
    from drafter.pipeline.planned import Plan, PlannedSection

    plan = Plan([PlannedSection("body", "开展职工心理健康服务、发放帮扶金等工作", 1),
                 PlannedSection("body", "提升职工技能，丰富文体活动", 2)], [])
    assert plan.named_areas() == ["开展职工心理健康服务", "提升职工技能"]
