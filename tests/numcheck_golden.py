"""Golden digests of the check's output on a broad input: proof that a speed-up changes no result.

Every case is built deterministically from the shipped corpus (samples/*.md only, so the digests do not depend
on seed texts being present) and checked with `check`/`check_sentence`; the whole result (numbers with items
and notes, missing, claims, sentences, ok, faithful) is serialised and hashed. The sets:

  bench      each example against its own sentences (the bench's self-check), with its title as context
  clauses    each corpus paragraph against all its own clauses
  left_out   each paragraph against its clauses minus one (claims are judged)
  swaps      swapped same-unit numbers (tests/faithful_sets.py)
  moved      approximations moved 5-15 % (tests/faithful_sets.py)
  rotated    each example with its digits rotated against its first 30 sentences (mismatches, rivals)
  sentences  check_sentence of every sentence of every example against the example's sentences 0..40

Regenerate (only when a change of results is intended, and say so in the commit):
    python tests/numcheck_golden.py --write
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(TESTS.parent))

from drafter.numcheck import check, check_sentence  # noqa: E402
from drafter.settings import PROJECT_ROOT  # noqa: E402
from faithful_sets import clauses, corpus_paragraphs, moved_approximations, sentences, swaps  # noqa: E402

GOLDEN = TESTS / "data" / "numcheck_golden.json"


def examples() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "samples").glob("*.md"))]
    return [t.split("---", 2)[2] if t.startswith("---") else t for t in texts]


def paragraphs() -> list[str]:
    return corpus_paragraphs(seeds=False)


def _rotated(text: str, shift: int) -> str:
    digits = "0123456789"
    return text.translate(str.maketrans(digits, digits[shift:] + digits[:shift]))


def cases() -> dict[str, list[tuple]]:
    """{set name: [(function name, facts, draft, context)]}"""
    texts, paras = examples(), paragraphs()
    out: dict[str, list[tuple]] = {}
    out["bench"] = [("check", sentences(t), t, [t.strip().splitlines()[0]]) for t in texts]
    out["clauses"] = [("check", [c for _, _, c in clauses(p)], p, []) for p in paras]
    left = []
    for k, p in enumerate(paras):
        parts = [c for _, _, c in clauses(p)]
        if len(parts) >= 2:
            drop = k % len(parts)
            left.append(("check", parts[:drop] + parts[drop + 1:], p, []))
    out["left_out"] = left
    out["swaps"] = [("check", facts, draft, []) for facts, draft, _, _ in swaps(paras)]
    out["moved"] = [("check", facts, draft, []) for facts, draft, _ in moved_approximations(paras)]
    out["rotated"] = [("check", sentences(t)[:30], _rotated(t, 1 + i % 9), []) for i, t in enumerate(texts)]
    out["sentences"] = [("check_sentence", sentences(t)[:40], s, []) for t in texts for s in sentences(t)]
    return out


def digest(kind: str, facts: list[str], draft: str, context: list[str]) -> str:
    fn = check if kind == "check" else check_sentence
    result = fn(facts, draft, context=context)
    data = json.dumps(result.model_dump(mode="json"), ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:16]


def digests() -> dict[str, list[str]]:
    return {name: [digest(*case) for case in items] for name, items in cases().items()}


if __name__ == "__main__":
    if "--write" not in sys.argv:
        sys.exit(__doc__)
    GOLDEN.write_text(json.dumps(digests(), indent=0) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN}")
