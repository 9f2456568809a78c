"""One home per area (drafter/pipeline/one_home.py, issue 20: the opening names each area once). The facts are
written for these tests after held-out s004_04's plan (一、加强工会自身建设，提升履职能力 … 四、做好帮扶服务，关心职工健康，
加强自身建设, whose section 四 held two self-building facts); every fact is as like every other (affinity 1, the
standard deviations fitting.py uses), so that only the headings decide."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from drafter.pipeline import one_home
from drafter.pipeline.fitting import Refit
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book
from drafter.pipeline.titling import bare

SELF = "加强工会自身建设，提升履职能力"
MIXED = "做好帮扶服务，关心职工健康，加强自身建设"
FACTS = [
    "修订工会经费管理办法，规范财务收支审批。",  # 0 self
    "举办工会干部培训班2期，提升工会干部履职能力。",  # 1 self
    "开展困难职工帮扶，春节走访慰问56户，发放慰问金8万元。",  # 2 care
    "关心职工健康，组织全体职工健康体检，参检职工420人。",  # 3 health
    "完善工会经费审查制度，经审委员会审计账目3次。",  # 4 self
    "建立工会财务台账，年度决算按时报送。",  # 5 self
]
THEMES = ["self", "self", "care", "safety", "self", "self"]


def planner_for(settings, facts: list[str], themes: list[str], per: int = 8) -> Planner:
    book = load_book()
    by_key = {t.key: t for t in book.themes}
    planner = Planner(settings, SimpleNamespace(), book)
    planner.settings.max_facts_per_section = per
    planner.placed = [by_key.get(k) for k in themes]
    near = np.ones((len(facts), len(facts)))
    planner.refit = Refit(facts, planner.placed, book, near, near)
    planner.misfits = (0, 0)
    return planner


def group(lines: list[int]) -> SimpleNamespace:
    return SimpleNamespace(lines=list(lines), parts=[], candidates=[], themed=frozenset(), key="")


def test_near_equal_clauses_and_one_themes_words_name_one_area():
    book = load_book()
    assert one_home.stem("加强工会自身建设") == one_home.stem("加强自身建设") == "自身建设"
    assert one_home.area("深化民主管理", book) == one_home.area("推进民主管理", book) == "theme:democracy"
    assert one_home.area("丰富职工文化生活", book) == one_home.area("丰富文体活动", book) == "theme:culture"
    assert one_home.area("关爱女职工", book) == "theme:women"  # 女职工 is the area's own word, not 职工
    assert one_home.area("开展活动", book) == ""  # 活动 names no area
    assert one_home.shared_areas([SELF, MIXED, "丰富职工文化生活，文体活动多姿多彩"], book) == ["theme:self"]
    assert one_home.shared_areas(["开展活动，丰富职工生活", "围绕企业发展，积极开展工会活动"], book) == []


def test_the_facts_only_the_shared_clause_covers_go_home_and_the_other_heading_drops_it(settings):
    planner = planner_for(settings, FACTS, THEMES)
    groups, titles = [group([0, 1]), group([2, 3, 4, 5])], [SELF, MIXED]
    used = {bare(t) for t in titles}
    one_home.settle(planner, groups, titles, FACTS, used)
    assert groups[0].lines == [0, 1, 4, 5] and titles[0] == SELF  # the self facts under the self heading
    assert groups[1].lines == [2, 3] and titles[1] == "做好帮扶服务，关心职工健康", titles[1]
    assert one_home.shared_areas(titles, planner.book) == []  # the opening names self-building once
    assert used == {bare(t) for t in titles} and planner.misfits == (0, 0)


def test_facts_the_home_cannot_take_keep_the_plan(settings):
    """At two facts a section the self section cannot take the two self facts, nor the mixed one the self
    section's: nothing moves and no heading changes (a heading without its clause over facts of it would claim
    less than they do)."""
    planner = planner_for(settings, FACTS, THEMES, per=3)
    groups, titles = [group([0, 1]), group([2, 3, 4, 5])], [SELF, MIXED]
    one_home.settle(planner, groups, titles, FACTS, {bare(t) for t in titles})
    assert [g.lines for g in groups] == [[0, 1], [2, 3, 4, 5]] and titles == [SELF, MIXED]


def test_a_home_too_full_gives_way_to_the_next(settings):
    """The section leading with the area is full (five facts a section): the other section naming it takes the
    one fact only that clause covers, and the first is re-titled without it."""
    facts = ["完善工会经费审查制度，经审委员会审计账目3次。",  # 0 self
             "举办职工篮球赛，12支代表队参赛。",  # 1 culture
             "组织职工文艺汇演，演出节目20个。",  # 2 culture
             "举办职工趣味运动会，参赛职工300人。",  # 3 culture
             "开展困难职工帮扶，春节走访慰问56户，发放慰问金8万元。",  # 4 care
             "为困难职工办理大病救助12人，帮扶资金5万元。",  # 5 care
             "建立工会财务台账，年度决算按时报送。",  # 6 self
             "举办工会干部培训班2期，提升工会干部履职能力。"]  # 7 self
    themes = ["self", "culture", "culture", "culture", "care", "care", "self", "self"]
    planner = planner_for(settings, facts, themes, per=5)
    first, second = "加强工会自身建设，丰富文体活动", "做好帮扶服务，加强自身建设"
    groups, titles = [group([0, 1, 2, 3]), group([4, 5, 6, 7])], [first, second]
    one_home.settle(planner, groups, titles, facts, {bare(t) for t in titles})
    assert groups[1].lines == [0, 4, 5, 6, 7] and titles[1] == second
    assert groups[0].lines == [1, 2, 3] and "自身建设" not in titles[0] and "文体" in titles[0], titles[0]
    assert one_home.shared_areas(titles, planner.book) == []


@pytest.mark.parametrize("parts", [True, False])
def test_a_section_of_sub_sections_is_left_alone(settings, parts):
    planner = planner_for(settings, FACTS, THEMES)
    groups, titles = [group([0, 1]), group([2, 3, 4, 5])], [SELF, MIXED]
    groups[1].parts = [([2, 3], "a"), ([4, 5], "b")] if parts else []
    one_home.settle(planner, groups, titles, FACTS, {bare(t) for t in titles})
    assert (titles == [SELF, MIXED]) is parts


def test_a_move_that_leaves_a_fact_of_the_home_a_misfit_is_not_made(settings):
    """The summer-heat fact sits under the self heading because it is like the self facts there
    (fitting.Refit.misfits); two more self facts it is unlike would leave it a misfit, so they do not join that
    section (the plan may find another home: the misfits never rise)."""
    facts = FACTS + ["为一线职工配发防暑降温用品。"]  # 6: of no theme here (no stray, no theme to span)
    planner = planner_for(settings, facts, THEMES + [None])
    near = np.ones((len(facts), len(facts)))
    near[6, [4, 5]] = near[[4, 5], 6] = -2.0
    refit = planner.refit = Refit(facts, planner.placed, planner.book, near, near)
    groups, titles = [group([0, 1, 6]), group([4, 5])], [SELF, "加强自身建设，规范经费管理"]
    assert not refit.misfits([0, 1, 6], SELF) and refit.misfits([0, 1, 4, 5, 6], SELF) == [6]
    one_home.settle(planner, groups, titles, facts, {bare(t) for t in titles})
    assert sum(len(refit.misfits(g.lines, t)) for g, t in zip(groups, titles)) == 0 and planner.misfits == (0, 0)
    assert sorted(f for g in groups for f in g.lines) == [0, 1, 4, 5, 6]


def test_a_part_of_a_theme_its_lexicon_words_name_is_an_area_of_its_own(settings):
    """After held-out s002_09: 抓好安全生产 and 关心职工健康 are two of safety's `shorts`, each with its own needs. A
    plan naming one in each of two headings names no area twice, and the health check stays under the care and
    health heading instead of going to the safety one (a 体检 fact is no 安全生产 fact)."""
    book = load_book()
    assert one_home.area("抓好安全生产", book) != one_home.area("关心职工健康", book)
    assert one_home.area("加强劳动保护", book) == "theme:safety"  # the theme's own short still names it whole
    safety = "推进民主管理，抓好安全生产"
    facts = ["坚持职工代表大会制度，每年定期召开职代会。", "抓好“安康杯”竞赛，开展安全生产月大检查。",
             "春节前夕走访慰问困难职工家庭56户。", "坚持每年为职工做一次健康体检，参检职工420人。"]
    planner = planner_for(settings, facts, ["democracy", "safety", "care", "safety"])
    groups, titles = [group([0, 1]), group([2, 3])], [safety, "做好帮扶服务，关心职工健康"]
    one_home.settle(planner, groups, titles, facts, {bare(t) for t in titles})
    assert [g.lines for g in groups] == [[0, 1], [2, 3]] and titles[1] == "做好帮扶服务，关心职工健康"


def test_a_plans_shared_areas_count_parents_and_sub_sections_but_not_an_area_and_its_own_parts():
    from drafter.pipeline.planned import PlannedSection

    book = load_book()
    care = "用心用情服务职工，为职工办实事"
    parts = [PlannedSection("body", "扎实开展帮扶救助，做好送温暖工作", 1, parent=care, sub=1),
             PlannedSection("body", "做好互助保障，组织健康体检", 1, parent=care, sub=2)]
    other = PlannedSection("body", "丰富职工文化生活，文体活动多姿多彩", 2)
    assert one_home.plan_shared([*parts, other], book) == []  # the area's heading and its own parts: one area
    siblings = [parts[0], PlannedSection("body", "做好职工帮扶和服务工作", 1, parent=care, sub=2), other]
    assert one_home.plan_shared(siblings, book) == ["part:帮扶"]  # two parts of it saying one word
    again = PlannedSection("body", "做好帮扶服务，关心职工健康", 2)
    assert one_home.plan_shared([*parts, again], book) == ["theme:care", "theme:safety/健康"]  # a part and another
    # section: 做好互助保障 and 做好帮扶服务 (care), 组织健康体检 and 关心职工健康 (the lexicon's words of health)
    democracy = "深化民主管理，加强思想引领"
    assert one_home.plan_shared([PlannedSection("body", "坚持校务公开", 1, parent=democracy, sub=1),
                                 PlannedSection("body", "签订集体合同", 1, parent=democracy, sub=2),
                                 PlannedSection("body", "加强组织建设，推进民主管理", 3)], book) == ["theme:democracy"]
