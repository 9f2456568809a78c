"""Caught/named per allowed set (not held-out 13-22) and their totals: python bench/h6_22/totals.py (copy of bench/h2_22/totals.py, with FRESH_H22A and FRESH_H22C)"""
from collections import Counter
from drafter.numcheck import check
from tests import strong_set as S

ALLOWED = ["DATA", "HELDOUT"] + [f"HELDOUT{n}" for n in range(2, 13)] + [
    "FRESH_H4", "FRESH_H5", "FRESH_H18", "FRESH_H18B", "FRESH_H19", "FRESH_H19B", "FRESH_H20", "FRESH_H20B", "FRESH_H21",
    "FRESH_H22B", "FRESH_H22A", "FRESH_H22C"]
total = Counter()
for name in ALLOWED:
    f = S.measure(check, getattr(S, name))
    t, c, n = f["total"], f["caught"], f["named"]
    inv = sum(v for k, v in t.items() if k != "faithful")
    row = Counter(faithful=c.get("faithful", 0), faithful_all=t["faithful"], invented=inv,
                  caught=sum(v for k, v in c.items() if k != "faithful"), named=sum(n.values()))
    total.update(row)
    print(f"{name:11s} faithful flagged {row['faithful']}/{row['faithful_all']}  caught {row['caught']}/{inv}  "
          f"named {row['named']}/{inv}  " + " ".join(f"{k}:{c.get(k, 0)}/{n.get(k, 0)}/{t[k]}" for k in S.KINDS if t.get(k))
          + f"  flagged {f['flagged']}")
print(f"TOTAL       faithful flagged {total['faithful']}/{total['faithful_all']}  caught {total['caught']}/{total['invented']}  "
      f"named {total['named']}/{total['invented']}")
