"""Golden results of the check on a broad input, stored readably: proof that a speed-up changes no result, and a
reviewable record of every intended change.

Every case is built deterministically from the shipped corpus (samples/*.md only, so the goldens do not depend
on seed texts being present) and checked with `check`/`check_sentence`. Each case is stored as a short summary
(its numbers with item, status and fact line, its claims with kind and text, the missing facts, ok/faithful and
the fact lines each sentence draws on) in tests/data/golden/<set>.txt, one block per case:

  === swaps 7 · 春节期间，走访慰问困难职工86户…
  ok no · faithful no
  number 68户 · 困难职工 · mismatch · fact 1
  claim 「发放了慰问品」

The sets:
  bench      each example against its own sentences (the bench's self-check), with its title as context
  clauses    each corpus paragraph against all its own clauses
  left_out   each paragraph against its clauses minus one (claims are judged)
  swaps      swapped same-unit numbers (tests/faithful_sets.py)
  moved      approximations moved 5-15 % (tests/faithful_sets.py)
  rotated    each example with its digits rotated against its first 30 sentences (mismatches, rivals)
  sentences  check_sentence of every sentence of every example against the example's sentences 0..40

A failing test prints the diff of each changed case. Regenerate only when a change of results is intended, then
read `git diff tests/data/golden` and say in the commit what changed and why:
    python tests/numcheck_golden.py --write
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))
sys.path.insert(0, str(TESTS.parent))

from drafter.numcheck import check, check_sentence  # noqa: E402
from drafter.settings import PROJECT_ROOT  # noqa: E402
from faithful_sets import clauses, corpus_paragraphs, moved_approximations, sentences, swaps  # noqa: E402

GOLDEN_DIR = TESTS / "data" / "golden"


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


def summary(kind: str, facts: list[str], draft: str, context: list[str]) -> str:
    """The readable summary of one case's check result (the lines of its block, without the header)."""
    result = (check if kind == "check" else check_sentence)(facts, draft, context=context)
    yes = {True: "yes", False: "no"}
    head = f"ok {yes[result.ok]} · faithful {yes[result.faithful]}"
    if result.missing:
        head += " · missing facts " + ",".join(str(m.fact_line) for m in result.missing)
    lines = [head]
    for hit in result.numbers:
        fact = f" · fact {hit.fact_line}" if hit.fact_line else ""
        lines.append(f"number {_one_line(hit.text)} · {_one_line(hit.item or '-')} · {hit.status}{fact}")
    lines += [f"{claim.kind} 「{_one_line(claim.text)}」" for claim in result.claims]
    lines += [f"unverified 「{_one_line(claim.text)}」" for claim in result.unverified]
    if result.sentences:
        lines.append("sentences " + " ".join("[" + ",".join(map(str, s.fact_lines)) + "]" for s in result.sentences))
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return text.replace("\n", "⏎")


def header(name: str, index: int, case: tuple) -> str:
    return f"=== {name} {index} · {_one_line(case[2].strip())[:40]}"


def render(name: str, items: list[tuple]) -> str:
    blocks = [f"{header(name, i, case)}\n{summary(*case)}\n" for i, case in enumerate(items)]
    return f"# {name}: {len(items)} cases; regenerate with python tests/numcheck_golden.py --write\n" + "".join(blocks)


def stored(name: str) -> dict[int, str]:
    """{case index: its stored block (header and summary)} of tests/data/golden/<name>.txt."""
    text = (GOLDEN_DIR / f"{name}.txt").read_text(encoding="utf-8")
    blocks = {}
    for block in text.split("\n=== ")[1:]:
        first = block.split("\n", 1)[0]
        blocks[int(first.split()[1])] = "=== " + block.rstrip("\n")
    return blocks


def changes(name: str, items: list[tuple]) -> list[str]:
    """A unified diff for each case whose stored block differs from today's."""
    before = stored(name)
    out = []
    for i, case in enumerate(items):
        now = f"{header(name, i, case)}\n{summary(*case)}"
        if before.get(i) != now:
            diff = difflib.unified_diff((before.get(i) or "(no stored case)").splitlines(), now.splitlines(),
                                        f"stored {header(name, i, case)[4:]}", "now", lineterm="", n=1)
            out.append("\n".join(diff))
    out += [f"=== {name} {i}: stored but no longer built" for i in sorted(set(before) - set(range(len(items))))]
    return out


if __name__ == "__main__":
    if "--write" not in sys.argv:
        sys.exit(__doc__)
    GOLDEN_DIR.mkdir(exist_ok=True)
    for set_name, set_items in cases().items():
        (GOLDEN_DIR / f"{set_name}.txt").write_text(render(set_name, set_items), encoding="utf-8")
    print(f"wrote {GOLDEN_DIR}; review with: git diff --stat {GOLDEN_DIR} && git diff {GOLDEN_DIR}")
