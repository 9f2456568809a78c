"""Issue 20, session 24 (h5): a strong model's headings, captured and measured.

    PYTHONPATH=. python bench/h5_24/run_book.py capture      # log every heading prompt (answer: first example)
    PYTHONPATH=. python bench/h5_24/run_book.py book         # answer from headings.json, report per label

plan_bench (--model openai, no random lists) runs against tests/strong_server.py's ScriptedServer whose heading
answer is replaced: `capture` answers with the prompt's first example heading (the server's own behaviour) and logs
the prompt's facts and examples to prompts.json; `book` answers with the book's reply for the prompt's facts
(headings.json, keyed by the facts as the prompt shows them) and prints taken/refused per label and rule.
"""

from __future__ import annotations

import json
import os
import re
import sys
from argparse import Namespace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from tests.strong_server import Answerer, ScriptedServer  # noqa: E402

_FACT = re.compile(r"^\d{1,2}\. (.+)$", re.M)
_EXAMPLE = re.compile(r"^- (.+)$", re.M)


def prompt_parts(prompt: str) -> tuple[list[str], list[str]]:
    return _FACT.findall(prompt), _EXAMPLE.findall(prompt)


class Logging(Answerer):
    def __init__(self, book: dict[str, dict] | None) -> None:
        super().__init__({})
        self.heading_book = book
        self.prompts: list[dict] = []

    def answer(self, prompt: str) -> str | None:
        if not prompt.startswith("这次只写一个小标题"):
            return super().answer(prompt)
        facts, examples = prompt_parts(prompt)
        key = "\n".join(facts)
        entry = (self.heading_book or {}).get(key)
        self.prompts.append({"facts": facts, "examples": examples, "in_book": entry is not None})
        if entry is not None:
            return entry["reply"]
        return examples[0] if examples else "其他工作"


def main() -> None:
    mode = sys.argv[1]
    book = None
    if mode == "book":
        book = {"\n".join(e["facts"]): e for e in json.loads((HERE / "headings.json").read_text())["headings"]}
    server = ScriptedServer({})
    server.answerer = Logging(book)
    with server:
        os.environ["DRAFTER_OPENAI_BASE_URL"] = server.base_url
        os.environ["DRAFTER_PROVIDER"] = "openai"
        os.environ.setdefault("DRAFTER_DATA_DIR", "/tmp/h5-data")
        import plan_bench

        kept: list = []
        original = plan_bench.model_report
        plan_bench.model_report = lambda calls, speed: (kept.extend(c for c, _ in calls), original(calls, speed))[1]
        result = plan_bench.run(Namespace(model="openai", half=None, shuffle=False, random=0))
    result.pop("rows")
    calls = result["model_headings"]
    if mode == "capture":
        (HERE / "prompts.json").write_text(json.dumps(server.answerer.prompts, ensure_ascii=False, indent=1) + "\n")
    else:
        report(kept, book)
        missing = [p for p in server.answerer.prompts if not p["in_book"]]
        (HERE / "missing.json").write_text(json.dumps(missing, ensure_ascii=False, indent=1) + "\n")
    calls.pop("replies")
    print(json.dumps({k: result[k] for k in ("structure_set", "bench_requests", "model_headings")},
                     ensure_ascii=False, indent=1))


def report(calls: list, book: dict, out: Path | None = None) -> None:
    """Each asked prompt's book entry beside what the rules made of it (written to `out`, else calls.json here)."""
    tally: dict[str, dict[str, int]] = {}
    kept = []
    for call in calls:
        entry = book.get("\n".join(f if len(f) <= 60 else f[:60] + "…" for f in call.facts[:8]))
        label = entry["label"] if entry else "missing"
        verdict = call.refused.split(":")[0] if call.refused else "taken"
        tally.setdefault(label, {}).setdefault(verdict, 0)
        tally[label][verdict] += 1
        kept.append({"facts": call.facts, "reply": call.reply.strip(), "label": label, "verdict": verdict,
                     "refused": call.refused, "n": entry.get("n") if entry else None})
        print(f"{label:7} {verdict:9} {call.reply.strip()!r} <- {[f[:20] for f in call.facts[:4]]}")
    print(json.dumps(tally, ensure_ascii=False))
    (out or HERE / "calls.json").write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
