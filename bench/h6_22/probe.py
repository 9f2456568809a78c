"""Flags of one invented or faithful paragraph of a set: python bench/h6_22/probe.py FRESH_H22C h22c-01-f0 …"""
import sys
from drafter.numcheck import check
from drafter.numcheck.words import words
from tests import strong_set as S

paragraphs = {p.id: p for p in S.load(getattr(S, sys.argv[1]))}
for pid in sys.argv[2:]:
    p = paragraphs[pid]
    res = check(p.facts, p.text)
    span = p.span and p.text[p.span[0]:p.span[1]]
    print(pid, span, S.judge(p, res), [f[2] for f in S.flags(res)])
