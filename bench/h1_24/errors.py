"""Session 24 (h1): where plan_bench's pairs are lost or wrongly made, per stage, on one half of the structure set.

    PYTHONPATH=. .venv/bin/python bench/h1_24/errors.py --half a [--shuffle] [--show 0.6] [--set grouping.X=1]

For each summary: F1 after each stage (bench/plan_stages.py's Stages), then the true pairs the plan parts and the
false pairs it makes, each charged to the first stage where it appears (clusters, titles, refit, join, final: the
last takes one_home, gathering and the sub-sections). Summaries with F1 below --show are printed with the author's
groups beside the plan's (fact text, short).
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from plan_bench import HeldOutLibrary, apply_sets, groups_of, pairwise_f1, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402
from plan_stages import Stages  # noqa: E402

from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

STAGES = ("clusters", "titles", "refit", "join", "final")


def _majority(labels, members):
    counts = {}
    for i in members:
        counts[labels[i]] = counts.get(labels[i], 0) + 1
    return max(counts, key=counts.get)


def refit_cause(before, after, a, b) -> str:
    """Why the refit parted a and b (together before it): the fact that left its group went alone, to a new
    section of several misfits, or to another heading's section."""
    group = [i for i, label in enumerate(before) if label == before[a]]
    kept = _majority(after, group)
    mover = a if after[a] != kept else b
    new = [i for i, label in enumerate(after) if label == after[mover]]
    if len(new) == 1:
        return "refit:alone"
    hosts = {before[i] for i in new} - {before[mover]}
    return "refit:new" if all(_majority(after, [j for j, l in enumerate(before) if l == h]) != after[mover]
                              for h in hosts) else "refit:moved"


def charge(truth, seen):
    """Lost true pairs and made false pairs, by the first stage where the plan's grouping has them (the refit's
    lost pairs by `refit_cause`)."""
    lost, made = {}, {}
    for a, b in itertools.combinations(range(len(truth)), 2):
        together = truth[a] == truth[b]
        for step, (name, labels) in enumerate(seen):
            if (labels[a] == labels[b]) != together:
                if together and name == "refit":
                    name = refit_cause(seen[step - 1][1], labels, a, b)
                target = lost if together else made
                target[name] = target.get(name, 0) + 1
                break
    return lost, made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", choices=("a", "b"))
    parser.add_argument("--shuffle", action="store_true")
    parser.add_argument("--show", type=float, default=0.6)
    parser.add_argument("--set", action="append", default=[])
    args = parser.parse_args()
    apply_sets(args.set)
    stages = Stages(False)
    settings = Settings()
    library = DrafterService(settings).library
    held = sorted(build(ROOT / "samples"), key=lambda item: item.example_id)
    if args.half:
        held = held[0 if args.half == "a" else 1::2]
    f1s, totals_lost, totals_made = [], {}, {}
    for item in held:
        order = list(range(len(item.facts)))
        if args.shuffle:
            random.Random(item.example_id).shuffle(order)
        facts, truth = [item.facts[i] for i in order], [item.sections[i] for i in order]
        stages.truth, stages.seen, stages.grouped = truth, [], False
        plan, _ = timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(facts, item.kind))
        final = groups_of(plan, len(facts))
        seen = [(n, l) for n, l in stages.seen if n in STAGES] + [("final", final)]
        f1 = pairwise_f1(truth, final)
        f1s.append(f1)
        lost, made = charge(truth, seen)
        for key, value in lost.items():
            totals_lost[key] = totals_lost.get(key, 0) + value
        for key, value in made.items():
            totals_made[key] = totals_made.get(key, 0) + value
        kind = "runs" if stages.grouped else "clustered"
        for key, value in lost.items():
            totals_lost[f"{kind}:{key}"] = totals_lost.get(f"{kind}:{key}", 0) + value
        for key, value in made.items():
            totals_made[f"{kind}:{key}"] = totals_made.get(f"{kind}:{key}", 0) + value
        stage_f1 = " ".join(f"{n}={pairwise_f1(truth, l):.2f}" for n, l in seen)
        print(f"{item.example_id} f1={f1:.2f} facts={len(facts)} own={len(set(truth))} planned={len(set(final))} "
              f"runs={stages.grouped} | {stage_f1}\n   lost {lost}\n   made {made}")
        if f1 < args.show:
            heads = {s.group if hasattr(s, 'group') else s.number: s.title for s in plan.body() if not s.sub}
            for s in plan.body():
                if s.sub:
                    heads.setdefault(s.number, s.parent)
            print("   AUTHOR:")
            for k in dict.fromkeys(truth):
                print(f"    [{item.headings[k][:24]}]")
                for i, t in enumerate(truth):
                    if t == k:
                        print(f"      {i + 1:>2} p{final[i]} {facts[i][:40]}")
            print("   PLAN:")
            for g in dict.fromkeys(final):
                print(f"    p{g} [{heads.get(g, '?')[:30]}]")
                for i, p in enumerate(final):
                    if p == g:
                        print(f"      {i + 1:>2} a{truth[i]} {facts[i][:40]}")
    print("mean F1", round(statistics.mean(f1s), 3), "lost by stage", totals_lost, "made by stage", totals_made)


if __name__ == "__main__":
    main()
