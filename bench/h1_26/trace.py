"""Which module made each role claim: python bench/h1_26/trace.py SET id…"""
import sys, traceback, importlib, pkgutil
import drafter.numcheck as pkg
from tests import strong_set as S
from drafter.numcheck import check

mods = [importlib.import_module(f"drafter.numcheck.{m.name}") for m in pkgutil.iter_modules(pkg.__path__)]
for mod in mods:
    orig = getattr(mod, "role_claim", None)
    if orig is None:
        continue
    def wrap(*a, _o=orig, _m=mod.__name__, **k):
        c = _o(*a, **k)
        st = [f"{f.name}:{f.lineno}" for f in traceback.extract_stack()[-4:-1]]
        print("   role_claim", _m, st, getattr(c, "note", c))
        return c
    setattr(mod, "role_claim", wrap)
ps = {p.id: p for p in S.load(getattr(S, sys.argv[1]))}
for pid in sys.argv[2:]:
    p = ps[pid]
    print("==", pid, p.text)
    r = check(p.facts, p.text)
    print("  ->", [f[2] for f in S.flags(r)])
