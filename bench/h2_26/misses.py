"""Invented spans missed or named with the wrong role, per allowed set, split drive/report (brief 26, h2).

    PYTHONPATH=. python bench/h2_26/misses.py [drive|report|all]

Drive: held-out 13, 15, 17, 19, every older allowed set, and the odd scenarios of fresh sets. Report: held-out 14,
16, 18, 20, 26 and the even scenarios of fresh sets (only counted, never tuned on).
"""

from __future__ import annotations

import sys
from collections import Counter

from drafter.numcheck import check
from tests import strong_set as S
from tests.strong_tools import allowed_sets

REPORT = {"HELDOUT14", "HELDOUT16", "HELDOUT18", "HELDOUT20", "HELDOUT26"}


def side(name: str, pid: str) -> str:
    if name in REPORT:
        return "report"
    if name.startswith("FRESH_") and int(pid.split("-")[1]) % 2 == 0:
        return "report"
    return "drive"


def main(which: str) -> None:
    total = Counter()
    for name in allowed_sets():
        row = Counter()
        for p in S.load(getattr(S, name)):
            sd = side(name, p.id)
            res = check(p.facts, p.text)
            hit, role = S.judge(p, res)
            key = (sd, p.kind == "faithful")
            row[sd, "n" if p.kind != "faithful" else "fn"] += 1
            if p.kind == "faithful":
                row[sd, "ff"] += hit
                continue
            row[sd, "c"] += hit
            row[sd, "r"] += role
            if (not hit or not role) and which in (sd, "all"):
                s, e = p.span
                print(f"{sd:6s} {name:11s} {p.id:18s} {p.kind:8s} {'named-wrong' if hit else 'MISSED':11s} "
                      f"[{p.text[s:e]}] …{p.text[max(0, s - 14):s]}[{p.text[s:e]}]{p.text[e:e + 10]}… "
                      f"{[f[2] for f in S.flags(res) if f[0] < e and s < f[1]]}")
        for sd in ("drive", "report"):
            if row[sd, "n"] or row[sd, "fn"]:
                print(f"# {name:11s} {sd:6s} caught {row[sd, 'c']}/{row[sd, 'n']} named {row[sd, 'r']}/{row[sd, 'n']}"
                      f" faithful flagged {row[sd, 'ff']}/{row[sd, 'fn']}")
        total.update(row)
    for sd in ("drive", "report"):
        print(f"## TOTAL {sd:6s} caught {total[sd, 'c']}/{total[sd, 'n']} named {total[sd, 'r']}/{total[sd, 'n']} "
              f"faithful flagged {total[sd, 'ff']}/{total[sd, 'fn']}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "all")
