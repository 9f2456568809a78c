"""Which gates of drafter.numcheck.undecided.undecided_numbers could open? (issue 19 item 5, session 20, helper h6)

    .venv/bin/python bench/item_gates.py                    (the rules only: each gate's mismatches, no scores)
    flock /tmp/drafter-model.lock .venv/bin/python bench/item_gates.py score

Every number mismatch the item judge is not asked about, on the labelled strong sets one may read (not held-out 13
and later), is sorted by its note into a gate (narrowed: 对象多了; unrelated: a bare 此处写成了; replaced: the fact's
people left out, others written; level; swap; value; other) and, with `score`, put to the local model with the item
question (drafter.pipeline.item_judging: fact line and draft clause). Printed per gate: how many the item margin
clears on faithful paragraphs, on invented spans (inv-on) and elsewhere on invented paragraphs (inv-off, where the
invention may stand right after the number), then each pair with its score.
"""

from __future__ import annotations

import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.domain.facts import clean_fact_lines  # noqa: E402
from drafter.numcheck import check, load_lexicon  # noqa: E402
from drafter.numcheck.itemsense import names_people  # noqa: E402
from drafter.numcheck.undecided import _LEVEL_IN_TEXT, _Around, _noted, undecided_numbers  # noqa: E402
from drafter.pipeline.item_judging import ITEM_MARGIN, item_messages  # noqa: E402
from tests import strong_set as S  # noqa: E402
from textkit.sentences import BREAKS, ENUM_COMMA  # noqa: E402

SETS = ["DATA"] + [f"HELDOUT{n}" for n in ["", *range(2, 13)]] + [
    "FRESH_H4", "FRESH_H5", "FRESH_H18", "FRESH_H18B", "FRESH_H19", "FRESH_H19B", "FRESH_H20", "FRESH_H20B"]
SCORED = ("narrowed", "unrelated", "replaced", "level", "other")


def gate(note: str, clause: str, fact: str) -> str:
    if "（事实中'" in note:
        return "swap"
    if "初稿写成" in note:
        return "value"
    if "对象多了" in note:
        return "narrowed"
    if "（少了'" not in note:
        return "unrelated" if "此处写成了" in note else "other"
    if set(_LEVEL_IN_TEXT.findall(clause)) - set(_LEVEL_IN_TEXT.findall(fact)):
        return "level"
    if _noted(note, "多了") and any(names_people(w) for w in _noted(note, "少了")):
        return "replaced"
    return "other"


def rows(model) -> dict[str, list[tuple]]:
    lex, out = load_lexicon(), defaultdict(list)
    for name in SETS:
        for p in S.load(getattr(S, name)):
            facts = clean_fact_lines(p.facts)
            result = check(p.facts, p.text, lexicon=lex)
            asked = {u.index for u in undecided_numbers(p.text, result, facts)}
            around = _Around(p.text)
            for i, h in enumerate(result.numbers):
                if h.status != "mismatch" or i in asked or not h.fact_line or h.fact_line > len(facts):
                    continue
                clause = p.text[slice(*around(h.start)[1])].strip().rstrip(BREAKS + ENUM_COMMA + " ")
                fact = facts[h.fact_line - 1]
                g = gate(h.note or "", clause, fact)
                kind = "faithful" if p.kind == "faithful" else (
                    "inv-on" if p.span[0] < h.end and h.start < p.span[1] else "inv-off")
                score = model.yes_no(item_messages(fact, clause)).score if model and g in SCORED else None
                out[g].append((kind, score, name, p.id, h.text, fact, clause))
    return out


def main() -> None:
    model = None
    if sys.argv[1:] == ["score"]:
        from drafter.providers.local import LocalModel
        model = LocalModel(Path(os.environ["DRAFTER_LOCAL_MODEL"]), n_ctx=4096)
        model.load()
    for g, found in rows(model).items():
        cleared = Counter(k for k, s, *_ in found if s is not None and s >= ITEM_MARGIN)
        total = Counter(k for k, *_ in found)
        print(f"== {g}: " + ", ".join(f"{k} {cleared[k]}/{total[k]} cleared" for k in ("faithful", "inv-on", "inv-off")))
        for k, s, name, pid, num, fact, clause in sorted(found, key=lambda x: (x[0], -(x[1] or -99))):
            print(f"  {k:8} {'-' if s is None else round(s, 1):>5} {name} {pid} {num} | {fact[:40]} || {clause[:50]}")


if __name__ == "__main__":
    main()
