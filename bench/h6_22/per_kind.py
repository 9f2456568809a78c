"""Per kind, per half, and each miss of the odd half: python bench/h6_22/per_kind.py FRESH_H22C (copy of bench/h2_22/per_kind.py)"""
import sys
from collections import Counter
from drafter.numcheck import check
from tests import strong_set as S

for half in ("odd", "even"):
    c, n, t = Counter(), Counter(), Counter()
    for p in S.load(getattr(S, sys.argv[1])):
        k = int(p.id.split("-")[1])
        if (k % 2 == 1) != (half == "odd"):
            continue
        res = check(p.facts, p.text)
        hit, role = S.judge(p, res)
        t[p.kind] += 1; c[p.kind] += hit; n[p.kind] += role
        if half == "odd" and (hit != (p.kind != "faithful") or (p.kind != "faithful" and not role)):
            print("  ", p.id, hit, role, p.span and p.text[p.span[0]:p.span[1]], [f[2] for f in S.flags(res)])
    print(half, "  ".join(f"{k} {c[k]}/{n[k]}/{t[k]}" for k in ("faithful",) + S.KINDS), "(caught/named/all)")
