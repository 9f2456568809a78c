"""The role claims of one clause against facts, and the Reader's view of its words (brief 26, h2).

    PYTHONPATH=. python bench/h2_26/roles_dbg.py "fact1|fact2" "clause"
"""

import sys

from drafter.numcheck.faithlex import load_faith
from drafter.numcheck.roles import _roles
from drafter.numcheck.rolewords import Reader
from drafter.numcheck.support import Support
from drafter.numcheck.words import words

facts, clause = sys.argv[1].split("|"), sys.argv[2]
lex = load_faith()
support = Support(facts, [], lex.item_synonyms)
reader = Reader(support, lex)
ws = words(clause)
print(" ".join(f"{w[2]}/{w[3]}{'' if reader.backed(w[2]) else '*'}" for w in ws))
for c in _roles(clause, support, lex):
    print("  ", c.note)
