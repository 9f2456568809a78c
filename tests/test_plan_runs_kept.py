"""Her runs through the heading stages (drafter/pipeline/run_stages.py): a run no heading fits is cut in two rather
than joined to another group, a misfit no heading speaks of goes first where it is at home, and a grouped list's runs
may hold facts the lexicon puts in unrelated areas. Facts written for these tests; affinities set by hand (standard
deviations of a request's pairs, as fitting.py's); the whole-corpus figures are bench/plan_bench.py's."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from drafter.pipeline import grouping, run_stages, runs, titling
from drafter.pipeline.fitting import Refit
from drafter.pipeline.themes import load_book
from plan_support import embedder  # noqa: F401 - a fixture

FACTS = [
    "组织开展安全生产月活动，排查安全隐患32处。",  # 0 safety
    "举办安全生产知识培训2期，参训职工160人。",  # 1 safety
    "举办职工篮球赛，12支代表队参赛。",  # 2 culture
    "组织职工文艺汇演，演出节目20个。",  # 3 culture
    "青年志愿者走进社区，服务群众120人次。",  # 4 no theme: speaks of neither heading
]
SAFETY, CULTURE = "加强劳动保护，抓好安全生产", "丰富职工文化生活，文体活动多姿多彩"
GAMES = "举办职工文体活动"  # a heading the two culture facts bear out (the claim check, their own words)


def refit(near: np.ndarray, scores: np.ndarray | None = None) -> Refit:
    book = load_book()
    themes = {t.key: t for t in book.themes}
    prior = [themes["safety"]] * 2 + [themes["culture"]] * 2 + [None]
    return Refit(FACTS, prior, book, near, near if scores is None else scores)


def matrix(pairs: dict[tuple[int, int], float], rest: float = -1.0) -> np.ndarray:
    values = np.full((len(FACTS), len(FACTS)), rest)
    for (a, b), value in pairs.items():
        values[a, b] = values[b, a] = value
    return values


def test_a_misfit_no_heading_speaks_of_goes_where_it_is_at_home():
    near = matrix({(0, 1): 2.0, (2, 3): 2.0, (4, 2): 0.8, (4, 3): 0.8})  # the volunteers read like the culture facts
    fit = refit(near)
    sections = [([0, 1, 4], SAFETY), ([2, 3], CULTURE)]
    assert fit.misfits(*sections[0]) == [4] and fit.anchors(*sections[1])
    assert run_stages.at_home(fit, sections, [4], lambda title, lines: True) == []
    assert sections == [([0, 1], SAFETY), ([2, 3, 4], CULTURE)] and not fit.misfits(*sections[1])


def test_a_misfit_at_home_nowhere_or_where_the_heading_no_longer_fits_stays():
    sections = [([0, 1, 4], SAFETY), ([2, 3], CULTURE)]
    assert run_stages.at_home(refit(matrix({(0, 1): 2.0, (2, 3): 2.0})), sections, [4], lambda t, l: True) == [4]
    at_home = refit(matrix({(0, 1): 2.0, (2, 3): 2.0, (4, 2): 0.8, (4, 3): 0.8}))
    assert run_stages.at_home(at_home, sections, [4], lambda title, lines: False) == [4]  # the heading would not fit
    assert sections == [([0, 1, 4], SAFETY), ([2, 3], CULTURE)]


def test_her_order_decides_between_two_sections_where_a_misfit_is_at_home():
    near = matrix({(0, 1): 2.0, (2, 3): 2.0, (4, 0): 0.5, (4, 1): 0.5, (4, 2): 0.5, (4, 3): 0.5})
    scores = near.copy()
    scores[4, 2:4] = scores[2:4, 4] = 1.5  # next to the culture facts in her list
    fit = refit(near, scores)
    sections = [([0, 1], SAFETY), ([2, 3], CULTURE), ([4], "开展志愿服务活动")]
    assert run_stages.at_home(fit, sections, [4], lambda title, lines: True) == []
    assert sections[1][0] == [2, 3, 4] and sections[2][0] == []


class RunPlanner:
    """The planner's parts split_untitled reads: its affinity, the facts' themes and its groups' candidates."""

    def __init__(self, scores: np.ndarray) -> None:
        book = load_book()
        themes = {t.key: t for t in book.themes}
        self.scores, self.lexicon = scores, None
        self.placed = [themes["safety"]] * 2 + [themes["culture"]] * 2 + [None]
        self.themes = list(book.themes)

    def new_group(self, lines, facts):
        return SimpleNamespace(lines=lines, candidates=[SAFETY, GAMES], themed=frozenset(), theme=self.placed[lines[0]])


