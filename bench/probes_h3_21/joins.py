"""Probe (session 21 h3): with the TRUE sections as clusters (--own: the planner's), each pair of sections
areas.join makes one (one area, one section): their headings, the joined heading, the authors' headings of their
facts."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_stages import Stages  # noqa: E402

from drafter.pipeline import areas  # noqa: E402

stages = Stages(oracle="--own" not in sys.argv)
state = {"item": None}
orig = areas._joined
count = Counter()


def _joined(planner, groups, titles, first, second, facts, used, per, area):
    a, b, ta, tb = list(groups[first].lines), list(groups[second].lines), titles[first], titles[second]
    done = orig(planner, groups, titles, first, second, facts, used, per, area)
    if done:
        item, truth = state["item"], stages.truth
        auth = lambda lines: dict(Counter(truth[i] for i in lines))  # noqa: E731
        count["joins"] += 1
        count["pairs"] += len(a) * len(b)
        count["same_truth_pairs"] += sum(truth[i] == truth[j] for i in a for j in b)
        print(f"== {item.example_id} area {sorted(area)}: [{ta}] {auth(a)} + [{tb}] {auth(b)} -> [{titles[first]}]"
              f" parts={len(groups[first].parts)}; authors: {[item.headings[k] for k in sorted(set(auth(a)) | set(auth(b)))]}")
    return done


areas._joined = _joined
sys.path.insert(0, str(Path(__file__).resolve().parent))
from oracle_run import plan_each  # noqa: E402

plan_each(stages, state)
print(dict(count))
