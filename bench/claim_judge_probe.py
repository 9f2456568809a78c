"""Can the local model tell a claim that rewords its fact from one that adds to it? (issue 19 item 5, session 20, h2)

    .venv/bin/python bench/claim_judge_probe.py collect        (rewrites the collected part of the pair set)
    flock /tmp/drafter-model.lock .venv/bin/python bench/claim_judge_probe.py score a [b c] [--part hand|collected]

The pair set, tests/data/claim_pairs20.json: the nearest fact line(s), a draft clause and the words in it the rules
flagged (`marked`), labelled `faithful` (the marked words only say a fact again: paraphrase, evaluation, effect)
or `invented` (they add who, where, when, what honour, another object or another activity). `collect` takes every
clause claim of drafter.numcheck.check on the readable labelled strong sets (not held-out 13 and later): on a
faithful paragraph `faithful`; on a paragraph with one invented detail `invented` when the claim overlaps the
invented span (other claims there are left out); `undecided` says whether today's judge would see it. Hand pairs
(source `hand`) are kept. `score` asks the local model each pair with each variant (prompts/claim_judge_<v>.j2
after prompts/claim_judge_system_<v>.j2, facts first) and prints, per variant, the AUC of logit(是) − logit(否) on
the choosing and the held half (alternate pairs of each label in file order), the margin clearing at most 5 % of
the choosing half's invented pairs, and the shares it clears; then tokens read and seconds a pair.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.pipeline.prompting import render  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "claim_pairs20.json"
READABLE = ["strong_paragraphs.json", "strong_heldout.json", *(f"strong_heldout{n}.json" for n in range(2, 13)),
            "strong_fresh_h4.json", "strong_fresh_h5.json", "strong_fresh_h18.json", "strong_fresh_h18b.json",
            "strong_fresh_h19.json", "strong_fresh_h19b.json"]
_BIGRAM = re.compile(r"(?=([\u4e00-\u9fff]{2}))")


def nearest(facts: list[str], clause: str, lines: list[int], n: int = 2) -> list[str]:
    """Up to `n` fact lines sharing the most character bigrams with `clause` (the sentence's trace lines first)."""
    grams = set(_BIGRAM.findall(clause))
    scored = sorted(((len(grams & set(_BIGRAM.findall(f))) + 0.5 * (i + 1 in lines), -i) for i, f in enumerate(facts)),
                    reverse=True)
    picked = [facts[-i] for s, i in scored[:n] if s > 0]
    return picked or facts[:1]


def collect() -> list[dict]:
    from drafter.numcheck import check, load_lexicon
    from drafter.numcheck.factset import fact_set
    from drafter.numcheck.undecided import _Around, undecided
    from tests.strong_set import DATA, load

    lex, out, seen = load_lexicon(), [], set()
    for name in READABLE:
        for p in load(DATA.with_name(name)):
            result = check(p.facts, p.text, lexicon=lex)
            support = fact_set(list(p.facts), [], lex).support
            asked = {a.index for a in undecided(p.text, result, support, lex.faith)}
            around = _Around(p.text)
            for i, c in enumerate(result.claims):
                if c.kind != "claim":
                    continue
                label = "faithful"
                if p.kind != "faithful":
                    s, e = p.span
                    if not (c.start < e and s < c.end):
                        continue  # not the invention: its label is unknown here
                    label = "invented"
                sent, clause = around(c.start)
                if sent is None:
                    continue
                trace = next((t.fact_lines for t in result.sentences if t.start <= c.start < t.end), [])
                clause_text = p.text[clause[0]:clause[1]].strip()
                if (clause_text, c.text) in seen:
                    continue
                seen.add((clause_text, c.text))
                out.append({"id": f"{p.id}:{c.start}", "source": name, "label": label, "kind": p.kind,
                            "facts": nearest(p.facts, clause_text, trace), "sentence": p.text[sent[0]:sent[1]].strip(),
                            "clause": clause_text, "marked": c.text, "note": c.note, "undecided": i in asked})
    return out


def main(argv: list[str]) -> None:
    if argv[:1] == ["collect"]:
        data = json.loads(PAIRS.read_text(encoding="utf-8")) if PAIRS.exists() else {"about": "", "pairs": []}
        data["pairs"] = collect() + [p for p in data["pairs"] if p["source"] == "hand"]
        PAIRS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{len(data['pairs'])} pairs")
    else:
        from bench.claim_judge_score import score
        score(argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
