"""Print facts and text of paragraphs: python bench/h1_26/show.py SET id…"""
import sys
from tests import strong_set as S
ps = {p.id: p for p in S.load(getattr(S, sys.argv[1]))}
for pid in sys.argv[2:]:
    p = ps[pid]
    print("==", pid, p.kind, p.span and p.text[p.span[0]:p.span[1]])
    for i, f in enumerate(p.facts, 1):
        print("  F%d %s" % (i, f))
    print("  T", p.text)
