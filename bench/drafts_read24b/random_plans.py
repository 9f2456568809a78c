"""Dump plan_bench's 200 random fact lists' plans (headings over fact numbers, misfits, shared areas) as JSON, so
two code versions can be diffed list by list (plan_bench prints totals only).

    DRAFTER_DATA_DIR=/tmp/h7-data PYTHONPATH=. .venv/bin/python bench/drafts_read24b/random_plans.py > /tmp/a.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import heading_report, request  # noqa: E402
from plan_set import random_fact_lists  # noqa: E402

from drafter.pipeline.plan import Planner  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402


def main() -> None:
    settings = Settings()
    library = DrafterService(settings).library
    out = []
    for facts in random_fact_lists(ROOT / "samples", 200):
        planner = Planner(settings, library)
        plan = planner.plan(request(facts))
        plan.misfits = planner.misfits  # as plan_bench.timed_plan: (before the moves, after)
        report = heading_report(plan)
        out.append({"sections": [[s.heading, s.fact_lines] for s in plan.body()], "misfit": report["misfit"],
                    "shared_area": report["shared_area"], "facts": facts})
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
