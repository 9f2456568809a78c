"""A run still holding misfits after widening gets its heading's area clause joined with a misfit's act
(drafter/pipeline/run_stages.py `cover`, `composed`), so that its facts stay together. Facts written for these
tests; affinities set by hand (standard deviations of a request's pairs, as fitting.py's); the whole-corpus figures
are bench/plan_bench.py's (docs/planning.md, Session 19 (h8))."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from drafter.pipeline import run_stages, titling
from drafter.pipeline.fitting import Refit
from drafter.pipeline.themes import load_book

FACTS = [
    "举办安全生产知识培训2期，参训职工160人。",  # 0 safety
    "组织开展安全生产月活动，排查安全隐患32处。",  # 1 safety
    "5月，举办了第三届“金话筒”职工演讲比赛，12名职工参赛。",  # 2 writes no word of the safety heading
    "举办职工篮球赛，12支代表队参赛。",  # 3 culture
    "组织职工文艺汇演，演出节目20个。",  # 4 culture
]
SAFETY, CULTURE = "加强劳动保护，抓好安全生产", "丰富职工文化生活，文体活动多姿多彩"
SPEECH = "抓好安全生产，举办职工演讲比赛"  # the second clause is the speech fact's act, without 第三届“金话筒”


def refit() -> Refit:
    book = load_book()
    themes = {t.key: t for t in book.themes}
    near = np.full((len(FACTS), len(FACTS)), -1.0)  # the speech fact is like none of the others
    near[0, 1] = near[1, 0] = near[3, 4] = near[4, 3] = 2.0
    prior = [themes["safety"]] * 2 + [None] + [themes["culture"]] * 2
    return Refit(FACTS, prior, book, near, near)


def covered(second: str) -> tuple[list, list[str], Refit]:
    fit = refit()
    sections = [([0, 1, 2], SAFETY), ([3, 4], second)]
    titles = [SAFETY, second]
    groups = [SimpleNamespace(lines=lines) for lines, _ in sections]
    used = {titling.bare(t) for t in titles}
    run_stages.cover(SimpleNamespace(book=fit.book), fit, groups, titles, sections, used, lambda *args: None)
    return sections, titles, fit


def test_an_event_act_is_cut_of_its_ordinal_and_quoted_name():
    assert titling.core(FACTS[2]) == ""  # too long with 第三届“金话筒”
    assert run_stages.composed(SAFETY, [FACTS[2]]) == ["加强劳动保护，举办职工演讲比赛", SPEECH]


def test_a_run_whose_misfit_only_its_own_act_covers_keeps_its_heading():
    """An area clause joined with the misfit's act names that one fact in its second half over a section of three:
    every half of a heading must fit the section as a whole heading would (session 25, heading_rules.one_fact_words),
    so the run keeps its heading and its misfit is left to move (fitting.py)."""
    fit = refit()
    assert fit.misfits([0, 1, 2], SAFETY) == [2]
    assert all(not titling.acceptable(t, FACTS[:3], set()) for t in run_stages.composed(SAFETY, [FACTS[2]]))
    sections, titles, fit = covered(CULTURE)
    assert titles[0] == SAFETY and sections[0] == ([0, 1, 2], SAFETY) and fit.misfits(*sections[0]) == [2]


def test_no_heading_naming_an_area_another_heading_names():
    sections, titles, _ = covered("开展演讲比赛")  # the speech area is the other section's
    assert titles[0] == SAFETY and sections[0] == ([0, 1, 2], SAFETY)


def test_only_a_clause_that_names_an_area_by_its_act_is_widened():
    speech = [FACTS[2]]
    assert run_stages.composed("围绕企业发展，职工素质不断提升", speech) == []  # a frame, a result
    assert run_stages.composed("坚持以职工为中心，抓好安全生产", speech) == ["抓好安全生产，举办职工演讲比赛"]  # a frame
    assert run_stages.composed("举办安全培训、开展安全月活动等工作", speech) == []  # made of two facts' acts already


def test_an_act_too_short_or_read_as_a_noun_or_a_wish_heads_no_run():
    for fact in ("形成了滁州支局创建经验。",  # 创建经验: too little
                 "为全行各项业务建设和进位争先献计献策。",  # 建设和…: the act a noun
                 "结合公民道德建设月等开展相关活动。",  # 建设开展…
                 "为工会开展好各项活动奠定了基础。"):  # 开展好…: a wish
        assert run_stages.composed(SAFETY, [fact]) == [], fact
