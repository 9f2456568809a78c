"""Issue 20, session 27 (h5): a fifth book of a strong model's headings, on prompts no earlier book holds.

    PYTHONPATH=. python bench/h5_27/run_book.py capture    # log every heading prompt (answer: first example)
    PYTHONPATH=. python bench/h5_27/run_book.py book       # answer from headings.json, report per label

Plans, against tests/strong_server.py's ScriptedServer: the structure set (each summary held out of the library, as
plan_bench does) twice, its facts shuffled by seed 27 and the summary's id, then reversed (book 4 planned them in order and
with seed 26), then every bench request with its facts shuffled by seed 27 (book 1 planned them in order, book 3 with seed
25). `capture` writes prompts.json (prompts whose facts equal one of books 1-4's are dropped); `book` serves
headings.json and writes calls.json (OUT env: another file name), as h8's runner does. Book 5 only reports.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED = 27
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from h5_24.run_book import report  # noqa: E402
from h8_24.run_book import run  # noqa: E402

OUT = os.environ.get("OUT", "calls.json")
EARLIER = ("h5_24/prompts.json", "h5_24/prompts_round2.json", "h8_24/prompts.json", "h8_24/prompts_round2.json",
           "h8_24/prompts_round3.json", "h5_25/prompts.json", "h5_25/prompts_round2.json", "h5_26/prompts.json",
           "h5_26/prompts_round2.json")


def earlier_keys() -> set[str]:
    keys = set()
    for name in EARLIER:
        keys |= {"\n".join(p["facts"]) for p in json.loads((ROOT / "bench" / name).read_text())}
    return keys


def shuffled(items: list, key: str) -> list:
    out = list(items)
    random.Random(f"{SEED}-{key}").shuffle(out)
    return out


def plan_all() -> list:
    import plan_bench
    from plan_set import build

    from drafter.cli.draft_cmds import read_request

    settings = plan_bench.Settings()
    service = plan_bench.DrafterService(settings)
    model = service.providers.resolve("openai").model
    calls: list = []
    for item in build(ROOT / "samples"):
        view = plan_bench.HeldOutLibrary(service.library, {item.example_id, *item.copies})
        for facts in (shuffled(item.facts, item.example_id), item.facts[::-1]):
            plan_bench.timed_plan(settings, view, plan_bench.request(facts, item.kind), model, calls)
    for path in sorted((ROOT / "bench" / "requests").iterdir()):
        req = read_request(path)
        req.facts = shuffled(req.facts, path.name)
        plan_bench.timed_plan(settings, service.library, req, model, calls)
    return [c for c, _ in calls]


def main() -> None:
    run(sys.argv[1], plan_all, HERE, "/tmp/h5-data", earlier_keys(),
        lambda calls, book: report(calls, book, HERE / OUT), os.environ.get("PROMPTS", "prompts.json"))


if __name__ == "__main__":
    main()
