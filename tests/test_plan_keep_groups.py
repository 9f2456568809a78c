"""A section whose misfits stay after fitting.refit_plan has moved the others gets a heading that covers them
(fitting._widen, titling.wider), the heading being the examples', a theme's or one composed of the section's themes
(theme_titles.composed), so the group stays whole under a heading every fact of it fits (issue 20, item 2). The
facts are written for this test; the affinities are set by hand (standard deviations of a request's pairs, as
fitting.py's)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from drafter.pipeline import theme_titles, titling
from drafter.pipeline.fitting import Refit, _widen
from drafter.pipeline.themes import load_book

FACTS = [
    "组织开展安全生产月活动，排查安全隐患32处。",  # 0 safety
    "举办安全生产知识培训2期，参训职工160人。",  # 1 safety
    "开展“安康杯”安全竞赛，参赛班组18个。",  # 2 safety, also a contest
    "举办职工篮球赛，12支代表队参赛。",  # 3 culture
    "组织职工文艺汇演，演出节目20个。",  # 4 culture
]
SAFETY, CULTURE = "加强劳动保护，抓好安全生产", "丰富职工文化生活，文体活动多姿多彩"


def refit(near: np.ndarray) -> Refit:
    book = load_book()
    themes = {t.key: t for t in book.themes}
    prior = [themes["safety"]] * 3 + [themes["culture"]] * 2
    return Refit(FACTS, prior, book, near, near)


def alike(pairs: dict[tuple[int, int], float], rest: float = 0.0) -> np.ndarray:
    near = np.full((len(FACTS), len(FACTS)), rest)
    for (a, b), value in pairs.items():
        near[a, b] = near[b, a] = value
    return near


def test_a_section_of_two_themes_is_offered_their_joint_heading():
    book = load_book()
    themes = {t.key: t for t in book.themes}
    facts = [FACTS[0], FACTS[1], FACTS[3]]
    placed = [themes["safety"], themes["safety"], themes["culture"]]
    options = theme_titles.composed(facts, placed)
    assert any("安全" in o and "文体" in o and "，" in o for o in options), options
    assert not theme_titles.composed(facts, [None, None, None])  # no theme of its own: nothing composed


def test_a_misfit_that_stays_gets_a_heading_that_covers_it():
    book = load_book()
    themes = {t.key: t for t in book.themes}
    lines = [0, 1, 3]  # two safety facts and a basketball game kept with them
    fit = refit(alike({}, rest=-1.0))  # the game is like none of them: a misfit under the safety heading
    assert fit.misfits(lines, SAFETY) == [3]
    facts = [FACTS[i] for i in lines]
    placed = [themes["safety"], themes["safety"], themes["culture"]]
    title = titling.wider(facts, placed, SAFETY, [SAFETY], frozenset(), {titling.bare(SAFETY)},
                          lambda t: fit.fits_all(lines, t), book)
    assert title and fit.fits_all(lines, title) and titling.fits(facts, title), title
    assert titling.wider(facts, placed, SAFETY, [SAFETY], frozenset(), set(), lambda t: False, book) == ""


def test_a_section_whose_misfit_a_wider_heading_covers_keeps_it_under_that_heading():
    book = load_book()
    planner = SimpleNamespace(book=book)
    fit = refit(alike({}, rest=-1.0))
    groups = [SimpleNamespace(candidates=[SAFETY], themed=frozenset()),
              SimpleNamespace(candidates=[CULTURE], themed=frozenset())]
    titles, used = [SAFETY, CULTURE], {titling.bare(SAFETY), titling.bare(CULTURE)}
    sections = [([0, 1, 3], SAFETY), ([4], CULTURE)]  # the basketball game grouped with the safety facts
    _widen(planner, fit, groups, titles, sections, used)
    lines, title = sections[0]
    assert lines == [0, 1, 3] and title == titles[0] != SAFETY  # the group stays whole under a wider heading
    assert not fit.misfits(lines, title) and titling.bare(title) in used and titling.bare(SAFETY) not in used
    assert sections[1] == ([4], CULTURE) and titles[1] == CULTURE  # a section without misfits keeps its heading
