"""Session 24 (h1): one summary's groups after each planner stage (fact numbers, 1-based), in order or shuffled.

    PYTHONPATH=. .venv/bin/python bench/h1_24/stages_of.py s002_13.md [--shuffle]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from plan_bench import HeldOutLibrary, groups_of, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402
from plan_stages import Stages  # noqa: E402

from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402


def main() -> None:
    ids, shuffle = [a for a in sys.argv[1:] if not a.startswith("--")], "--shuffle" in sys.argv
    stages, settings = Stages(False), Settings()
    library = DrafterService(settings).library
    for item in build(ROOT / "samples"):
        if item.example_id not in ids:
            continue
        order = list(range(len(item.facts)))
        if shuffle:
            random.Random(item.example_id).shuffle(order)
        facts, truth = [item.facts[i] for i in order], [item.sections[i] for i in order]
        stages.truth, stages.seen = truth, []
        plan, _ = timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(facts, item.kind))
        print(item.example_id, "truth", truth)
        for name, labels in stages.seen + [("final", groups_of(plan, len(facts)))]:
            groups = {}
            for i, label in enumerate(labels):
                groups.setdefault(label, []).append(f"{i + 1}{'abcdefghijklmnop'[truth[i]]}")
            print(f"  {name:<8}", " | ".join(" ".join(g) for g in groups.values()))
        for s in plan.body():
            print("   ", s.number, s.sub or "", s.title, s.fact_lines)


if __name__ == "__main__":
    main()
