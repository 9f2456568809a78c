"""Capture every call to the lexicon's patterns and module patterns during one cold pass; re-time each pattern alone."""
import sys, time, re, collections, importlib, pkgutil, dataclasses
sys.argv = sys.argv[:1]
import numcheck_bench as B
from drafter.numcheck import check, load_lexicon
import drafter.numcheck as NC, textkit
cases = B.reworded_cases()
for f, c, d in cases: check(f, d, context=c)
args = collections.defaultdict(list)
class P:
    def __init__(self, p, n): self._p, self._n = p, n
    def __getattr__(self, a):
        v = getattr(self._p, a)
        if a in ("search", "match", "fullmatch", "findall", "sub", "split", "finditer"):
            def f(*x, **k):
                args[(self._n, a)].append((x, k)); return v(*x, **k)
            return f
        return v
    def __hash__(self): return hash(self._p)
    def __eq__(self, o): return self._p == (o._p if isinstance(o, P) else o)
pats = {}
mods = []
for pkg in (NC, textkit):
    for m in pkgutil.iter_modules(pkg.__path__):
        mods.append(importlib.import_module(f"{pkg.__name__}.{m.name}"))
for mod in mods:
    for k, v in list(vars(mod).items()):
        if isinstance(v, re.Pattern):
            n = f"{mod.__name__.split('.')[-1]}.{k}"; pats[n] = v; setattr(mod, k, P(v, n))
lex = load_lexicon(); faith = lex.faith
for obj, nm in ((lex, "lex"), (faith, "faith")):
    for fld in dataclasses.fields(obj):
        v = getattr(obj, fld.name)
        if isinstance(v, re.Pattern):
            n = f"{nm}.{fld.name}"; pats[n] = v; object.__setattr__(obj, fld.name, P(v, n))
from drafter.numcheck import words as W
seg = W._segment(); pats["words._segment"] = seg[0]
W._segment = lambda: (P(seg[0], "words._segment"), seg[1], seg[2])
for f, c, d in cases:
    lex.fact_sets.clear(); B.forget(); check(f, d, context=c)
rows = []
for (n, a), xs in args.items():
    meth = getattr(pats[n], a)
    t = time.perf_counter()
    for _ in range(10):
        for x, k in xs:
            r = meth(*x, **k)
            if a == "finditer": list(r)
    dt = (time.perf_counter() - t) / 10
    rows.append((dt, n, a, len(xs)))
rows.sort(reverse=True)
print(f"total regex {sum(r[0] for r in rows)*1000:.1f} ms per pass")
for dt, n, a, c in rows[:30]:
    print(f"{dt*1000:6.2f} ms {c:6d} calls {dt/c*1e6:7.2f} us  {n}.{a}  (pattern {len(pats[n].pattern)} chars)")
