"""Issue 20, session 25 (h5): a third book of a strong model's headings, on prompts neither earlier book holds.

    PYTHONPATH=. python bench/h5_25/run_book.py capture [LISTS]   # log every heading prompt (answer: first example)
    PYTHONPATH=. python bench/h5_25/run_book.py book [LISTS]      # answer from headings.json, report per label

Plans, against tests/strong_server.py's ScriptedServer: plan_set's random fact lists with seed 25 (books 1 and 2
used seed 20 or none) and every bench request with its facts shuffled (seed 25; book 1 planned them in order).
`capture` writes prompts.json (prompts whose facts equal one of bench/h5_24's or bench/h8_24's are dropped);
`book` serves headings.json and writes calls.json (OUT env: another file name), as h8's runner does.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED = 25
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from h5_24.run_book import report  # noqa: E402
from h8_24.run_book import run  # noqa: E402

OUT = os.environ.get("OUT", "calls.json")


def earlier_keys() -> set[str]:
    keys = set()
    for name in ("h5_24/prompts.json", "h5_24/prompts_round2.json", "h8_24/prompts.json",
                 "h8_24/prompts_round2.json", "h8_24/prompts_round3.json"):
        keys |= {"\n".join(p["facts"]) for p in json.loads((ROOT / "bench" / name).read_text())}
    return keys


def plan_all(lists: int) -> list:
    import plan_bench
    from plan_set import random_fact_lists

    from drafter.cli.draft_cmds import read_request

    settings = plan_bench.Settings()
    service = plan_bench.DrafterService(settings)
    model = service.providers.resolve("openai").model
    calls: list = []
    for facts in random_fact_lists(ROOT / "samples", lists, seed=SEED):
        plan_bench.timed_plan(settings, service.library, plan_bench.request(facts), model, calls)
    for path in sorted((ROOT / "bench" / "requests").iterdir()):
        req = read_request(path)
        facts = list(req.facts)
        random.Random(SEED).shuffle(facts)
        req.facts = facts
        plan_bench.timed_plan(settings, service.library, req, model, calls)
    return [c for c, _ in calls]


def main() -> None:
    mode, lists = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20
    run(mode, lambda: plan_all(lists), HERE, "/tmp/h5-data", earlier_keys(),
        lambda calls, book: report(calls, book, HERE / OUT), os.environ.get("PROMPTS", "prompts.json"))


if __name__ == "__main__":
    main()
