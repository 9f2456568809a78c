"""Sub-sections that name what differs, and an opening that names each area once (drafter/pipeline/part_titles.py,
one_home.names, Plan.named_areas; issue 20). Facts written for these tests after the 200-fact plans of session 25
(三、深化民主管理 （一）坚持校务公开，实施民主管理 （二）加强民主管理，全心全意维护职工权益; 八、… （一）扎实开展帮扶救助，
做好送温暖工作 （二）做好职工帮扶和服务工作)."""

from __future__ import annotations

from types import SimpleNamespace

from drafter.models import DraftRequest
from drafter.pipeline import one_home, part_titles
from drafter.pipeline.planned import Plan, PlannedSection
from drafter.pipeline.template import TemplateWriter
from drafter.pipeline.themes import load_book
from drafter.pipeline.titling import bare

FACTS = [
    "春节前走访慰问困难职工48户，发放慰问金9.6万元。",  # 0 care
    "为患大病职工申请救助金3.2万元，帮扶困难职工12人。",  # 1 care
    "开展“金秋助学”活动，资助困难职工子女21名。",  # 2 care
    "组织全体职工参加职工医疗互助保障，参保860人。",  # 3 care
    "为职工办理互助保障理赔46人次，理赔金额5.1万元。",  # 4 care
    "在一线班组建成职工爱心驿站3个，配备饮水和药品。",  # 5 care
]
THEMES = ["care"] * 6


def planner_for(settings, per: int = 3) -> SimpleNamespace:
    book = load_book()
    by_key = {t.key: t for t in book.themes}
    settings.max_facts_per_section = per
    warned: list[int] = []
    return SimpleNamespace(book=book, settings=settings, placed=[by_key[k] for k in THEMES], warned=warned,
                           warn_large=warned.append)


def part(lines: list[int], candidates: list[str]) -> SimpleNamespace:
    return SimpleNamespace(lines=lines, candidates=candidates, themed=frozenset())


def test_a_part_saying_its_siblings_word_is_titled_by_what_differs(settings):
    planner = planner_for(settings)
    subs = [part([0, 1, 2], []), part([3, 4, 5], ["做好职工帮扶和服务工作", "做好职工互助保障工作"])]
    titles = ["扎实开展帮扶救助，做好送温暖工作", "做好职工帮扶和服务工作"]
    used = {bare(t) for t in titles}
    areas = ["用心用情服务职工，为职工办实事", "丰富职工文化生活，文体活动多姿多彩"]
    named = part_titles.name_apart(planner, subs, titles, areas, 0, FACTS, used)
    assert named[0] == titles[0] and named[1] == "做好职工互助保障工作", named  # 帮扶 said once
    assert not one_home.part_words(named[0]) & one_home.part_words(named[1])
    assert bare(named[1]) in used and bare(titles[1]) not in used and not planner.warned


def test_parts_no_heading_tells_apart_are_one_section_again(settings):
    planner = planner_for(settings)
    subs = [part([0, 1, 2], []), part([3, 4, 5], ["做好职工帮扶和服务工作"])]
    titles = ["扎实开展帮扶救助，做好送温暖工作", "做好职工帮扶和服务工作"]
    areas = ["用心用情服务职工，为职工办实事"]
    assert part_titles.name_apart(planner, subs, titles, areas, 0, FACTS, set(titles)) == []
    assert planner.warned == [3]  # past the section cap: the warning says so
    planner = planner_for(settings, per=2)  # six facts are more than two sections: the parts stay as they were
    assert part_titles.name_apart(planner, subs, titles, areas, 0, FACTS, set(titles)) == titles


def test_a_clause_of_two_works_names_both_but_a_word_with_he_is_one():
    book = load_book()
    assert one_home.areas_of("加强组织建设和工会自身建设", book) == one_home.areas_of("加强组织建设，加强自身建设", book)
    assert one_home.areas_of("加强组织建设和工会自身建设", book) & one_home.areas_of("加强工会自身建设", book)
    assert len(one_home.areas_of("构建和谐劳动关系", book)) == 1  # 和谐: no 和 between two works
    assert one_home.areas_of("做好职工帮扶和服务工作", book) == {"theme:care"}  # a theme's own heading stays whole


def test_the_opening_names_an_area_two_headings_name_once():
    facts = ["开展岗位练兵和技能竞赛12场，参赛职工600人。", "组织职工参加区羽毛球联赛，获团体第三名。",
             "开展“安康杯”劳动竞赛，参赛班组40个。"]
    sections = [PlannedSection("opening", ""), PlannedSection("body", "做好劳动竞赛，提升职工技能", 1, "", [1]),
                PlannedSection("body", "丰富职工文化生活，文体活动多姿多彩", 2, "", [2]),
                PlannedSection("body", "积极开展劳动竞赛，为完成企业任务建功立业", 3, "", [3]), PlannedSection("closing", "")]
    plan = Plan(sections, facts)
    assert plan.named_areas() == ["做好劳动竞赛", "丰富职工文化生活"]
    opening = TemplateWriter(DraftRequest(org="某公司工会", period="2026年", facts=facts), plan).render(sections[0])
    assert opening.count("劳动竞赛") == 1, opening


def test_a_part_naming_another_sections_area_in_other_words_is_titled_by_what_differs(settings):
    """（二）关爱职工，丰富职工生活 beside 二、丰富职工文化生活: culture in other words (one_home.same_area), so the part is
    headed by its own work."""
    planner = planner_for(settings)
    subs = [part([0, 1, 2], []), part([3, 4, 5], ["做好职工互助保障工作"])]
    titles = ["扎实开展帮扶救助，做好送温暖工作", "关爱职工，丰富职工生活"]
    areas = ["用心用情服务职工，为职工办实事", "丰富职工文化生活，文体活动多姿多彩"]
    named = part_titles.name_apart(planner, subs, titles, areas, 0, FACTS, {bare(t) for t in titles})
    assert named == [titles[0], "做好职工互助保障工作"] and not planner.warned
