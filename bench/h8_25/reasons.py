"""Issue 20, session 25 (h8): every rule a book heading fails, beside the one its refusal names (the first).

    PYTHONPATH=. python bench/h8_25/reasons.py 12   # books 1-2 (bench/h5_24, bench/h8_24): each heading failing two
    PYTHONPATH=. python bench/h8_25/reasons.py 3    # book 3 (bench/h5_25): totals only
"""

import json
import sys
from collections import Counter
from pathlib import Path

from drafter.pipeline import heading_meaning
from drafter.pipeline.heading_rules import is_generic, one_fact_words, stutters
from drafter.pipeline.model_titles import cleaned, refusal, unwritten
from drafter.pipeline.titling import fits

BENCH = Path(__file__).resolve().parent.parent
BOOKS = {"12": ("h5_24", "h8_24"), "3": ("h5_25",)}


def failed(heading: str, facts: list[str]) -> list[str]:
    """Every rule the heading fails (shape and the draft's other headings aside)."""
    rules = {"generic": is_generic(heading), "stutter": stutters(heading), "one_fact": one_fact_words(heading, facts),
             "unrelated": not heading_meaning.relevant(heading, facts), "claim": not fits(facts, heading),
             "unwritten": bool(unwritten(heading, facts))}
    return [name for name, fails in rules.items() if fails]


def main() -> None:
    named = Counter()
    for book in BOOKS[sys.argv[1]]:
        for entry in json.loads((BENCH / book / "headings.json").read_text())["headings"]:
            facts, heading = [f.rstrip("…") for f in entry["facts"]], cleaned(entry["reply"])
            why, all_failed = refusal(heading, facts, set()), failed(heading, facts)
            named[(entry["label"], why or "taken")] += 1
            if sys.argv[1] == "12" and len(all_failed) > 1:
                print(f"{book} {entry['n']:3} {entry['label']:4} named={why:9} failed={all_failed} {entry['reply']}"
                      f"  ({entry['reason']})")
    print(json.dumps({f"{label} {why}": n for (label, why), n in sorted(named.items())}, ensure_ascii=False))


if __name__ == "__main__":
    main()
