"""Section order against the examples' own (issue 20): on bench/plan_set.py's held-out structure set, each
summary's facts are planned with the summary held out of the library, and the plan's section order is compared
with the summary's own: over every pair of facts that sit in different sections in both, the share the plan puts
in the summary's order (1.0: the same order; 0.5: no better than chance). Facts are planned shuffled by default
(their list order then says nothing of the sections' order: only the examples do); `--in-order` keeps them.

    .venv/bin/python bench/plan_order.py            # shuffled
    .venv/bin/python bench/plan_order.py --in-order
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402

from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402


def concordance(truth: list[int], planned: list[int]) -> tuple[int, int]:
    """(pairs in the summary's order, pairs compared): pairs of facts in different sections in both."""
    agree = total = 0
    for a, b in itertools.combinations(range(len(truth)), 2):
        if truth[a] == truth[b] or planned[a] == planned[b]:
            continue
        total += 1
        agree += (truth[a] < truth[b]) == (planned[a] < planned[b])
    return agree, total


def run(in_order: bool) -> dict:
    settings = Settings()
    library = DrafterService(settings).library
    rows = []
    for item in build(ROOT / "samples"):
        facts, truth = list(item.facts), list(item.sections)
        if not in_order:
            order = list(range(len(facts)))
            random.Random(item.example_id).shuffle(order)
            facts, truth = [facts[i] for i in order], [truth[i] for i in order]
        view = HeldOutLibrary(library, {item.example_id, *item.copies})
        plan, _ = timed_plan(settings, view, request(facts, item.kind))
        planned = [0] * len(facts)
        for section in plan.body():
            for line in section.fact_lines:
                planned[line - 1] = section.number
        agree, total = concordance(truth, planned)
        if total:
            rows.append({"example": item.example_id, "kind": item.kind, "agree": agree, "pairs": total})
    share = [r["agree"] / r["pairs"] for r in rows]
    return {"summaries": len(rows), "in_order": in_order, "mean": round(statistics.mean(share), 3),
            "pooled": round(sum(r["agree"] for r in rows) / sum(r["pairs"] for r in rows), 3),
            "load": os.getloadavg()[0], "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--in-order", action="store_true", help="plan each summary's facts in their own order")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    report = run(args.in_order)
    if not args.json:
        report = {k: v for k, v in report.items() if k != "rows"}
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
