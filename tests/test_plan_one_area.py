"""One area, one place in the draft (drafter/pipeline/areas.py): two sections whose headings name the same area,
each over facts clearly of it, become one section, or one area of two sub-sections when their facts are too many
for one; sections of different areas stay apart. The facts are written for this test."""

from __future__ import annotations

from drafter.pipeline import areas
from drafter.pipeline.plan import Planner, _Group
from drafter.pipeline.titling import bare

FACTS = [
    "举办职工篮球赛，10支队伍参赛",
    "组织职工参加市职工乒乓球比赛，获团体第三名",
    "为困难职工发放慰问金3万元，走访慰问困难职工家庭20户",
    "举办迎新春职工文艺晚会，演出节目16个",
]
CULTURE, CARE, OTHER_CULTURE = "丰富职工文化生活，文体活动多姿多彩", "扎实开展帮扶救助，做好送温暖工作", "开展职工文化体育活动"


CARE_AND_HEALTH = [
    "春节前走访慰问困难职工45户，发放慰问金9万元",
    "为2名患大病职工申请救助金3万元，建立困难职工帮扶档案",
    "组织一线职工健康体检，体检职工320人",
    "开展安全隐患排查6次，整改隐患18处",
]


def planner(settings, keys: list[str]) -> Planner:
    planned = Planner(settings, library=None)
    planned.themes = planned.book.for_request("年度总结", None)
    by_key = {t.key: t for t in planned.themes}
    planned.placed = [by_key[key] for key in keys]
    return planned


def joined(settings, sections: list[tuple[list[int], str]], facts=FACTS, keys=("culture", "culture", "care", "culture")):
    planned = planner(settings, list(keys))
    groups = [_Group(lines, planned.placed[lines[0]]) for lines, _ in sections]
    titles = [title for _, title in sections]
    used = {bare(title) for title in titles}
    areas.join(planned, groups, titles, facts, used)
    return groups, titles, used


def test_two_sections_of_one_area_become_one(settings):
    groups, titles, used = joined(settings, [([0, 3], CULTURE), ([2], CARE), ([1], OTHER_CULTURE)])
    assert [g.lines for g in groups] == [[0, 1, 3], [2]]
    assert titles[1] == CARE and titles[0] in (CULTURE, OTHER_CULTURE)
    assert used == {bare(t) for t in titles}  # the heading that went is free again
    assert groups[0].parts == [] and groups[0].key == "culture"


def test_too_many_facts_for_one_section_make_one_area_of_two_sub_sections(settings):
    settings.max_facts_per_section = 2
    games = "积极参加上级体育赛事"
    groups, titles, _ = joined(settings, [([1, 3], CULTURE), ([2], CARE), ([0], games)])
    assert [g.lines for g in groups] == [[0, 1, 3], [2]]
    assert groups[0].parts == [([0], games), ([1, 3], CULTURE)]  # the sub-sections in her order of facts
    assert titles[0] == OTHER_CULTURE  # the area's own (the lexicon's) heading, neither sub-section's


def test_sections_of_different_areas_stay_apart(settings):
    groups, titles, _ = joined(settings, [([0, 1, 3], CULTURE), ([2], CARE)])
    assert [g.lines for g in groups] == [[0, 1, 3], [2]] and titles == [CULTURE, CARE]


def test_a_section_is_of_the_area_most_of_its_facts_are_of(settings):
    """A 帮扶 section whose family heading also names 劳动保护 (one health check among its facts) is no safety area:
    it does not become a sub-section of the safety section."""
    sections = [([0, 1, 2], "用心用情服务职工，做好帮扶和劳动保护工作"), ([3], "强化劳动保护，筑牢安全生产防线")]
    groups, titles, _ = joined(settings, sections, CARE_AND_HEALTH, ("care", "care", "safety", "safety"))
    assert [g.lines for g in groups] == [[0, 1, 2], [3]] and titles == [title for _, title in sections]
