"""Probe (session 21 h3): with the TRUE sections as clusters (--own: the planner's), the groups no heading fits at
the titles stage (they join another group: Planner._join): size, their areas (lexicon themes of the facts that write
their keywords), the author's heading, the host's heading, and why titling.joint gave none."""
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

from drafter.pipeline.plan import Planner  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

stages = Stages(oracle="--own" not in sys.argv)
state = {"item": None, "first": True}
sizes, areas_n, hosts = Counter(), Counter(), Counter()
orig_join, orig_titles = Planner._join, Planner._titles


def _titles(self, groups, facts, used, runs=False):
    first, state["first"] = state["first"], False
    state["on"] = first
    try:
        return orig_titles(self, groups, facts, used, runs=runs)
    finally:
        state["on"] = False


def _join(self, index, titled, groups, titles, facts, used):
    lines = list(groups[index].lines)
    orig_join(self, index, titled, groups, titles, facts, used)
    if not state.get("on"):
        return
    item, truth = state["item"], stages.truth
    clear = Counter(self.placed[i].key for i in lines if self.placed[i] is not None
                    and self.placed[i].keyword_score(facts[i]) > 0)
    host = next(k for k, g in enumerate(groups) if lines[0] in g.lines)
    sizes[len(lines)] += 1
    areas_n[len(clear)] += 1
    print(f"== {item.example_id} {len(lines)} facts, areas {dict(clear)}; author: "
          f"[{item.headings[truth[lines[0]]]}] -> host [{titles[host]}]")
    for i in lines:
        print("     ", facts[i][:80])


Planner._join, Planner._titles = _join, _titles
settings = Settings()
library = DrafterService(settings).library
for item in build(ROOT / "samples"):
    state.update(item=item, first=True)
    stages.truth, stages.seen, stages.grouped = list(item.sections), [], False
    timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(list(item.facts), item.kind))
print("untitled groups by size", sorted(sizes.items()), "by clear areas", sorted(areas_n.items()))
