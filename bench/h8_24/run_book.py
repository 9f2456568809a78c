"""Issue 20, session 24 (h8): an out-of-sample measure of the model-heading rules on the random fact lists.

    PYTHONPATH=. python bench/h8_24/run_book.py capture [LISTS]   # log every heading prompt (answer: first example)
    PYTHONPATH=. python bench/h8_24/run_book.py book [LISTS]      # answer from headings.json, report per label

Like bench/h5_24/run_book.py, but plans only plan_bench's random fact lists (not the structure set nor the bench
requests, whose prompts are h5's) against tests/strong_server.py's ScriptedServer. `capture` writes prompts.json
(prompts whose facts equal one of h5's are dropped); `book` serves headings.json and writes calls.json.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = os.environ.get("H8_CALLS", "calls.json")
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tests.strong_server import Answerer, ScriptedServer  # noqa: E402

_FACT = re.compile(r"^\d{1,2}\. (.+)$", re.M)
_EXAMPLE = re.compile(r"^- (.+)$", re.M)


class Logging(Answerer):
    """h5's answerer: logs each heading prompt; answers from the book, else with the first example."""

    def __init__(self, book: dict[str, dict] | None) -> None:
        super().__init__({})
        self.heading_book = book
        self.prompts: list[dict] = []

    def answer(self, prompt: str) -> str | None:
        if not prompt.startswith("这次只写一个小标题"):
            return super().answer(prompt)
        facts, examples = _FACT.findall(prompt), _EXAMPLE.findall(prompt)
        entry = (self.heading_book or {}).get("\n".join(facts))
        self.prompts.append({"facts": facts, "examples": examples, "in_book": entry is not None})
        if entry is not None:
            return entry["reply"]
        return examples[0] if examples else "其他工作"


def report(calls: list, book: dict) -> None:
    """h5's report (bench/h5_24/run_book.py), written to OUT here."""
    spec = importlib.util.spec_from_file_location("h5_run_book", ROOT / "bench" / "h5_24" / "run_book.py")
    h5 = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(h5)
    h5.report(calls, book, HERE / OUT)


def h5_keys() -> set[str]:
    keys = set()
    for name in ("prompts.json", "prompts_round2.json"):
        path = ROOT / "bench" / "h5_24" / name
        if path.exists():
            keys |= {"\n".join(p["facts"]) for p in json.loads(path.read_text())}
    return keys


def plan_lists(lists: int) -> list:
    import plan_bench

    settings = plan_bench.Settings()
    service = plan_bench.DrafterService(settings)
    model = service.providers.resolve("openai").model
    calls: list = []
    for facts in plan_bench.random_fact_lists(ROOT / "samples", lists):
        plan_bench.timed_plan(settings, service.library, plan_bench.request(facts), model, calls)
    return [c for c, _ in calls]


def run(mode: str, plan, here: Path, data_dir: str, earlier: set[str], write_report, prompts_name: str) -> None:
    """One book run (h8's and session 25's h5's): plan against the scripted server; `capture` keeps the prompts not in
    `earlier` (prompts_name), `book` answers from here/headings.json, reports and keeps the prompts it lacks."""
    book = None
    if mode == "book":
        book = {"\n".join(e["facts"]): e for e in json.loads((here / "headings.json").read_text())["headings"]}
    server = ScriptedServer({})
    server.answerer = Logging(book)
    with server:
        os.environ["DRAFTER_OPENAI_BASE_URL"] = server.base_url
        os.environ["DRAFTER_PROVIDER"] = "openai"
        os.environ.setdefault("DRAFTER_DATA_DIR", data_dir)
        calls = plan()
    prompts = server.answerer.prompts
    if mode == "capture":
        seen, kept = set(earlier), []
        for p in prompts:
            key = "\n".join(p["facts"])
            if key not in seen:
                seen.add(key)
                kept.append(p)
        print(f"{len(prompts)} prompts, {len(kept)} distinct and in no earlier book")
        (here / prompts_name).write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n")
    else:
        write_report(calls, book)
        missing = [p for p in prompts if not p["in_book"]]
        (here / "missing.json").write_text(json.dumps(missing, ensure_ascii=False, indent=1) + "\n")
        print(f"{len(missing)} prompts not in the book")


def main() -> None:
    mode, lists = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 60
    run(mode, lambda: plan_lists(lists), HERE, "/tmp/h8-data", h5_keys(), report, "prompts.json")


if __name__ == "__main__":
    main()
