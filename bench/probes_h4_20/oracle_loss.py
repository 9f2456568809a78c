"""Probe (session 20 h4): with each summary's TRUE sections as the clusters (plan_stages --oracle) or the
planner's own, each list's sections after the titles and refit stages (heading, facts with their true section),
for the lists whose F1 falls there. Args: [--own] [example ids]."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, groups_of, pairwise_f1, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402
from plan_stages import Stages, _labels  # noqa: E402

from drafter.pipeline import fitting  # noqa: E402
from drafter.pipeline.plan import Planner  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

args = [a for a in sys.argv[1:] if not a.startswith("--")]
stages = Stages(oracle="--own" not in sys.argv)
seen = {}
titles_fn, refit_fn = Planner._titles, fitting.refit_plan


def _titles(planner, made, facts, used, **kw):
    result = titles_fn(planner, made, facts, used, **kw)
    seen.setdefault("titles", ([list(g.lines) for g in made], list(result)))
    return result


def _refit(planner, made, heads, facts, *a, **kw):
    made, heads = refit_fn(planner, made, heads, facts, *a, **kw)
    seen["refit"] = ([list(g.lines) for g in made], list(heads))
    return made, heads


Planner._titles, fitting.refit_plan = _titles, _refit
settings = Settings()
library = DrafterService(settings).library
for item in build(ROOT / "samples"):
    if args and item.example_id not in args:
        continue
    seen.clear()
    facts, truth = list(item.facts), list(item.sections)
    stages.truth, stages.seen, stages.grouped = truth, [], False
    plan, _ = timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(facts, item.kind))
    f = {k: pairwise_f1(truth, _labels(v[0], len(facts))) for k, v in seen.items()}
    final = pairwise_f1(truth, groups_of(plan, len(facts)))
    print(f"== {item.example_id} runs={stages.grouped} titles {f['titles']:.3f} refit {f['refit']:.3f} final {final:.3f}")
    if f["refit"] >= f["titles"] - 1e-9 and not args:
        continue
    print("  -- truth:", " | ".join(f"{k}:{h}" for k, h in enumerate(item.headings)))
    for stage in ("titles", "refit"):
        groups, heads = seen[stage]
        print(f"  -- {stage}")
        for lines, head in zip(groups, heads):
            print(f"    [{head}]")
            for i in lines:
                print(f"      {truth[i]} {facts[i][:70]}")
