"""Issue 20, session 26 (h5): a fourth book of a strong model's headings, on structure-set prompts no earlier book
holds.

    PYTHONPATH=. python bench/h5_26/run_book.py capture    # log every heading prompt (answer: first example)
    PYTHONPATH=. python bench/h5_26/run_book.py book       # answer from headings.json, report per label

Plans, against tests/strong_server.py's ScriptedServer: the structure set (each summary held out of the library, as
plan_bench does) twice, its facts in order on today's planner and shuffled with seed 26 (book 1 planned them in
order on session 24's planner; books 2-3 planned random lists and bench requests). `capture` writes prompts.json
(prompts whose facts equal one of books 1-3's are dropped); `book` serves headings.json and writes calls.json (OUT
env: another file name), as h8's runner does.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED = 26
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from h5_24.run_book import report  # noqa: E402
from h8_24.run_book import run  # noqa: E402

OUT = os.environ.get("OUT", "calls.json")
EARLIER = ("h5_24/prompts.json", "h5_24/prompts_round2.json", "h8_24/prompts.json", "h8_24/prompts_round2.json",
           "h8_24/prompts_round3.json", "h5_25/prompts.json", "h5_25/prompts_round2.json")


def earlier_keys() -> set[str]:
    keys = set()
    for name in EARLIER:
        keys |= {"\n".join(p["facts"]) for p in json.loads((ROOT / "bench" / name).read_text())}
    return keys


def orders(count: int, example_id: str) -> list[list[int]]:
    """The summary's facts in order, then shuffled (seed 26 with the summary's id)."""
    shuffled = list(range(count))
    random.Random(f"{SEED}-{example_id}").shuffle(shuffled)
    return [list(range(count)), shuffled]


def plan_all() -> list:
    import plan_bench
    from plan_set import build

    settings = plan_bench.Settings()
    service = plan_bench.DrafterService(settings)
    model = service.providers.resolve("openai").model
    calls: list = []
    for item in build(ROOT / "samples"):
        view = plan_bench.HeldOutLibrary(service.library, {item.example_id, *item.copies})
        for order in orders(len(item.facts), item.example_id):
            req = plan_bench.request([item.facts[i] for i in order], item.kind)
            plan_bench.timed_plan(settings, view, req, model, calls)
    return [c for c, _ in calls]


def main() -> None:
    run(sys.argv[1], plan_all, HERE, "/tmp/h5-data", earlier_keys(),
        lambda calls, book: report(calls, book, HERE / OUT), os.environ.get("PROMPTS", "prompts.json"))


if __name__ == "__main__":
    main()
