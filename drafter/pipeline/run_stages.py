"""Her runs through the heading stages (session 19 h5). A list that reads grouped is cut into runs of her adjacent
facts (runs.py): her areas, the summaries' own sections more often than any clusters (bench/plan_stages.py, the
structure set in order: pairwise F1 0.700 at the clusters stage, 0.554 for the lists clustered by meaning). The
heading stages then broke them up: a run no heading fits joined another group, and its misfits went to new sections.
For such a list the planner

- cuts a run no heading fits in two runs, and each part a heading fits is a group of its own (`split_untitled`);
  a part no heading fits still joins another group (plan.Planner._join): the run just before it (`tail_first`);
- widens the heading of a run before it moves misfits out (fitting.refit_plan: a heading that covers every fact of
  the run, covering.widen);
- then gives a run still holding misfits its heading's area clause joined with a misfit's act when that covers every
  fact of the run (`cover`: 加强学习培训，举行教师专业基本功展示活动 over 14 facts of training and teaching shows);
- moves a misfit with no section whose heading it speaks of to a section where it is no misfit (like the facts that
  bear out its heading, by meaning: fitting.Refit.misfits), her order deciding between such sections, before it
  gives misfits sections of their own (`at_home`).

Measured (bench/plan_bench.py, structure set in order, docs/planning.md Session 19 (h5)): pairwise F1 0.556 ->
0.572 with the misfits 34 -> 34 and fact-made headings 9 -> 9; shuffled and random lists unchanged (none reads
grouped), the bench requests' plans too (one reads grouped). `cover` (session 19 h8): 0.569 -> 0.579, misfits
34 -> 31, fact-made 9 -> 9, 6 plans changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from drafter.pipeline import one_home, runs, theme_titles, titling

SMALLEST_SPLIT = 4  # a run of fewer facts is not cut in two
# an event's ordinal and quoted name, left out of its act when it is too long with them (举行了第四届“彩虹杯”教师专业
# 基本功展示活动 -> 举行教师专业基本功展示活动)
SMALLEST_ACT = 6  # a misfit's act of fewer characters names too little to head its run (创建经验, 开展培训)
_ACT_AFTER = re.compile(rf"[和与及、好]|{titling.ACT.pattern}")  # 建设和进位争先, 建设开展…: the act a noun; 开展好…: a wish
_NAMED = re.compile(r"第[0-9０-９一二三四五六七八九十]{1,3}[届期次]|“[^“”]{1,16}”")


def tail_first(planner, lines: list[int], groups: list, per: int, host: int | None,
               alike: list[int]) -> tuple[int | None, list[int]]:
    """A run no heading fits (`lines`, of a list cut into her runs) joins the run just before it: an author opens
    a section with the fact that names its area, and the facts after it that name none go on with it (held-out
    s003_04: the 非典 checks after the 慰问 facts, not before the meetings). `host`: the group whose heading still fits
    with it, `alike`: the titled groups by likeness (plan.Planner._join). Returns (host, alike): the run before
    first and no host (its heading is made again for all its facts) unless it is the host already; as they were
    for other lists, a first run, or a run before it that would hold more than `per` facts."""
    if not planner.runs or not lines or lines[0] == 0:
        return host, alike
    before = next((i for i in alike if lines[0] - 1 in groups[i].lines), None)
    if before is None or before == host or len(groups[before].lines) + len(lines) > per:
        return host, alike
    return None, [before] + [i for i in alike if i != before]


def split_untitled(planner, groups: list, titles: list[str], facts: list[str], used: set[str]) -> None:
    """Each untitled run of SMALLEST_SPLIT facts or more is cut in two runs (by the planner's affinity); when a
    heading fits either part, both parts replace it (an untitled part joins another group later). In place:
    `groups`, `titles` (the second part appended) and `used`."""
    for index in range(len(groups)):
        lines = groups[index].lines
        if titles[index] or len(lines) < SMALLEST_SPLIT:
            continue
        parts = runs.cut(planner.scores[np.ix_(lines, lines)], 2, 2)
        made = []
        for part in parts:
            own = [lines[i] for i in part]
            group = planner.new_group(own, facts)
            text = [facts[i] for i in own]
            made.append((group, titling.choose(text, group.candidates, used, group.themed, planner.lexicon, made=False)
                         or titling.by_most(text, [planner.placed[i] for i in own], group.theme, group.candidates,
                                            used, planner.lexicon)))
        if len(made) != 2 or not any(title for _, title in made):
            continue
        (groups[index], titles[index]), second = made
        groups.append(second[0])
        titles.append(second[1])
        used.update(titling.bare(title) for _, title in made if title)


def at_home(refit, sections: list[tuple[list[int], str]], homeless: list[int],
            still_fits: Callable[[str, list[int]], bool]) -> list[int]:
    """Moves each misfit of `homeless` (in place) to a section where it is no misfit (at least fitting.AT_HOME like
    the facts that speak of its heading, and no stray there) and whose heading still fits with it, the one it is
    most like with her order counted first (`refit.scores`); returns the misfits that have no such section."""
    from drafter.pipeline.fitting import AT_HOME, move

    left = []
    for fact in homeless:
        own = next(i for i, (lines, _) in enumerate(sections) if fact in lines)
        options = []
        for index, (lines, title) in enumerate(sections):
            anchors = refit.anchors(lines, title) if index != own and lines else []
            if anchors and not refit.stray(fact, anchors) and refit.likeness(fact, anchors) >= AT_HOME:
                options.append((refit.likeness(fact, anchors, ordered=True), index))
        target = next((i for _, i in sorted(options, reverse=True)
                       if still_fits(sections[i][1], sorted(sections[i][0] + [fact]))), None)
        if target is None:
            left.append(fact)
            continue
        move(sections, fact, own, target)
    return left


def cover(planner, refit, groups: list, titles: list[str], sections: list[tuple[list[int], str]], used: set[str],
          widen: Callable) -> None:
    """Her runs, before the moves: `widen` (covering.widen: an example's, the lexicon's or a themes' heading that
    covers the run), then, for a run still holding misfits, its heading's area clause joined with a misfit's act
    (`composed`) when that covers every fact of the run, passes every heading rule and names no area another
    heading names. In place."""
    widen(planner, refit, groups, titles, sections, used)
    for index, (lines, title) in enumerate(sections):
        misfits = refit.misfits(lines, title) if lines else []
        if not misfits:
            continue
        others = set().union(*(one_home.areas_of(t, planner.book) for i, (_, t) in enumerate(sections) if i != index))
        own, placed = [refit.facts[i] for i in lines], [refit.prior[i] for i in lines]
        free = used - {titling.bare(title)}
        made = next((option for option in composed(title, [refit.facts[i] for i in misfits])
                     if refit.fits_all(lines, option) and theme_titles.spans(option, own, placed)
                     and titling.acceptable(option, own, free) and not one_home.areas_of(option, planner.book) & others), "")
        if made:
            used.discard(titling.bare(title))
            used.add(titling.bare(made))
            titles[index], sections[index] = made, (lines, made)


def composed(title: str, misfits: list[str]) -> list[str]:
    """A run's heading widened by its misfits' acts: each clause of the heading that names an area by its act
    (加强学习培训, not 职工素质不断提升, 围绕企业发展 or a made "…等工作") joined with one misfit's act (its core,
    titling.core, without an event's ordinal and quoted name when too long with them)."""
    heads = [c for c in one_home.clauses(title) if one_home._VERB.match(c) and not titling._FRAME.search(c)]
    heads = [] if title.endswith(titling.MADE_END) else heads
    cores = [c for c in dict.fromkeys(titling.core(f) or titling.core(_NAMED.sub("", f)) for f in misfits)
             if len(c) >= SMALLEST_ACT and not _ACT_AFTER.match(c, 2)]
    return [f"{head}，{c}" for head in heads for c in cores if len(head) + len(c) < titling.LONGEST + 4]
