"""Probe (session 20 h4): print the plans of the given held-out summaries (headings with their facts) beside the
summary's own headings, as a secretary would read them. Args: example ids."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402

from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

settings = Settings()
library = DrafterService(settings).library
for item in build(ROOT / "samples"):
    if item.example_id not in sys.argv[1:]:
        continue
    plan, _ = timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(list(item.facts), item.kind))
    print(f"== {item.example_id}  own: {' | '.join(item.headings)}")
    for section in plan.body():
        print(f"  {section.heading}")
        for line in section.fact_lines:
            print(f"     [{item.sections[line - 1]}] {plan.facts[line - 1][:70]}")
