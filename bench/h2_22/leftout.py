"""Left-out activity clauses the check misses: python bench/h2_22/leftout.py (from the repo root, tests on the path)."""
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from drafter.numcheck import check  # noqa: E402
from faithful_sets import corpus_paragraphs, left_out_clauses  # noqa: E402

cases = left_out_clauses(corpus_paragraphs())
missed = [(draft[s:e]) for facts, draft, (s, e) in cases
          if not any(c.kind == "claim" and c.start < e and c.end > s for c in check(facts, draft).claims)]
print(f"left-out misses: {len(missed)}/{len(cases)}")
for m in missed:
    print("  ", m)
