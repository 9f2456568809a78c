"""A lone fact's area gathered to it (drafter/pipeline/gathering.py). The facts are written for these tests after
held-out s002_09's plan, where a 三八节 outing sat alone under 开展活动，丰富职工生活 and a 女职工 fact under 推进民主管理，
抓好安全生产 (an anchor there by the loose word 生产); every fact is as like every other, so only the headings decide."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from drafter.pipeline import gathering
from drafter.pipeline.fitting import Refit
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book
from drafter.pipeline.titling import bare

SAFETY, LIFE = "推进民主管理，抓好安全生产", "开展活动，丰富职工生活"
FACTS = [
    "坚持职工代表大会制度，每年定期召开职代会，畅通民主管理渠道。",  # 0 democracy
    "抓好“安康杯”竞赛，开展安全生产月大检查，职工代表参加安全检查。",  # 1 safety
    "发挥女职工在生产经营中的半边天作用，评选表彰巾帼建功标兵12名。",  # 2 women, writes 生产
    "“三八”节组织女职工外出郊游，活跃女工生活。",  # 3 women
]
THEMES = ["democracy", "safety", "women", "women"]


def planner_for(settings) -> Planner:
    book = load_book()
    by_key = {t.key: t for t in book.themes}
    planner = Planner(settings, SimpleNamespace(), book)
    planner.placed, planner.themes = [by_key[k] for k in THEMES], book.themes
    planner._inputs, planner._pinned = (None, None), True  # no vectors, no bank: the lexicon's headings
    near = np.ones((len(FACTS), len(FACTS)))
    planner.refit = Refit(FACTS, planner.placed, book, near, near)
    return planner


def group(lines: list[int]) -> SimpleNamespace:
    return SimpleNamespace(lines=list(lines), parts=[], candidates=[], themed=frozenset(), key="")


def test_a_lone_facts_area_is_gathered_under_a_heading_that_names_it(settings):
    planner = planner_for(settings)
    groups, titles = [group([0, 1, 2]), group([3])], [SAFETY, LIFE]
    used = {bare(t) for t in titles}
    gathering.gather(planner, groups, titles, FACTS, used)
    assert [g.lines for g in groups] == [[0, 1], [2, 3]], titles
    assert "女职工" in titles[1] and titles[0] == SAFETY
    assert used == {bare(t) for t in titles}


def test_a_lone_fact_under_a_heading_naming_its_area_stays(settings):
    planner = planner_for(settings)
    titles = [SAFETY, "做好女职工工作"]
    groups = [group([0, 1, 2]), group([3])]
    gathering.gather(planner, groups, titles, FACTS, {bare(t) for t in titles})
    assert [g.lines for g in groups] == [[0, 1, 2], [3]] and titles == [SAFETY, "做好女职工工作"]
