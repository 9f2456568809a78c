"""Probe (session 21 h3): would a fit test by the examples' own sections keep the misfits? With the TRUE sections
as clusters (--own: the planner's), just before the moves: for each section whose heading is a bank heading
(top level, an example's own), the facts' nearest cosine to that example section's sentences (SectionSentences),
for its anchors (facts that speak of the heading) and for its misfits, and how many misfits sit in their true
section's group. Without an example's heading (lexicon, composed, made): counted apart."""
from __future__ import annotations

import statistics
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_stages import Stages  # noqa: E402

from drafter.pipeline import fitting  # noqa: E402

stages = Stages(oracle="--own" not in sys.argv)
state = {"item": None, "planner": None}
counts, anchor_sims, misfit_sims = Counter(), [], []
orig_rehome, orig_refit = fitting.Refit.rehome, fitting.refit_plan


def refit_plan(planner, groups, titles, facts, vectors, bank, used):
    state.update(planner=planner, vectors=vectors, bank=bank)
    return orig_refit(planner, groups, titles, facts, vectors, bank, used)


def section_sentences(bank, title):
    """Vectors of the sentences of the example sections headed `title` (top level)."""
    sentences = bank.sentences
    vectors = sentences.vectors()
    rows = []
    for entry in bank.entries:
        if entry.text != title or entry.level != 0:
            continue
        count = bank.shapes[entry.example_id].sections
        index = round(entry.position * max(1, count - 1))
        rows += [i for i, (e, s) in enumerate(zip(sentences.examples, sentences.sections))
                 if e == entry.example_id and s == index]
    return vectors[rows] if rows else None


def rehome(self, sections, still):
    bank, vectors = state["bank"], state["vectors"]
    for lines, title in sections:
        if not lines:
            continue
        misfits = set(self.misfits(lines, title))
        own = section_sentences(bank, title) if bank is not None and vectors is not None else None
        if own is None:
            counts["misfits under a heading of no example section"] += len(misfits)
            continue
        counts["misfits under an example's heading"] += len(misfits)
        sims = (vectors[lines] @ own.T).max(axis=1)
        for line, sim in zip(lines, sims):
            (misfit_sims if line in misfits else anchor_sims).append(float(sim))
            if line in misfits:
                print(f"  {state['item'].example_id} [{title}] {sim:.3f} {self.facts[line][:60]}")
    return orig_rehome(self, sections, still)


fitting.Refit.rehome, fitting.refit_plan = rehome, refit_plan
sys.path.insert(0, str(Path(__file__).resolve().parent))
from oracle_run import plan_each  # noqa: E402

plan_each(stages, state)
print(dict(counts))
for name, values in (("fitting facts", anchor_sims), ("misfits", misfit_sims)):
    if values:
        print(f"{name}: {len(values)}, nearest example sentence cosine median {statistics.median(values):.3f}, "
              f"quartiles {np.percentile(values, 25):.3f} / {np.percentile(values, 75):.3f}")
