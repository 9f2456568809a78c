"""Session 26 (h4): the refit's misfits of some summaries (half a), each with its filed areas (filed_areas.py).

    PYTHONPATH=. .venv/bin/python bench/h4_26/misfit_probe.py s002_11.md … [--shuffle] [--set …]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from plan_bench import HeldOutLibrary, apply_sets, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402

from drafter.pipeline import fitting  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

_refit = fitting.refit_plan
TRUTH: list[int] = []


def refit_plan(planner, groups, titles, facts, *args, **kwargs):
    shares, themes = planner.filed_shares, planner.filed_themes
    for group, title in zip(groups, titles):
        print(f"  [{title}]")
        for i in group.lines:
            row = shares[i] if shares is not None else None
            top = sorted(range(len(themes)), key=lambda k: -row[k])[:2] if row is not None else []
            filed = " ".join(f"{themes[k].key}:{row[k]:.2f}" for k in top)
            prior = planner._placed[i].key if planner._placed[i] else "-"
            print(f"    {i + 1:>2}{'abcdefghijklmnop'[TRUTH[i]]} {prior:<10} {filed:<34} {facts[i][:36]}")
    made, heads = _refit(planner, groups, titles, facts, *args, **kwargs)
    print("  refit ->", " | ".join(f"{t[:14]}: {' '.join(str(i + 1) for i in g.lines)}" for g, t in zip(made, heads)))
    return made, heads


fitting.refit_plan = refit_plan


def main() -> None:
    args = [a for a in sys.argv[1:]]
    sets = [args[i + 1] for i, a in enumerate(args) if a == "--set"]
    ids = [a for a in args if a.endswith(".md")]
    apply_sets(sets)
    settings = Settings()
    library = DrafterService(settings).library
    for item in build(ROOT / "samples"):
        if item.example_id not in ids:
            continue
        order = list(range(len(item.facts)))
        if "--shuffle" in args:
            random.Random(item.example_id).shuffle(order)
        facts, truth = [item.facts[i] for i in order], [item.sections[i] for i in order]
        TRUTH[:] = truth
        print(item.example_id)
        timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(facts, item.kind))


if __name__ == "__main__":
    main()
