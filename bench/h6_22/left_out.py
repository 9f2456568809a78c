"""Left-out activity clauses missed (tests/test_faithful_sets.py's case): python bench/h6_22/left_out.py"""
from drafter.numcheck import check
from tests.faithful_sets import corpus_paragraphs, left_out_clauses

cases = left_out_clauses(corpus_paragraphs())
missed = [draft[s:e] for facts, draft, (s, e) in cases
          if not any(c.kind == "claim" and c.start < e and c.end > s for c in check(facts, draft).claims)]
print(f"missed {len(missed)} of {len(cases)}")
for m in missed:
    print("  ", m)
