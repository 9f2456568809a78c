"""Issue 20's count on saved plans (bench/h6_26/dump.py): per input, plans where two headings name one area by h7's
reading (`areas`: one_home.areas_of without the keyword reading) and by this session's (`other_words`:
one_home.plan_shared, i.e. same_area: keywords of one theme, shared content words), and openings (Plan.named_areas)
naming one area twice by each reading. `--show` prints each plan the new reading finds.

    PYTHONPATH=. .venv/bin/python bench/h6_26/count.py bench/h6_26/before_plans.json [--show]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]

from drafter.pipeline import one_home  # noqa: E402
from drafter.pipeline.themes import load_book  # noqa: E402

KINDS = ("set", "shuffled", "random", "requests", "two_hundred")


def opening_twice(named: list[str], book) -> list[str]:
    return [w for i, a in enumerate(named) for b in named[i + 1:] for w in one_home.same_area(a, b, book)]


def read(book, rows) -> list[tuple[list[str], list[str]]]:
    return [(one_home.plan_shared([SimpleNamespace(**s) for s in row["sections"]], book),
             opening_twice(row["named"], book)) for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("plans")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    book, rows = load_book(), json.loads(Path(args.plans).read_text(encoding="utf-8"))
    with mock.patch.object(one_home, "keyword_areas", lambda clause, book: set()), \
            mock.patch.object(one_home, "kin", lambda a, b, book: frozenset()):
        old = read(book, rows)
    new = read(book, rows)
    totals = Counter()
    for row, (old_plan, old_open), (new_plan, new_open) in zip(rows, old, new):
        kind = row["kind"]
        totals[kind, "plans"] += 1
        totals[kind, "areas"] += bool(old_plan)
        totals[kind, "other_words"] += bool(new_plan)
        totals[kind, "opening_areas"] += bool(old_open)
        totals[kind, "opening_other_words"] += bool(new_open)
        totals[kind, "misfits"] += row["misfits"][1]
        totals[kind, "sections"] += len(row["sections"])
        if args.show and (new_plan or new_open):
            print(f"--- {kind} {row['name']}: {new_plan} opening {new_open} {row['named']}")
            for s in row["sections"]:
                head = f"{s['parent']} / {s['title']}" if s["sub"] else s["title"]
                print(f"    {s['number']}{'.' + str(s['sub']) if s['sub'] else ''} {head} [{len(s['lines'])}]")
    for kind in KINDS:
        print(f"{kind:12s} plans {totals[kind, 'plans']:3d}  area twice: h7 reading {totals[kind, 'areas']:3d}, "
              f"in other words too {totals[kind, 'other_words']:3d};  opening twice: {totals[kind, 'opening_areas']}"
              f" / {totals[kind, 'opening_other_words']};  sections {totals[kind, 'sections']}, "
              f"misfits {totals[kind, 'misfits']}")


if __name__ == "__main__":
    main()
