"""Where a check's clauses go (issue 19, session 26): per clause of a draft, the path it takes in
drafter.numcheck.claims (numbered, a copy of the facts, or the plain rules), the rules that answered something,
its claims, and its time; and how a cheap pre-test ("every word neutral or backed, no number, no role marker")
agrees with the rules' outcome.

    PYTHONPATH=. python bench/h3_26/clause_paths.py [reworded|strong|all]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

import numcheck_bench as B  # noqa: E402
from drafter.numcheck import check, claims, load_lexicon  # noqa: E402
from drafter.numcheck.rolewords import Reader  # noqa: E402
from drafter.numcheck.words import words as clause_words  # noqa: E402

RULES = ["result_claims", "cut_continuation", "manner_spans", "effect_start", "need_start", "appraisal_start",
         "_judge", "roles", "sibling_names", "early_claims", "_names_outside", "_beyond", "changed_act",
         "with_inserted", "misattributed", "joined_after_numbers", "added_items"]
MARKERS = "在赴联合邀请被评为并由经获到于请"
PASSES = 3
stack: list[dict] = []
records: list[dict] = []


def _answered(out) -> bool:
    """A rule answered something: an offset (0 too), a claim, a true test or a non-empty list."""
    return out is not None and out is not False and (isinstance(out, int) or bool(out))


def _wrap_rule(name: str):
    fn = getattr(claims, name)

    def wrapped(*a, **k):
        out = fn(*a, **k)
        if stack and _answered(out):
            stack[-1]["rules"].append(name)
        return out
    setattr(claims, name, wrapped)


def _wrap_plain():
    fn = claims._plain_claims

    def wrapped(text, c_start, support, lex, draft_words):
        rec = {"text": text, "rules": [], "copies": support.copies(text), "support": support, "lex": lex}
        stack.append(rec)
        t = time.process_time()
        out = fn(text, c_start, support, lex, draft_words)
        rec["time"] = time.process_time() - t
        stack.pop()
        rec["claims"] = len(out)
        records.append(rec)
        return out
    claims._plain_claims = wrapped


def _wrap_clause_check():
    from drafter.numcheck import match
    fn = match.clause_claims

    def wrapped(*a):
        t = time.process_time()
        out = fn(*a)
        spent.append(time.process_time() - t)
        return out
    match.clause_claims = wrapped


spent: list[float] = []


def cheap(rec) -> bool:
    """The pre-test of the brief: no number, no role marker, every word neutral or backed."""
    text, reader = rec["text"], Reader(rec["support"], rec["lex"])
    if any(c.isdigit() or c in "一二三四五六七八九十百千万两" for c in text) or any(m in text for m in MARKERS):
        return False
    return all(reader.neutral(w) or reader.backed(w) for _, _, w, _ in clause_words(text))


def cases(which: str):
    if which in ("reworded", "all"):
        for facts, context, draft in B.reworded_cases():
            yield facts, context, draft
    if which in ("strong", "all"):
        import tests.strong_set as S
        kept = {f"strong_heldout{n}.json" for n in (21, 22, 23, 24, 25, 27)}  # never read (HELPERS.md)
        for p in sorted((ROOT / "tests" / "data").glob("strong_*.json")):
            if p.name in kept:
                continue
            for para in S.load(p):
                yield para.facts, (), para.text


def main(which: str) -> None:
    for name in RULES:
        if hasattr(claims, name):
            _wrap_rule(name)
    _wrap_plain()
    _wrap_clause_check()
    for facts, context, draft in cases(which):  # every dictionary loaded first
        check(facts, draft, context=context)
    passes = []
    for _ in range(PASSES):  # the pass with the least CPU (the machine is shared)
        records.clear()
        spent.clear()
        total = 0.0
        for facts, context, draft in cases(which):
            load_lexicon().fact_sets.clear()
            B.forget()
            t = time.process_time()
            check(facts, draft, context=context)
            total += time.process_time() - t
        passes.append((total, list(records), sum(spent)))
    total, kept, clause_check = min(passes, key=lambda p: p[0])
    records[:] = kept
    plain = [r for r in records if not r["copies"]]
    copies = [r for r in records if r["copies"]]
    print(f"{which}: {len(records)} plain-path clauses ({len(copies)} copies of the facts), check total {total:.3f} s, "
          f"clause check {clause_check:.3f} s, plain clauses {sum(r['time'] for r in records):.3f} s")
    empty = [r for r in plain if not r["claims"]]
    print(f"  not copies: {len(plain)}, {sum(r['time'] for r in plain):.3f} s; no claim: {len(empty)} "
          f"({sum(r['time'] for r in empty):.3f} s)")
    paths = Counter(tuple(sorted(set(r["rules"]))) for r in empty)
    print("  rules answering on no-claim clauses:", paths.most_common(8))
    passed = [r for r in plain if cheap(r)]
    wrong = [r for r in passed if r["claims"]]
    print(f"  pre-test passes {len(passed)} of {len(plain)} ({sum(r['time'] for r in passed):.3f} s); of those "
          f"{len(wrong)} have claims; no-claim clauses it misses: {len(empty) - len(passed) + len(wrong)}")
    for r in wrong[:15]:
        print("   claim despite pre-test:", r["text"], r["rules"])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "reworded")


def why_not(rec) -> str:
    """Why a clause fails the pre-test: a number, a marker, or its first word neither neutral nor backed."""
    text, reader = rec["text"], Reader(rec["support"], rec["lex"])
    if any(c.isdigit() or c in "一二三四五六七八九十百千万两" for c in text):
        return "numeral"
    marks = [m for m in MARKERS if m in text]
    if marks:
        return "marker " + marks[0]
    return "word " + next(w for _, _, w, _ in clause_words(text) if not (reader.neutral(w) or reader.backed(w)))
