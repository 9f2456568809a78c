"""Plans that name one area in two headings (issue 20: the opening names each area once), drafter/pipeline/one_home.py.

    .venv/bin/python bench/one_home_bench.py [--random 200] [--shuffle] [--show] [--off]

Counts, on the held-out structure set (bench/plan_set.py, in order or `--shuffle`d as plan_bench does) and on random
fact lists: plans where one heading clause (split at ，、；, four characters at least) stands in two headings
(`exact`, the lead's count of session 19), and plans where two headings name one area (`area`: one_home.area, the
clause without 工会/职工 and its leading verb, or the theme whose lexicon words it is; one_home.plan_shared: areas'
headings and sub-sections' alike, a sub-section and its own area's heading aside). `--show` prints each such plan
(and, with the stage on, each plan the stage changed) heading by heading with its facts; `--off` plans without the
stage (one_home.settle a no-op), for the before.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, request, timed_plan  # noqa: E402
from plan_set import build, random_fact_lists  # noqa: E402

from drafter.pipeline import one_home  # noqa: E402
from drafter.pipeline.themes import load_book  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402


def exact_shared(titles: list[str]) -> list[str]:
    seen = Counter(c for t in titles for c in set(one_home.clauses(t)))
    return [c for c, n in seen.items() if n > 1]


def show(name: str, plan, shared: list[str]) -> None:
    print(f"--- {name} shared {shared}")
    for section in plan.body():
        print(f"  {section.heading}")
        for line in section.fact_lines:
            print(f"      {plan.facts[line - 1][:60]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--random", type=int, default=200)
    parser.add_argument("--shuffle", action="store_true")
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--off", action="store_true", help="plan without one_home.settle")
    args = parser.parse_args()
    settle, changed = one_home.settle, []

    def counting(planner, groups, titles, *rest):
        before = [list(g.lines) for g in groups], list(titles)
        settle(planner, groups, titles, *rest)
        if ([list(g.lines) for g in groups], list(titles)) != before:
            changed.append(before[1])

    one_home.settle = (lambda *a, **k: None) if args.off else counting
    settings = Settings()
    library = DrafterService(settings).library
    book = load_book()
    inputs = []
    for item in build(ROOT / "samples"):
        facts = list(item.facts)
        if args.shuffle:
            order = list(range(len(facts)))
            random.Random(item.example_id).shuffle(order)
            facts = [facts[i] for i in order]
        inputs.append(("set", item.example_id, HeldOutLibrary(library, {item.example_id, *item.copies}),
                       request(facts, item.kind)))
    for n, facts in enumerate(random_fact_lists(ROOT / "samples", args.random)):
        inputs.append(("random", f"r{n:03d}", library, request(facts)))
    totals = Counter()
    for kind, name, view, req in inputs:
        before = len(changed)
        plan, _ = timed_plan(settings, view, req)
        titles = [s.title for s in plan.body()]
        exact, area = exact_shared(titles), one_home.plan_shared(plan.body(), book)
        totals[kind, "plans"] += 1
        totals[kind, "exact"] += bool(exact)
        totals[kind, "area"] += bool(area)
        totals[kind, "changed"] += len(changed) > before
        if args.show and (area or exact or len(changed) > before):
            show(f"{name} (was {changed[-1]})" if len(changed) > before else name, plan, area + exact)
    for kind in ("set", "random"):
        print(f"{kind}: {totals[kind, 'plans']} plans; a clause in two headings (exact) {totals[kind, 'exact']}, "
              f"an area in two headings {totals[kind, 'area']}; plans the stage changed {totals[kind, 'changed']}")


if __name__ == "__main__":
    main()
