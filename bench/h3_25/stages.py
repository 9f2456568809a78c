"""Where a cold check of the reworded drafts spends its CPU time, by stage, timed in place (no profiler: a
process_time wrapper around each stage function, its time less its wrapped children's), the best of 5 passes.

    PYTHONPATH=. python bench/h3_25/stages.py

Two tables: the check's stages (match.py), and the clause check's (claims.py) with jieba's cut of a block apart.
Profilers overstate small, often-called functions; this keeps the overhead to a few hundred wrapped calls a pass."""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import numcheck_bench as B  # noqa: E402
from drafter.numcheck import check, claims, jiebacut, load_lexicon, match  # noqa: E402

_MATCH = ["fact_set", "extract_numbers", "_judge", "_kept_item", "_hit", "_missing", "clause_claims", "artifacts",
          "traces", "split_unnamed"]
_CLAUSES = ["roles", "_judge", "effect_start", "manner_spans", "with_inserted", "misattributed", "added_items",
            "early_claims", "sibling_names", "cut_continuation", "appraisal_start", "result_claims", "changed_act",
            "joined_after_numbers", "given_topics", "_without_effects", "clause_words"]


def _wrap(module, name: str, key: str, own: Counter, stack: list) -> None:
    inner = getattr(module, name)

    def timed(*args, **kwargs):
        start = time.process_time()
        stack.append(0.0)
        try:
            return inner(*args, **kwargs)
        finally:
            spent, children = time.process_time() - start, stack.pop()
            own[key] += spent - children
            if stack:
                stack[-1] += spent

    setattr(module, name, timed)


def table(wrapped: list[tuple[object, str, str]], passes: int = 5) -> None:
    own: Counter = Counter()
    stack: list = []
    for module, name, key in wrapped:
        _wrap(module, name, key, own, stack)
    cases = B.reworded_cases()
    for facts, context, draft in cases:
        check(facts, draft, context=context)
    best = None
    for _ in range(passes):
        own.clear()
        total = 0.0
        for facts, context, draft in cases:
            load_lexicon().fact_sets.clear()
            B.forget()
            start = time.process_time()
            check(facts, draft, context=context)
            total += time.process_time() - start
        if best is None or total < best[0]:
            best = (total, dict(own))
    total, shares = best
    print(f"total {total * 1000:.1f} ms a pass (20 drafts)")
    for key, spent in sorted(shares.items(), key=lambda kv: -kv[1]):
        print(f"  {key:28s} {spent * 1000:6.1f} ms {100 * spent / total:5.1f} %")


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else "match"
    if which == "match":
        table([(match, n, n) for n in _MATCH] + [(jiebacut, "cut_block", "(jieba cut_block, inside the above)")])
    else:
        table([(claims, n, n) for n in _CLAUSES] + [(match, "clause_claims", "clause_claims (own)"),
                                                  (jiebacut, "cut_block", "jieba cut_block")])
