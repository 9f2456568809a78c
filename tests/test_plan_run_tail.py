"""A run of her grouped list that no heading fits joins the run just before it (run_stages.tail_first, called by
plan.Planner._join): an author opens a section with the fact that names its area, and the facts after it that name
none go on with it (held-out s003_04: the 非典 checks after the 慰问 facts had joined the meetings after them).
Facts written for this test; affinities set by hand (standard deviations of a request's pairs)."""

from __future__ import annotations

import numpy as np

from drafter.pipeline import run_stages
from drafter.pipeline.plan import Planner, _Group
from drafter.pipeline.themes import load_book
from drafter.settings import Settings

FACTS = [
    "春节前走访慰问困难职工36户，发放慰问金4.2万元。",  # 0 care: the run before
    "为2名患重病职工申请大病救助，落实救助金1.6万元。",  # 1 care
    "五月检查了辖区8家企业的防暑降温措施。",  # 2 the run no heading fits …
    "督促3家企业调整高温时段作息，职工反映良好。",  # 3 … goes on with the run before it
    "召开基层工会主席会议2次，传达上级工会会议精神。",  # 4 study: the run after
    "组织工会干部集中学习4次，撰写心得体会30篇。",  # 5 study
]
CARE, STUDY = "扎实开展帮扶救助，做好送温暖工作", "深化学习教育，加强思想引领"


def planner(runs: bool) -> Planner:
    book = load_book()
    themes = {t.key: t for t in book.themes}
    made = Planner(Settings(), None, book)
    made.runs = runs
    made.placed = [themes["care"]] * 2 + [None] * 2 + [themes["study"]] * 2
    scores = np.full((6, 6), -1.0)
    scores[np.ix_([0, 1], [0, 1])] = scores[np.ix_([4, 5], [4, 5])] = 2.0
    scores[np.ix_([2, 3], [4, 5])] = scores[np.ix_([4, 5], [2, 3])] = 0.5  # by meaning nearer the meetings
    made.scores = scores
    made.still_fits = lambda title, lines, facts, used: title == STUDY  # only the study heading takes them
    return made


def joined(runs: bool, per: int = 8) -> list[list[int]]:
    made = planner(runs)
    made.settings = Settings(max_facts_per_section=per)
    groups = [_Group([0, 1], made.placed[0]), _Group([2, 3], made.placed[0]), _Group([4, 5], made.placed[4])]
    titles, used = [CARE, "", STUDY], {CARE, STUDY}
    made._join(1, [0, 2], groups, titles, FACTS, used)
    assert titles[0] and titles[2] == STUDY  # the host's heading made again for all its facts when it joins
    return [g.lines for g in groups]


def test_a_run_no_heading_fits_joins_the_run_before_it():
    assert joined(runs=True) == [[0, 1, 2, 3], [], [4, 5]]


def test_a_list_not_cut_into_runs_joins_the_group_whose_heading_still_fits():
    assert joined(runs=False) == [[0, 1], [], [2, 3, 4, 5]]


def test_a_run_before_it_too_full_to_take_it_leaves_the_join_as_it_was():
    assert joined(runs=True, per=3) == [[0, 1], [], [2, 3, 4, 5]]


def test_a_first_run_or_the_host_already_before_it_keeps_the_host():
    made = planner(True)
    groups = [_Group([0, 1], made.placed[0]), _Group([2, 3], made.placed[0]), _Group([4, 5], made.placed[4])]
    assert run_stages.tail_first(made, [0, 1], groups, 8, 2, [2, 1]) == (2, [2, 1])  # no run before the first
    assert run_stages.tail_first(made, [2, 3], groups, 8, 0, [2, 0]) == (0, [2, 0])  # the host is the run before
    assert run_stages.tail_first(made, [2, 3], groups, 8, 2, [2, 0]) == (None, [0, 2])
