"""Book 4's measures, odd-numbered prompts (these drive rule changes) apart from even ones (these only report).

    PYTHONPATH=. python bench/h5_26/tally.py calls FILE...      # plan calls (run_book.py book): taken per label, half
    PYTHONPATH=. python bench/h5_26/tally.py direct [odd] [good|bad] [verdict]
        # every book-4 heading against its shown facts alone (as bench/h5_25/direct.py); with `odd`, each odd
        # prompt's verdict and words are printed (even prompts are never printed)
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def half(n: int | None) -> str:
    return "missing" if n is None else ("odd" if n % 2 else "even")


def add(tally: dict, key: str, verdict: str) -> None:
    tally.setdefault(key, {}).setdefault(verdict, 0)
    tally[key][verdict] += 1


def calls(paths: list[str]) -> None:
    for path in paths:
        tally: dict = {}
        for call in json.loads(Path(path).read_text()):
            add(tally, f"{call['label']} {half(call['n'])}", "taken" if call["verdict"] == "taken" else "refused")
        print(path, json.dumps(dict(sorted(tally.items())), ensure_ascii=False))


def direct(args: list[str]) -> None:
    from h5_25.direct import explain, verdict

    from drafter.pipeline.model_titles import cleaned

    show, label, wanted = "odd" in args, *([a for a in args if a != "odd"] + [None, None])[:2]
    tally: dict = {}
    for entry in json.loads((HERE / "headings.json").read_text())["headings"]:
        found, facts = verdict(entry)
        add(tally, f"{entry['label']} {half(entry['n'])}", found)
        if show and entry["n"] % 2 and label in (None, entry["label"]) and wanted in (None, found):
            print(f"{entry['n']:3} {entry['label']:4} {found:9} {entry['reply']}\n    "
                  f"{explain(cleaned(entry['reply']), facts)}\n    {[f[:18] for f in facts]}")
    print(json.dumps({k: dict(sorted(v.items())) for k, v in sorted(tally.items())}, ensure_ascii=False))


if __name__ == "__main__":
    calls(sys.argv[2:]) if sys.argv[1] == "calls" else direct(sys.argv[2:])
