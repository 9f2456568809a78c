"""Session 20 (h3): bench/plan_bench.py end to end with each structure-set summary's TRUE section count given to
the clustering (grouping.section_count), everything else the planner's own: what the number of groups is worth
after the heading stages.

    PYTHONPATH=. .venv/bin/python bench/probes_h3/oracle_k.py [--shuffle] --random 0 --json
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import plan_bench  # noqa: E402
from plan_set import build  # noqa: E402

from drafter.pipeline import grouping  # noqa: E402
from drafter.pipeline.plan import Planner  # noqa: E402

TRUE_K = {frozenset(item.facts): len(set(item.sections)) for item in build(ROOT / "samples")}
current: list = [None]
original_count, original_groups = grouping.section_count, Planner._groups


def section_count(facts, typical, cap, per=8):
    return current[0] if current[0] else original_count(facts, typical, cap, per)


def groups(self, facts, *args):
    current[0] = TRUE_K.get(frozenset(facts))
    try:
        return original_groups(self, facts, *args)
    finally:
        current[0] = None


grouping.section_count, Planner._groups = section_count, groups
plan_bench.main()
