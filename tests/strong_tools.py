"""Tools over the strong-model paragraph sets (tests/strong_set.py) for whoever writes check rules:

    python -m tests.strong_tools halves FRESH_H22B         # per kind and half (odd drives, even reports), odd misses
    python -m tests.strong_tools probe FRESH_H22B h22b-09-object0 …   # the flags of single paragraphs
    python -m tests.strong_tools allowed                   # every set a helper may tune on, and the totals
    python -m tests.strong_tools leftout                   # left-out activity clauses the check misses (corpus-built)

`allowed` leaves out the lead's kept held-out sets (21 onward, except 26, whose phrases leaked into two briefs), which
measure generalisation and are never tuned on. Held-out 13-20 were kept until session 26; every session measured them
and none moved, so since then they drive rules like the early ones, and `kept` (the lead's command) reports the rest.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from tests import strong_set as S

FIRST_KEPT = 21  # held-out sets from this one on are kept from rule writers (13-20 were, until session 26)
LEAKED = ("HELDOUT26",)  # a kept set whose phrases reached a brief: no longer a measure, so a drive set
ROLES = {"actor": "参与者", "place": "地点", "time": "时间", "honour": "荣誉", "object": "对象", "activity": "活动"}


def write_set(name: str, prefix: str, about: str, scenarios: list) -> None:
    """Write tests/data/<name> from hand-written scenarios (facts, faithful paragraphs, invented edits as (kind, old,
    new, span)): the source a helper's fresh set is kept in (bench/hN_SS/make_set.py)."""
    out = [{"id": f"{prefix}-{n:02d}", "facts": facts, "faithful": faithful, "invented": [
        {"kind": k, "role": ROLES[k], "edit": [old, new], "span": span} for k, old, new, span in edits]}
        for n, (facts, faithful, edits) in enumerate(scenarios, 1)]
    Path(S.DATA).with_name(name).write_text(
        json.dumps({"about": about, "scenarios": out}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def allowed_sets() -> list[str]:
    """The names (in tests/strong_set.py) of the sets rule writers may read: the set, held-out 1-20 and 26, every
    fresh one."""
    early = ["HELDOUT"] + [f"HELDOUT{n}" for n in range(2, FIRST_KEPT)]
    return ["DATA", *early, *LEAKED, *sorted(name for name in dir(S) if name.startswith("FRESH_"))]


def kept_sets() -> list[str]:
    """The held-out sets kept from rule writers: only the lead measures them, by totals."""
    allowed = set(allowed_sets())
    return [name for name in dir(S) if name.startswith("HELDOUT") and name not in allowed]


def halves(name: str, check) -> None:
    for half in ("odd", "even"):
        c, n, t = Counter(), Counter(), Counter()
        for p in S.load(getattr(S, name)):
            if (int(p.id.split("-")[1]) % 2 == 1) != (half == "odd"):
                continue
            res = check(p.facts, p.text)
            hit, role = S.judge(p, res)
            t[p.kind] += 1
            c[p.kind] += hit
            n[p.kind] += role
            if half == "odd" and (hit != (p.kind != "faithful") or (p.kind != "faithful" and not role)):
                print("  ", p.id, hit, role, p.span and p.text[p.span[0]:p.span[1]], [f[2] for f in S.flags(res)])
        print(half, "  ".join(f"{k} {c[k]}/{n[k]}/{t[k]}" for k in ("faithful",) + S.KINDS), "(caught/named/all)")


def probe(name: str, ids: list[str], check) -> None:
    paragraphs = {p.id: p for p in S.load(getattr(S, name))}
    for pid in ids:
        p = paragraphs[pid]
        res = check(p.facts, p.text)
        print(pid, p.span and p.text[p.span[0]:p.span[1]], S.judge(p, res), [f[2] for f in S.flags(res)])


def allowed(check, names: list[str] | None = None) -> None:
    total = Counter()
    for name in names or allowed_sets():
        f = S.measure(check, getattr(S, name))
        t, c, n = f["total"], f["caught"], f["named"]
        inv = sum(v for k, v in t.items() if k != "faithful")
        row = Counter(faithful=c.get("faithful", 0), faithful_all=t["faithful"], invented=inv,
                      caught=sum(v for k, v in c.items() if k != "faithful"), named=sum(n.values()))
        total.update(row)
        print(f"{name:11s} faithful flagged {row['faithful']}/{row['faithful_all']}  caught {row['caught']}/{inv}  "
              f"named {row['named']}/{inv}  flagged {f['flagged']}")
    print(f"TOTAL       faithful flagged {total['faithful']}/{total['faithful_all']}  "
          f"caught {total['caught']}/{total['invented']}  named {total['named']}/{total['invented']}")


def leftout(check) -> None:
    """tests/test_faithful_sets.py's left-out clauses: the ones no claim overlaps."""
    from tests.faithful_sets import corpus_paragraphs, left_out_clauses

    cases = left_out_clauses(corpus_paragraphs())
    missed = [draft[s:e] for facts, draft, (s, e) in cases
              if not any(c.kind == "claim" and c.start < e and c.end > s for c in check(facts, draft).claims)]
    print(f"left-out misses: {len(missed)}/{len(cases)}", missed)


if __name__ == "__main__":
    from drafter.numcheck import check

    command, *rest = sys.argv[1:] or ["allowed"]
    {"halves": lambda: halves(rest[0], check), "probe": lambda: probe(rest[0], rest[1:], check),
     "allowed": lambda: allowed(check), "kept": lambda: allowed(check, kept_sets()), "leftout": lambda: leftout(check)}[command]()