def test_a_run_no_heading_fits_is_cut_in_two_runs_each_under_its_heading():
    scores = matrix({(0, 1): 2.0, (2, 3): 2.0}, rest=-0.5)
    planner = RunPlanner(scores)
    groups, titles, used = [SimpleNamespace(lines=[0, 1, 2, 3])], [""], set()
    run_stages.split_untitled(planner, groups, titles, FACTS, used)
    assert [g.lines for g in groups] == [[0, 1], [2, 3]] and titles == [SAFETY, GAMES]
    assert used == {titling.bare(SAFETY), titling.bare(GAMES)}
    short = [SimpleNamespace(lines=[0, 2, 4])]  # too short to cut: it joins another group as before
    run_stages.split_untitled(planner, short, [""], FACTS, set())
    assert [g.lines for g in short] == [[0, 2, 4]]


def test_a_grouped_lists_run_may_hold_facts_the_lexicon_puts_in_unrelated_areas():
    """Six areas in her order (5, 3, 2, 5, 5, 5 facts) cut into the five runs 25 facts get; the two facts of the third
    area (each area of a theme the lexicon calls unrelated to the others) read like neither neighbour: they share a
    run with a neighbour (the unrelated-area rule took a sixth run for them; her run-in labels still keep theirs: grouping.
    labelled_apart, tests/test_plan_labels.py)."""
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(6, 64))
    vectors = np.repeat(centres, [5, 3, 2, 5, 5, 5], axis=0) + rng.normal(scale=0.4, size=(25, 64))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    keys = ["study"] * 5 + ["care"] * 3 + ["culture"] * 2 + ["safety"] * 5 + ["org"] * 5 + ["women"] * 5
    assert grouping.reads_grouped(vectors, 25) and runs.grouped(grouping.centred(vectors))
    made, _ = grouping.clusters(vectors, keys, [], None, [""] * 25, cap=10, per=8)
    assert len(made) == 5 and any({8, 9} < set(run) for run in made), made


def test_only_a_list_that_reads_grouped_goes_through_the_run_stages(settings, embedder, monkeypatch):
    """Her facts area by area (tests/test_pipeline_runs.py's list) are planned as runs: the planner sends their
    groups through run_stages.split_untitled, their headings through run_stages.cover and their misfits through
    run_stages.at_home; the same facts interleaved
    are clustered and go through neither."""
    from drafter.models import DraftRequest
    from drafter.pipeline.plan import Planner
    from plan_support import BankLibrary, example
    from test_pipeline_grouping import CARE, CULTURE, SKILLS
    from test_pipeline_runs import ORG, WOMEN

    library = BankLibrary(embedder, [example("a.md", ["加强组织建设", "关心职工生活", "开展技能培训", "丰富文体活动"])])
    calls: list[int] = []
    monkeypatch.setattr(run_stages, "at_home", lambda refit, sections, homeless, still: calls.append(1) or homeless)
    monkeypatch.setattr(run_stages, "split_untitled", lambda *args: calls.append(2))
    monkeypatch.setattr(run_stages, "cover", lambda *args: calls.append(3))
    areas = [ORG, CARE, SKILLS, CULTURE, WOMEN]
    for facts, grouped in (([f for area in areas for f in area], True), ([a[i] for i in range(4) for a in areas], False)):
        planner, before = Planner(settings, library, load_book()), len(calls)
        planner.plan(DraftRequest(org="某公司工会", period="2025年", facts=facts))
        assert planner.runs is grouped and sorted(set(calls[before:])) == ([1, 2, 3] if grouped else [])
