"""Totals over the sets helpers may read (never held-out 13-22), per half for one fresh set, and its flags.

python bench/h1_22/measure.py [FRESH_H22A] [--show]   (--show prints each flag of the allowed sets' faithful paragraphs)
"""
import sys
from collections import Counter
from drafter.numcheck import check
from tests import strong_set as S

ALLOWED = ["DATA", "HELDOUT"] + [f"HELDOUT{n}" for n in range(2, 13)] + sorted(
    n for n in dir(S) if n.startswith("FRESH_"))


def run(name: str, show: bool, c: Counter, n: Counter, t: Counter) -> None:
    for p in S.load(getattr(S, name)):
        res = check(p.facts, p.text)
        hit, role = S.judge(p, res)
        t[p.kind] += 1; c[p.kind] += hit; n[p.kind] += role
        if show and p.kind == "faithful" and hit:
            print(name, p.id, [(p.text[s:e], note[:60]) for s, e, note in S.flags(res)], res.missing and "missing")


def line(label, c, n, t) -> str:
    inv = [k for k in S.KINDS]
    return (f"{label}: faithful flagged {c['faithful']}/{t['faithful']}; invented caught "
            f"{sum(c[k] for k in inv)}/{sum(t[k] for k in inv)}, named {sum(n[k] for k in inv)}")


if __name__ == "__main__":
    show = "--show" in sys.argv
    fresh = [a for a in sys.argv[1:] if not a.startswith("--")]
    total = (Counter(), Counter(), Counter())
    for name in ALLOWED:
        one = (Counter(), Counter(), Counter())
        run(name, show, *one)
        for a, b in zip(total, one):
            a.update(b)
        print(line(name, *one))
    print(line("ALL ALLOWED", *total))
    for name in fresh:
        for half in (1, 0):
            c, n, t = Counter(), Counter(), Counter()
            for p in S.load(getattr(S, name)):
                if int(p.id.split("-")[1]) % 2 != half:
                    continue
                res = check(p.facts, p.text)
                hit, role = S.judge(p, res)
                t[p.kind] += 1; c[p.kind] += hit; n[p.kind] += role
                if half == 1 and (hit != (p.kind != "faithful") or (p.kind != "faithful" and not role)):
                    print("  ", p.id, hit, role, p.span and p.text[p.span[0]:p.span[1]],
                          [(p.text[s:e], note[:70]) for s, e, note in S.flags(res)])
            print(line(f"{name} {'odd' if half else 'even'}", c, n, t))
