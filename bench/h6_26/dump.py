"""Plans of every input of issue 20's count, saved for bench/h6_26/count.py (h6, session 26): the held-out structure
set in order and shuffled (plan_bench's inputs), the 200 random lists, bench/requests, and 200-fact lists of seeds
200-202 (bench/h7_25/two_hundred.py's draw). Each plan: its body's sections (title, parent, sub, number, fact lines)
and what the opening names (Plan.named_areas).

    PYTHONPATH=. .venv/bin/python bench/h6_26/dump.py OUT.json [--random 200]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from plan_bench import HeldOutLibrary, read_request, request, timed_plan  # noqa: E402
from plan_set import build, random_fact_lists  # noqa: E402

from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402


def inputs(library, held, lists: int):
    for shuffle in (False, True):
        for item in held:
            facts = list(item.facts)
            if shuffle:
                order = list(range(len(facts)))
                random.Random(item.example_id).shuffle(order)
                facts = [facts[i] for i in order]
            yield ("shuffled" if shuffle else "set", item.example_id,
                   HeldOutLibrary(library, {item.example_id, *item.copies}), request(facts, item.kind), None)
    for n, facts in enumerate(random_fact_lists(ROOT / "samples", lists)):
        yield "random", f"r{n:03d}", library, request(facts), None
    for path in sorted((ROOT / "bench" / "requests").iterdir()):
        yield "requests", path.name, library, read_request(path), None
    pool = sorted({f for item in held for f in item.facts})
    for seed in (200, 201, 202):
        yield "two_hundred", f"seed{seed}", library, request(random.Random(seed).sample(pool, 200)), 200


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--random", type=int, default=200)
    args = parser.parse_args()
    settings = Settings()
    large = settings.model_copy(update={"max_facts": 200})
    library = DrafterService(settings).library
    held = build(ROOT / "samples")
    rows = []
    for kind, name, view, req, most in inputs(library, held, args.random):
        plan, took = timed_plan(large if most else settings, view, req)
        rows.append({"kind": kind, "name": name, "seconds": round(took, 3), "facts": plan.facts,
                     "misfits": list(plan.misfits), "named": plan.named_areas(),
                     "sections": [{"title": s.title, "parent": s.parent, "sub": s.sub, "number": s.number,
                                   "lines": list(s.fact_lines)} for s in plan.body()]})
    Path(args.out).write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
