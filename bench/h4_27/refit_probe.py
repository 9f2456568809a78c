"""Session 27 (h4): each section before the refit (its facts with the author's section, misfit mark, theme), the
candidate headings that leave fewer misfits than its own, then the refit's sections.

    PYTHONPATH=. .venv/bin/python bench/h4_27/refit_probe.py s000_01.md … [--shuffle] [--set …]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from plan_bench import HeldOutLibrary, apply_sets, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402

from drafter.pipeline import fitting  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

_refit = fitting.refit_plan
_rehome = fitting.Refit.rehome
TRUTH: list[int] = []


def rehome(self, sections, still_fits):
    print("  before the moves (after run cover):")
    for lines, title in sections:
        print(f"  [{title}] misfits {len(self.misfits(lines, title))}")
    return _rehome(self, sections, still_fits)


def refit_plan(planner, groups, titles, facts, *args, **kwargs):
    from drafter.pipeline.fitting import Refit
    import numpy as np
    from drafter.pipeline import grouping
    placed = planner.placed
    clear = [t.key if t is not None and t.keyword_score(f) > 0 else None for f, t in zip(facts, placed)]
    kin = grouping.kinship(clear, [family.keys for family in planner.book.families])
    near = grouping.affinity(args[0], clear, len(facts), kin, ordered=False)
    refit = Refit(facts, placed, planner.book, near, planner.scores)
    print("  runs" if planner.runs else "  clustered")
    for group, title in zip(groups, titles):
        mis = refit.misfits(group.lines, title)
        print(f"  [{title}] misfits {len(mis)}")
        for cand in dict.fromkeys(group.candidates):
            m = len(refit.misfits(group.lines, cand))
            if m < len(mis) and refit.anchors(group.lines, cand):
                print(f"      cand {m}: {cand}")
        for i in group.lines:
            prior = placed[i].key if placed[i] else "-"
            print(f"    {i + 1:>2}{'abcdefghijklmnop'[TRUTH[i]]} {'M' if i in mis else ' '} {prior:<10} {facts[i][:40]}")
    made, heads = _refit(planner, groups, titles, facts, *args, **kwargs)
    print("  refit ->")
    for g, t in zip(made, heads):
        print(f"    [{t}] {' '.join(str(i + 1) + 'abcdefghijklmnop'[TRUTH[i]] for i in g.lines)}")
    return made, heads


fitting.refit_plan = refit_plan
fitting.Refit.rehome = rehome


def main() -> None:
    args = sys.argv[1:]
    sets = [args[i + 1] for i, a in enumerate(args) if a == "--set"]
    ids = [a for a in args if a.endswith(".md")]
    apply_sets(sets)
    settings = Settings()
    library = DrafterService(settings).library
    for item in build(ROOT / "samples"):
        if item.example_id not in ids:
            continue
        order = list(range(len(item.facts)))
        if "--shuffle" in args:
            random.Random(item.example_id).shuffle(order)
        facts, truth = [item.facts[i] for i in order], [item.sections[i] for i in order]
        TRUTH[:] = truth
        print(item.example_id)
        timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(facts, item.kind))


if __name__ == "__main__":
    main()
