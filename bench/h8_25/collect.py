"""Issue 20, session 25 (h8): every heading a plan can emit or take, to read which are generic.

    DRAFTER_DATA_DIR=… PYTHONPATH=. python bench/h8_25/collect.py plans OUT.json   # plan_bench --shuffle --random 50:
                                                                                   # every plan's body headings
    DRAFTER_DATA_DIR=… PYTHONPATH=. python bench/h8_25/collect.py sources OUT.json # the heading bank, the lexicon's
                                                                                   # headings, the three books' replies
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BOOKS = ("h5_24", "h8_24", "h5_25")


def plans() -> dict:
    """Every body heading of plan_bench's plans (structure set shuffled, 50 random lists, bench requests)."""
    import plan_bench

    emitted: list[str] = []
    original = plan_bench.heading_report

    def recording(plan):
        emitted.extend(section.heading for section in plan.body())
        return original(plan)

    plan_bench.heading_report = recording
    args = plan_bench.argparse.Namespace(shuffle=True, random=50, json=True, model=None, rows=False, half=None,
                                         set=[])
    plan_bench.run(args)
    return {"plans": emitted}


def sources() -> dict:
    """The bank's headings, the lexicon's theme headings and the books' replies."""
    from drafter.pipeline.themes import load_book
    from drafter.service import DrafterService
    from drafter.settings import Settings

    bank = DrafterService(Settings()).library.heading_bank()
    lexicon = [h.text for theme in load_book().themes for h in (*theme.headings, *theme.shorts)]
    books = {name: [e["reply"] for e in json.loads((ROOT / "bench" / name / "headings.json").read_text())["headings"]]
             for name in BOOKS}
    return {"bank": [e.text for e in bank.entries], "lexicon": lexicon, **books}


if __name__ == "__main__":
    found = plans() if sys.argv[1] == "plans" else sources()
    Path(sys.argv[2]).write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n")
