"""Her runs through the heading stages (session 19 h5). A list that reads grouped is cut into runs of her adjacent
facts (runs.py): her areas, the summaries' own sections more often than any clusters (bench/plan_stages.py, the
structure set in order: pairwise F1 0.700 at the clusters stage, 0.554 for the lists clustered by meaning). The
heading stages then broke them up: a run no heading fits joined another group, and its misfits went to new sections.
For such a list the planner

- cuts a run no heading fits in two runs, and each part a heading fits is a group of its own (`split_untitled`);
  a part no heading fits still joins another group (plan.Planner._join);
- widens the heading of a run before it moves misfits out (fitting.refit_plan: a heading that covers every fact of
  the run, fitting._widen);
- moves a misfit with no section whose heading it speaks of to a section where it is no misfit (like the facts that
  bear out its heading, by meaning: fitting.Refit.misfits), her order deciding between such sections, before it
  gives misfits sections of their own (`at_home`).

Measured (bench/plan_bench.py, structure set in order, docs/planning.md Session 19 (h5)): pairwise F1 0.556 ->
0.572 with the misfits 34 -> 34 and fact-made headings 9 -> 9; shuffled and random lists unchanged (none reads
grouped), the bench requests' plans too (one reads grouped).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from drafter.pipeline import runs, titling

SMALLEST_SPLIT = 4  # a run of fewer facts is not cut in two


def split_untitled(planner, groups: list, titles: list[str], facts: list[str], used: set[str], vectors, bank) -> None:
    """Each untitled run of SMALLEST_SPLIT facts or more is cut in two runs (by the planner's affinity); when a
    heading fits either part, both parts replace it (an untitled part joins another group later). In place:
    `groups`, `titles` (the second part appended) and `used`."""
    for index in range(len(groups)):
        lines = groups[index].lines
        if titles[index] or len(lines) < SMALLEST_SPLIT:
            continue
        parts = runs.cut(planner._scores[np.ix_(lines, lines)], 2, 2)
        made = []
        for part in parts:
            own = [lines[i] for i in part]
            group = planner._group(own, facts, vectors, planner._placed, planner._themes, bank)
            text = [facts[i] for i in own]
            made.append((group, titling.choose(text, group.candidates, used, group.themed, planner.lexicon, made=False)
                         or titling.by_most(text, [planner._placed[i] for i in own], group.theme, group.candidates,
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
    from drafter.pipeline.fitting import AT_HOME

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
        sections[own][0].remove(fact)
        sections[target][0].append(fact)
        sections[target][0].sort()
    return left
