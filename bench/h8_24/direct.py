"""Each book heading against its shown facts alone (model_titles.refusal, no heading used yet, no theme span from
the planner): a verdict for the prompts the plans did not ask on a tree. Approximate: the plan checks all the
section's facts (the prompt shows 8, cut to 60 characters) and the planner's themes.

    PYTHONPATH=. python bench/h8_24/direct.py [n …]
"""

import json
import sys
from pathlib import Path

from drafter.pipeline.model_titles import cleaned, refusal

HERE = Path(__file__).resolve().parent


def main() -> None:
    wanted = {int(n) for n in sys.argv[1:]}
    tally: dict[str, dict[str, int]] = {}
    for entry in json.loads((HERE / "headings.json").read_text())["headings"]:
        if wanted and entry["n"] not in wanted:
            continue
        facts = [f.rstrip("…") for f in entry["facts"]]
        verdict = refusal(cleaned(entry["reply"]), facts, set()).split(":")[0] or "taken"
        tally.setdefault(entry["label"], {}).setdefault(verdict, 0)
        tally[entry["label"]][verdict] += 1
        print(f"{entry['n']:3} {entry['label']:5} {verdict:9} {entry['reply']}")
    print(json.dumps(tally, ensure_ascii=False))


if __name__ == "__main__":
    main()
