"""Probe (session 21 h3): what each heading-stage mechanism costs, by switching it off. The structure set (in order,
or --shuffle) planned with the TRUE sections as clusters (--oracle) or the planner's own; per variant: mean pairwise
F1, misfits after (the planner's own count), fact-made headings, sections, and the heading faults of plan_bench
(claim / generic / repeated / stutter / one-fact). Variants (comma list, or all): start, no_rehome (misfits that
speak of another heading stay), no_new (no section of their own for misfits), no_moves (both, and no at-home or
nearest moves), no_join (areas.join off), no_home (one_home.settle off)."""
from __future__ import annotations

import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, groups_of, heading_report, pairwise_f1, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402
from plan_stages import Stages  # noqa: E402

from drafter.pipeline import areas, covering, fitting, one_home, run_stages  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

ORIG = {"rehome": fitting.Refit.rehome, "new": fitting._new_section, "at_home": run_stages.at_home,
        "stay": covering.stay_most_alike, "join": areas.join, "settle": one_home.settle}


def keep_misfits(self, sections, still):  # no moves: every misfit is reported homeless (then maybe a new section)
    return [f for lines, title in sections if lines for f in self.misfits(lines, title)]


def setup(variant: str) -> None:
    fitting.Refit.rehome, fitting._new_section = ORIG["rehome"], ORIG["new"]
    run_stages.at_home, covering.stay_most_alike = ORIG["at_home"], ORIG["stay"]
    areas.join, one_home.settle = ORIG["join"], ORIG["settle"]
    if variant in ("no_rehome", "no_moves"):
        fitting.Refit.rehome = keep_misfits
        run_stages.at_home = lambda refit, sections, homeless, still: homeless
    if variant in ("no_new", "no_moves"):
        fitting._new_section = lambda *a, **k: False
    if variant == "no_moves":
        covering.stay_most_alike = lambda *a, **k: None
        fitting.move = lambda *a, **k: None
    if variant == "no_join":
        areas.join = lambda *a, **k: None
    if variant == "no_home":
        one_home.settle = lambda *a, **k: None


oracle, shuffle = "--oracle" in sys.argv, "--shuffle" in sys.argv
names = next((a for a in sys.argv[1:] if not a.startswith("--")), "all")
variants = ["start", "no_rehome", "no_new", "no_moves", "no_join", "no_home"] if names == "all" else names.split(",")
stages = Stages(oracle)
join_wrapped = areas.join  # Stages wraps areas.join; keep its wrapper as the 'on' state
ORIG["join"] = join_wrapped
settings = Settings()
library = DrafterService(settings).library
items = build(ROOT / "samples")
move_orig = fitting.move
for variant in variants:
    fitting.move = move_orig
    setup(variant)
    f1s, misfits, faults = [], 0, {}
    for item in items:
        order = list(range(len(item.facts)))
        if shuffle:
            random.Random(item.example_id).shuffle(order)
        facts, truth = [item.facts[i] for i in order], [item.sections[i] for i in order]
        stages.truth, stages.seen, stages.grouped = truth, [], False
        plan, _ = timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(facts, item.kind))
        f1s.append(pairwise_f1(truth, groups_of(plan, len(facts))))
        misfits += plan.misfits[1]
        for key, value in heading_report(plan).items():
            if key != "examples":
                faults[key] = faults.get(key, 0) + value
    print(f"{variant:10s} {'oracle' if oracle else 'own'} {'shuffled' if shuffle else 'in order'} F1 "
          f"{statistics.mean(f1s):.3f} misfits {misfits} {faults}", flush=True)
