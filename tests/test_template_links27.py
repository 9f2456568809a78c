"""What a secretary reading the template drafts of session 27 (held-out s002_13, s002_18, s001_01, s002_02) would
strike out: a connective before a fact that says its own link (此外，我们还会…), before a result that is no piece of
work (此外，从各地完成情况看，…; 同时，参保率…达到了100%, left in session 26), after a view (…是领导阶级…。与此同时，按照…)
or inside one sentence cut in two at its semicolon (…回收率达到96.7%。此外，有效问卷1436份…); and the template's
closing after a fact that sums the section up (总之，…。职工的获得感和幸福感不断增强。). The facts are written for
these tests."""

from __future__ import annotations

import re

import pytest

from drafter.models import DraftRequest
from drafter.pipeline.fact_links import links_itself, states_result
from drafter.pipeline.planned import Plan, PlannedSection
from drafter.pipeline.template import TemplateWriter, joinable

_JOINED = re.compile(r"(?:与此同时|同时|此外)，$")


def _render(facts: list[str], heading: str = "关心职工生活，丰富文体活动", theme: str = "care"):
    section = PlannedSection("body", heading, 1, theme, list(range(1, len(facts) + 1)))
    plan = Plan([PlannedSection("opening", ""), section, PlannedSection("closing", "")], facts)
    return TemplateWriter(DraftRequest(org="某厂工会", period="2025年", facts=facts), plan).render(section)


@pytest.mark.parametrize("fact", ["我们还组织职工参加了市总工会的摄影比赛", "车间分会也开展了“小发明”评选",
                                  "在节日期间，我们还为一线职工送去了防暑用品", "今年又新建职工书屋2个"])
def test_a_fact_saying_its_own_link_takes_no_connective(fact):
    assert links_itself(fact)
    assert not joinable("组织职工开展健步走活动", fact)


@pytest.mark.parametrize("fact", ["全厂职工互助保障参保率达到了98%", "从全年完成情况看，技能竞赛有效促进了生产",
                                  "会员人数增长到1260人"])
def test_a_result_takes_no_connective(fact):
    assert states_result(fact)
    assert not joinable("组织职工开展健步走活动", fact)


@pytest.mark.parametrize("fact", ["为提高职工技能，举办了电工培训班", "组织职工参加技能比赛，提高了操作水平",
                                  "还款计划已落实到人", "工会下达了各分会的年度任务", "全厂共发放慰问金3万元"])
def test_a_piece_of_work_is_no_result_nor_its_own_link(fact):
    assert not states_result(fact)
    assert not links_itself(fact)


def test_no_connective_after_a_view():
    view = "职工是企业的主人，工会工作离不开广大职工的支持"
    assert not joinable(view, "组织开展了职工合理化建议征集活动")
    assert joinable("举办了职工篮球赛", "组织开展了职工合理化建议征集活动")


def test_a_fact_left_open_on_a_semicolon_goes_on_in_the_next_fact_of_her_list():
    facts = ["组织职工开展健步走活动", "开展了职工满意度问卷调查，共发放问卷860份，收回812份；", "有效问卷790份，形成了调查报告",
             "为困难职工办理医疗互助保障"]
    for order in (facts, [facts[3], facts[1], facts[2], facts[0]]):  # the connectives fall by the facts
        text = _render(order)
        assert "收回812份；有效问卷790份" in text, text


def test_a_semicolon_joins_only_the_next_fact_of_her_list():
    facts = ["开展了职工满意度问卷调查，共发放问卷860份；", "组织职工开展健步走活动", "有效问卷790份，形成了调查报告"]
    section = PlannedSection("body", "关心职工生活，丰富文体活动", 1, "care", [1, 3])
    plan = Plan([PlannedSection("opening", ""), section, PlannedSection("closing", "")], facts)
    text = TemplateWriter(DraftRequest(org="某厂工会", period="2025年", facts=facts), plan).render(section)
    assert "860份。" in text, text


def test_a_section_of_results_and_own_links_reads_without_a_connective_before_them():
    facts = ["组织职工开展健步走活动", "全厂职工互助保障参保率达到了98%", "为困难职工办理医疗互助保障",
             "我们还组织职工参加了市总工会的摄影比赛", "举办职工乒乓球赛", "从全年完成情况看，文体活动增强了凝聚力",
             "为住院职工送去慰问品"]
    for start in range(len(facts)):
        order = facts[start:] + facts[:start]
        text = _render(order)
        for fact in ("全厂职工互助", "我们还组织", "从全年完成"):
            assert not _JOINED.search(text[:text.index(fact)]), text


def test_a_section_summed_up_by_its_last_fact_takes_no_closing_of_the_template():
    facts = ["组织职工开展健步走活动", "举办职工乒乓球赛", "总之，全年的文体活动场次和参与人数都超过了往年"]
    text = _render(facts)
    assert text.rstrip().endswith("都超过了往年。"), text
