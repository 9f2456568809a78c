"""Plan one held-out structure-set summary (as plan_bench does) and print each section's heading over its facts,
each fact's placed theme, and whether the fit test (fitting.Refit) counts it an anchor or a misfit.

    DRAFTER_DATA_DIR=/tmp/h4-data PYTHONPATH=. .venv/bin/python bench/drafts_read24/probe_plan.py s003_04.md
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, request  # noqa: E402
from plan_set import build  # noqa: E402

from drafter.pipeline.plan import Planner  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402


def main(wanted: list[str]) -> None:
    settings = Settings()
    service = DrafterService(settings)
    for item in [h for h in build(ROOT / "samples") if h.example_id in wanted]:
        library = HeldOutLibrary(service.library, {item.example_id, *item.copies})
        planner = Planner(settings, library)
        plan = planner.plan(request(list(item.facts), item.kind))
        refit = planner.refit
        print(f"== {item.example_id} misfits before/after {planner.misfits}")
        for section in plan.body():
            lines = [i - 1 for i in section.fact_lines]
            anchors, misfits = refit.anchors(lines, section.heading), refit.misfits(lines, section.heading)
            print(f"-- {section.heading}")
            for i in lines:
                theme = refit.prior[i].key if refit.prior[i] else None
                mark = "A" if i in anchors else ("M" if i in misfits else ".")
                print(f"  {mark} {i + 1:>2} [{theme}] [{item.headings[item.sections[i]][:10]}] {item.facts[i][:60]}")


if __name__ == "__main__":
    main(sys.argv[1:])
