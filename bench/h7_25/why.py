"""Why one_home.settle leaves an area in two headings: each failed (area, home, other) with its reason.

    PYTHONPATH=. .venv/bin/python bench/h7_25/why.py r028 r051 s002_06 …   (random list names rNNN, held-out ids)
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from plan_bench import HeldOutLibrary, request, timed_plan  # noqa: E402
from plan_set import build, random_fact_lists  # noqa: E402

from drafter.pipeline import one_home  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

original = one_home._one_home
original_retitled = one_home._retitled


def traced_retitled(planner, refit, name, index, lines, groups, titles, used, room):
    new = original_retitled(planner, refit, name, index, lines, groups, titles, used, room)
    print(f"    retitle {titles[index]!r} ({len(lines)} stay, room {room}) -> {new!r}; candidates "
          f"{groups[index].candidates[:6]}")
    return new


one_home._retitled = traced_retitled


def traced(planner, refit, name, home, index, groups, titles, facts, used):
    ok = original(planner, refit, name, home, index, groups, titles, facts, used)
    if not ok:
        lines, title = groups[index].lines, titles[index]
        moving = one_home._only(lines, name, title, refit)
        target = sorted(groups[home].lines + moving)
        per = planner.settings.max_facts_per_section
        print(f"  FAIL {name}: home {titles[home]!r} ({len(groups[home].lines)}) <- {title!r} ({len(lines)}), "
              f"moving {len(moving)}, target {len(target)}/{per}, still_fits "
              f"{planner.still_fits(titles[home], target, facts, used)}, misfit-moving "
              f"{sorted(set(moving) & set(refit.misfits(target, titles[home])))}, stay {len(lines) - len(moving)}")
    return ok


one_home._one_home = traced
settings = Settings()
library = DrafterService(settings).library
wanted = set(sys.argv[1:])
for item in build(ROOT / "samples"):
    if item.example_id.removesuffix(".md") in wanted or item.example_id in wanted:
        print("---", item.example_id)
        plan, _ = timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(list(item.facts), item.kind))
        print("  =>", [s.heading for s in plan.body()])
for n, facts in enumerate(random_fact_lists(ROOT / "samples", 200)):
    if f"r{n:03d}" in wanted:
        print("---", f"r{n:03d}")
        plan, _ = timed_plan(settings, library, request(facts))
        print("  =>", [s.heading for s in plan.body()])
