"""Every invented span missed or wrongly named on the drive side (allowed sets minus the report ones), with its flags."""
import sys

from drafter.numcheck import check
from tests import strong_set as S
from tests.strong_tools import allowed_sets

REPORT = {"HELDOUT14", "HELDOUT16", "HELDOUT18", "HELDOUT20", "HELDOUT26", "FRESH_H3_27"}

for name in allowed_sets():
    if (name in REPORT) != ("report" in sys.argv[1:]):
        continue
    for p in S.load(getattr(S, name)):
        if p.kind == "faithful":
            continue
        res = check(p.facts, p.text)
        hit, role = S.judge(p, res)
        if not (hit and role):
            over = [(p.text[a:b], n) for a, b, n in S.flags(res) if a < p.span[1] and p.span[0] < b]
            print(name, p.id, "missed" if not hit else "misnamed", p.kind, p.text[p.span[0]:p.span[1]], over,
                  "|", p.text[max(0, p.span[0] - 12):p.span[1] + 12])
