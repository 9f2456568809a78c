"""200 facts (issue 20): facts drawn at random from the held-out structure set's summaries (bench/plan_set.py,
`random.Random(seed)`, session 12's method), planned and drafted with the template provider, DRAFTER_MAX_FACTS=200.
Prints each plan's headings with their fact counts, the areas two headings name (one_home.plan_shared), the
template draft's opening and the areas it names twice.

    DRAFTER_MAX_FACTS=200 PYTHONPATH=. .venv/bin/python bench/h7_25/two_hundred.py [--seeds 200 201 202] [--facts]
"""
from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DRAFTER_MAX_FACTS", "200")

from plan_bench import request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402

from drafter.pipeline import one_home  # noqa: E402
from drafter.pipeline.themes import load_book  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, nargs="+", default=[200, 201, 202])
    parser.add_argument("--facts", action="store_true", help="print each section's facts too")
    args = parser.parse_args()
    settings = Settings()
    service, book = DrafterService(settings), load_book()
    pool = sorted({f for item in build(ROOT / "samples") for f in item.facts})
    totals = {"lists": 0, "shared": 0, "opening_twice": 0}
    for seed in args.seeds:
        facts = random.Random(seed).sample(pool, 200)
        result = service.draft(request(facts), "template")
        plan, _ = timed_plan(settings, service.library, request(facts))
        shared = one_home.plan_shared(plan.body(), book)
        opening = next(p for p in result.text.split("\n") if "取得了新的成效" in p or "总结如下" in p)
        named = plan.named_areas()
        twice = one_home.shared_areas([t.split("，")[0] for t in named], book)
        totals["lists"] += 1
        totals["shared"] += bool(shared)
        totals["opening_twice"] += bool(twice)
        print(f"=== seed {seed}: {len(plan.body())} headed parts, shared {shared}; opening names twice {twice}")
        print(f"  opening: {opening}")
        for section in plan.body():
            print(f"  {section.heading.replace(chr(10), chr(10) + '  ')}  [{len(section.fact_lines)}]")
            for line in section.fact_lines if args.facts else []:
                print(f"        {plan.facts[line - 1][:50]}")
    print(totals)


if __name__ == "__main__":
    main()
