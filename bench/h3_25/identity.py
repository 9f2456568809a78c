"""Every check result of the tree on PYTHONPATH, one line per case, for `cmp` between two trees (issue 19's
speed-ups must change no result). Run from the tree:

    PYTHONHASHSEED=0 PYTHONPATH=. python bench/h3_25/identity.py OUT

Cases: every paragraph of every tests/data/strong_*.json set (held-out ones written as a hash only, so their
paragraphs are never printed: a difference is located by its id), every golden case's input (check or
check_sentence), the reworded bench drafts cold (caches emptied) and warm (re-checked), the corpus self-check,
and an as-you-type run (one draft edited and re-checked against kept facts). Non-held-out lines hold the whole
result as JSON, so `diff` shows what changed."""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

import numcheck_bench as B  # noqa: E402
import numcheck_golden as G  # noqa: E402
import tests.strong_set as S  # noqa: E402
from drafter.numcheck import check, check_sentence, load_lexicon  # noqa: E402


def main(path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        def emit(key: str, result, hidden: bool = False) -> None:
            dump = result.model_dump_json()
            out.write(f"{key}\t{hashlib.sha1(dump.encode()).hexdigest() if hidden else dump}\n")

        for p in sorted((ROOT / "tests" / "data").glob("strong_*.json")):
            hidden = "heldout" in p.name
            for para in S.load(p):
                emit(f"{p.name}:{para.id}", check(para.facts, para.text), hidden)
        for name, cases in G.cases().items():
            for i, (fn, facts, draft, context) in enumerate(cases):
                run = check if fn == "check" else check_sentence
                emit(f"golden:{name}:{i}", run(facts, draft, context=context))
        cases = B.reworded_cases()
        for i, (facts, context, draft) in enumerate(cases):
            load_lexicon().fact_sets.clear()
            B.forget()
            emit(f"reworded-cold:{i}", check(facts, draft, context=context))
        for i, (facts, context, draft) in enumerate(cases):
            emit(f"reworded-warm:{i}", check(facts, draft, context=context))
        for i, t in enumerate(B.corpus()):
            emit(f"self:{i}", check(B.sentences(t), t))
        _as_you_type(emit)


def _as_you_type(emit) -> None:
    """The bench's as-you-type run: one draft edited a character at a time, re-checked against kept facts."""
    rng = random.Random(19)
    base = "\n".join(B.corpus())
    facts = B.sentences(base)[:30]
    draft = base[1000:4000]
    emit("typed:0", check(facts, draft))
    for n in range(30):
        at = rng.randrange(len(draft))
        draft = draft[:at] + "工会组织职工开展活动，"[n % 11] + draft[at:]
        emit(f"typed:{n + 1}", check(facts, draft))


if __name__ == "__main__":
    main(sys.argv[1])
