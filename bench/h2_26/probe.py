"""Probe single paragraphs: the clause around the span in jieba words, and the flags (brief 26, h2).

    PYTHONPATH=. python bench/h2_26/probe.py SET id …
"""

import sys

from drafter.numcheck import check
from drafter.numcheck.words import words
from tests import strong_set as S
from textkit.sentences import BREAKS

paragraphs = {p.id: p for p in S.load(getattr(S, sys.argv[1]))}
for pid in sys.argv[2:]:
    p = paragraphs[pid]
    s, e = p.span
    a = max(p.text.rfind(c, 0, s) for c in BREAKS) + 1
    b = min([x for x in (p.text.find(c, e) for c in BREAKS) if x >= 0] or [len(p.text)])
    clause = p.text[a:b]
    res = check(p.facts, p.text)
    print(pid, p.kind, f"[{p.text[s:e]}]", S.judge(p, res))
    print("   ", " ".join(f"{w[2]}/{w[3]}" for w in words(clause)))
    print("   ", [f[2] for f in S.flags(res) if f[0] < b and a < f[1]])
