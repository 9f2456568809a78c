"""One area named in other words (issue 20, session 26): two headings of a plan, or two areas the opening names,
that say one area in different words (丰富职工生活 and 丰富职工文化生活; 做好职工帮扶 and 扎实开展帮扶救助) are one area
(one_home.same_area: the lexicon keywords of one theme, the content words their stems share). The pairs are of
bench/h6_26/pairs.tsv, labelled by hand before the reading was written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from drafter.pipeline import one_home
from drafter.pipeline.planned import Plan, PlannedSection
from drafter.pipeline.themes import load_book

PIPELINE = Path(__file__).resolve().parent.parent / "drafter" / "pipeline"


@pytest.mark.parametrize("first, second, named", [
    ("丰富职工生活", "丰富职工文化生活", ["word:生活"]),  # the area's word with and without 文化
    ("做好职工帮扶", "扎实开展帮扶救助", ["theme:care"]),  # 帮扶: the lexicon's word of care
    ("健全工会组织，积极发动会员入会", "完善工会组织建设", ["theme:org"]),  # 会员, 入会: of organisation
    ("进一步深化企务公开工作", "加强厂务公开工作，履行工会监督职责", ["word:公开"]),
    ("培育高素质的职工队伍", "加强学习培训，职工素质不断提升", ["word:素质"]),  # 高素质 is 素质
])
def test_two_headings_naming_one_area_in_other_words_are_one_area(first, second, named):
    assert one_home.same_area(first, second, load_book()) == named


@pytest.mark.parametrize("first, second", [
    ("依法维护职工合法权益", "关心关爱女职工，维护女职工特殊权益"),  # 权益, but workers' rights and women's
    ("举办法律知识竞赛", "广泛开展劳动竞赛，职工建功立业热情高涨"),  # 竞赛, but a quiz on the law and labour contests
    ("畅通职工参与渠道", "参与问卷调查"),  # 参与 names no area
    ("深化民主管理", "规范经费管理"),  # 管理 is every area's
    ("丰富职工文化生活，文体活动多姿多彩", "做好职工帮扶和服务工作"),
])
def test_headings_sharing_a_loose_word_or_of_two_areas_are_not_one(first, second):
    assert one_home.same_area(first, second, load_book()) == []


def test_the_opening_names_an_area_said_in_other_words_once():
    """Random list r107 of plan_bench: 在…丰富职工文化生活、加强学习教育、丰富职工生活等方面 named culture twice."""
    plan = Plan([PlannedSection("body", "丰富职工文化生活，文体活动多姿多彩", 1), PlannedSection("body", "加强学习教育", 2),
                 PlannedSection("body", "开展活动，丰富职工生活", 3),
                 PlannedSection("body", "加强厂务公开工作，履行工会监督职责", 4), PlannedSection("body", "进一步深化企务公开工作", 5)],
                [])
    assert plan.named_areas() == ["丰富职工文化生活", "加强学习教育", "加强厂务公开工作"]


def test_a_plan_naming_an_area_in_other_words_is_counted():
    sections = [PlannedSection("body", "丰富职工文化生活，文体活动多姿多彩", 1), PlannedSection("body", "开展活动，丰富职工生活", 2)]
    assert one_home.plan_shared(sections, load_book()) == ["word:生活"]


def test_no_stage_module_reads_the_planners_private_state():
    """The planner's state the stage modules read (its themes, each fact's theme `placed`, the facts' affinity
    `scores`, how far her order counts `her_order`) is public: no module reaches into `planner._…`."""
    for path in PIPELINE.glob("*.py"):
        assert not re.search(r"\bplanner\._[a-z]", path.read_text(encoding="utf-8")), path.name


def test_a_section_naming_an_area_in_other_words_is_headed_by_its_own_work(settings):
    """做好帮扶服务，丰富职工生活 over two care facts, beside 丰富职工文化生活 over the culture facts: culture in other
    words. The culture section keeps its heading; the care one is headed by its own work. No fact moves (an area
    named in other words: the held-out summaries keep such facts where they were)."""
    from test_plan_one_home import group, planner_for

    from drafter.pipeline.titling import bare

    facts = ["举办职工篮球赛，12支代表队参赛。", "组织职工文艺汇演，演出节目20个。",
             "开展困难职工帮扶，春节走访慰问56户，发放慰问金8万元。", "为困难职工办理大病救助12人，帮扶资金5万元。",
             "举办职工趣味运动会，参赛职工300人。"]
    planner = planner_for(settings, facts, ["culture", "culture", "care", "care", "culture"])
    groups, titles = [group([0, 1, 4]), group([2, 3])], ["丰富职工文化生活，文体活动多姿多彩", "做好帮扶服务，丰富职工生活"]
    one_home.settle(planner, groups, titles, facts, {bare(t) for t in titles})
    assert [g.lines for g in groups] == [[0, 1, 4], [2, 3]] and planner.misfits == (0, 0)
    assert titles == ["丰富职工文化生活，文体活动多姿多彩", "做好帮扶服务"]
    assert one_home.shared_areas(titles, planner.book) == []
