"""A group of two or three areas that no example heading and no single theme's heading fits is headed by its
themes' names joined (titling.joint, in titling.by_most), before a heading is made of two facts' acts
("召开职工代表大会、开展安全大检查等工作", which names two facts and leaves the others misfits for fitting.py to move
out of the group). Session 20 (h4); facts written for this test."""

from __future__ import annotations

import pytest

from drafter.pipeline import theme_titles, titling
from drafter.pipeline.themes import load_book

CASES = [  # facts, their themes, the areas the heading must name (a theme keyword or short name of each)
    (["召开职工代表大会，审议通过集体合同。", "开展安全大检查，排查隐患15处。", "举办安全知识竞赛，参赛职工200人。",
      "组织职工代表巡视检查食堂。"], ["democracy", "safety", "safety", "democracy"]),
    (["组织开展安全生产月活动，排查安全隐患32处。", "举办职工篮球赛，12支代表队参赛。", "组织职工文艺汇演，演出节目20个。"],
     ["safety", "culture", "culture"]),
    (["举办职工篮球赛，12支代表队参赛。", "三八节组织女职工开展健康讲座。", "为女职工进行两癌筛查120人。"],
     ["culture", "women", "women"]),
]


def themes_of(keys: list[str]):
    by_key = {t.key: t for t in load_book().themes}
    return [by_key[k] for k in keys]


@pytest.mark.parametrize("facts,keys", CASES)
def test_a_group_of_two_areas_is_headed_by_both_not_by_two_facts_acts(facts, keys):
    placed = themes_of(keys)
    title = titling.by_most(facts, placed, placed[0], [], set())
    assert title and not title.endswith(titling.MADE_END) and "，" in title, title
    assert titling.acceptable(title, facts, set(), themed=True) and theme_titles.spans(title, facts, placed)
    for theme in dict.fromkeys(placed):  # it names each area: its keywords or one of its short names
        assert theme.keyword_score(title) > 0 or any(w and w in title for w in theme.shorts_for(facts)), (theme.key, title)
    assert titling.from_facts(facts, set()).endswith(titling.MADE_END)  # what the group got before


def test_a_joint_heading_is_not_repeated_and_none_is_made_without_themes():
    facts, keys = CASES[0]
    placed = themes_of(keys)
    first = titling.joint(facts, placed, set())
    second = titling.joint(facts, placed, {titling.bare(first)})
    assert first and second != first  # another heading of the two areas, or none
    assert titling.joint(facts, [None] * len(facts), set()) == ""  # no theme: nothing to compose


def test_three_areas_are_not_joined_into_one_heading():
    """The bench's bank request drafted 二、推进民主管理，做好帮扶服务，加强自身建设 over 心理咨询, 帮扶金, 职代会 and
    经费 (a grab-bag with no lead); before, and again now, each area has a section of its own. A joint heading names
    two areas at most."""
    facts = ["开展职工心理健康服务，为员工提供心理咨询85人次", "为困难员工发放帮扶金9.3万元，帮扶17户",
             "召开职工代表大会专门委员会会议2次，征集职工意见建议41条", "工会经费支出中用于职工活动的比例达到72%"]
    placed = themes_of(["care", "care", "democracy", "self"])
    assert theme_titles.composed(facts, placed)  # three areas' headings can be composed …
    title = titling.joint(facts, placed, set())
    assert title.count("，") <= 1, title  # … but none of three is taken
