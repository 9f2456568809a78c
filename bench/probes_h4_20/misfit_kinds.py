"""Probe (session 20 h4): with the true sections as clusters (plan_stages --oracle; --own: the planner's), each
section's misfits just before fitting.Refit.rehome moves them: heading, the heading's themes (fitting.names_theme),
each misfit's lexicon theme and whether the heading names a theme of its family (kin)."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402
from plan_stages import Stages  # noqa: E402

from drafter.pipeline import fitting  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

stages = Stages(oracle="--own" not in sys.argv)
rehome = fitting.Refit.rehome
tally = Counter()
current = {}


def probe(self, sections, still):
    book = self.book
    for lines, title in sections:
        mis = self.misfits(lines, title) if lines else []
        if not mis:
            continue
        named = [t.key for t in book.themes if fitting.names_theme(title, t, book)]
        kin_keys = {k for f in book.families for k in f.keys if set(named) & f.keys}
        print(f"  [{title}] named={named} facts={len(lines)} misfits={len(mis)}")
        for i in mis:
            theme = self.prior[i]
            key = theme.key if theme else None
            kin = key in kin_keys
            tally["kin" if kin else "notkin"] += 1
            tally["same_true" if current["truth"][i] == Counter(current["truth"][j] for j in lines).most_common(1)[0][0] else "other_true"] += 1
            print(f"     {current['truth'][i]} {key} kin={kin} {self.facts[i][:60]}")
    return rehome(self, sections, still)


fitting.Refit.rehome = probe
settings = Settings()
library = DrafterService(settings).library
for item in build(ROOT / "samples"):
    facts, truth = list(item.facts), list(item.sections)
    stages.truth, stages.seen, stages.grouped = truth, [], False
    current["truth"] = truth
    print(f"== {item.example_id}")
    timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(facts, item.kind))
print(tally)
