"""Where the planner's grouping gains or loses pairwise F1 on bench/plan_bench.py's held-out structure set: the F1
of the groups after each stage of drafter/pipeline/plan.py (the clusters of `_groups`, the groups after the first
`_titles` (a group no heading fits joins another), after fitting.refit_plan (misfits moved), after areas.join (one
area, one section) and the final plan), in the summaries' order and shuffled; also apart for the lists that read
grouped (cut into runs of her order, drafter/pipeline/runs.py) and the lists clustered.

    .venv/bin/python bench/plan_stages.py            # the planner's own clusters
    .venv/bin/python bench/plan_stages.py --oracle   # each summary's TRUE sections as the clusters: the F1 the
                                                     # heading stages leave of a perfect grouping (a ceiling)
    .venv/bin/python bench/plan_stages.py --oracle --set fitting.AT_HOME=0.5   # a constant set first
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, apply_sets, groups_of, pairwise_f1, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402

from drafter.pipeline import areas, fitting, grouping, runs  # noqa: E402
from drafter.pipeline.plan import Planner  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402


def _labels(groups, count: int) -> list[int]:
    """Each fact's group (a fact in no group: a group of its own)."""
    labels = list(range(count, 2 * count))
    for number, group in enumerate(groups):
        for line in getattr(group, "lines", group):
            labels[line] = number
    return labels


class Stages:
    """Wraps the planner's stages to record the groups after each (one plan at a time)."""

    def __init__(self, oracle: bool) -> None:
        self.oracle, self.truth, self.seen, self.grouped = oracle, [], [], False
        groups, titles, refit, join = Planner._groups, Planner._titles, fitting.refit_plan, areas.join
        stages = self

        def _groups(planner, facts, vectors, prior, themes, bank):
            stages.grouped = vectors is not None and runs.grouped(grouping.centred(vectors))
            if not (stages.oracle and len(stages.truth) == len(facts)):
                made = groups(planner, facts, vectors, prior, themes, bank)
            else:  # the summary's own sections, ordered and headed as the planner would
                truth = stages.truth
                planner.scores = np.where(np.equal.outer(truth, truth), 1.0, -1.0)
                planner.placed, planner._inputs, planner.runs = prior, (vectors, bank), stages.grouped
                made = [planner.new_group([i for i, t in enumerate(truth) if t == k], facts) for k in dict.fromkeys(truth)]
                made.sort(key=lambda g: (g.position, g.lines[0]))
            stages.record("clusters", made, len(facts))
            return made

        def _titles(planner, made, facts, used, **kwargs):
            result = titles(planner, made, facts, used, **kwargs)
            if not any(name == "titles" for name, _ in stages.seen):
                stages.record("titles", made, len(facts))
            return result

        def refit_plan(planner, made, heads, facts, *args, **kwargs):
            made, heads = refit(planner, made, heads, facts, *args, **kwargs)
            stages.record("refit", made, len(facts))
            return made, heads

        def joined(planner, made, heads, facts, used):
            join(planner, made, heads, facts, used)
            stages.record("join", made, len(facts))

        Planner._groups, Planner._titles, fitting.refit_plan, areas.join = _groups, _titles, refit_plan, joined

    def record(self, name: str, groups, count: int) -> None:
        self.seen.append((name, _labels(groups, count)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--oracle", action="store_true", help="the true sections as the clusters")
    parser.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE",
                        help="set a constant of drafter/pipeline/MODULE.py first (as plan_bench.py --set)")
    args = parser.parse_args()
    apply_sets(args.set)
    stages = Stages(args.oracle)
    settings = Settings()
    library = DrafterService(settings).library
    for shuffle in (False, True):
        scores: dict[str, list[float]] = {}
        kinds: dict[str, dict[str, list[float]]] = {"runs": {}, "clustered": {}}
        for item in build(ROOT / "samples"):
            order = list(range(len(item.facts)))
            if shuffle:
                random.Random(item.example_id).shuffle(order)
            facts, truth = [item.facts[i] for i in order], [item.sections[i] for i in order]
            stages.truth, stages.seen, stages.grouped = truth, [], False
            view = HeldOutLibrary(library, {item.example_id, *item.copies})
            plan, _ = timed_plan(settings, view, request(facts, item.kind))
            for name, labels in stages.seen + [("final", groups_of(plan, len(facts)))]:
                scores.setdefault(name, []).append(pairwise_f1(truth, labels))
                kinds["runs" if stages.grouped else "clustered"].setdefault(name, []).append(scores[name][-1])
        print("shuffled" if shuffle else "in order", "oracle clusters" if args.oracle else "planner clusters",
              {name: round(statistics.mean(values), 3) for name, values in scores.items()})
        for kind, values in kinds.items():  # the lists that read grouped (cut into runs) and the others
            if values:
                print(f"  {kind} ({len(values['final'])} lists)", {n: round(statistics.mean(v), 3) for n, v in values.items()})


if __name__ == "__main__":
    main()
