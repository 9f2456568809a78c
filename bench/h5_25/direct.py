"""Each book heading against its shown facts alone (model_titles.refusal, nothing used, no planner theme span), as
bench/h8_24/direct.py, over books 1 and 2 (the rules' in-sample books) or book 3 (out of sample: only its totals
may be read while rules change).

    PYTHONPATH=. python bench/h5_25/direct.py 12 [good|bad] [verdict]   # books 1-2, each heading with its reasons
    PYTHONPATH=. python bench/h5_25/direct.py 3                         # book 3's totals only
"""

import json
import sys
from pathlib import Path

from drafter.pipeline import heading_meaning
from drafter.pipeline.model_titles import cleaned, refusal, unwritten

BENCH = Path(__file__).resolve().parent.parent
BOOKS = {"12": ("h5_24", "h8_24"), "3": ("h5_25",)}


def verdict(entry: dict) -> tuple[str, list[str]]:
    facts = [f.rstrip("…") for f in entry["facts"]]
    heading = cleaned(entry["reply"])
    why = refusal(heading, facts, set())
    return why.split(":")[0] or "taken", facts


def explain(heading: str, facts: list[str]) -> str:
    found = heading_meaning.content_words(heading)
    holding = sum(1 for f in facts if heading_meaning._holds(f, found))
    return f"words={found} unsaid={unwritten(heading, facts)} holding={holding}/{len(facts)}"


def main() -> None:
    books, label, wanted = BOOKS[sys.argv[1]], *(sys.argv[2:4] + [None, None])[:2]
    tally: dict[str, dict[str, int]] = {}
    for book in books:
        for entry in json.loads((BENCH / book / "headings.json").read_text())["headings"]:
            found, facts = verdict(entry)
            tally.setdefault(entry["label"], {}).setdefault(found, 0)
            tally[entry["label"]][found] += 1
            if sys.argv[1] == "12" and (label is None or entry["label"] == label) and wanted in (None, found):
                print(f"{book} {entry['n']:3} {entry['label']:4} {found:9} {entry['reply']}\n    "
                      f"{explain(cleaned(entry['reply']), facts)}")
    print(json.dumps({k: dict(sorted(v.items())) for k, v in sorted(tally.items())}, ensure_ascii=False))


if __name__ == "__main__":
    main()
