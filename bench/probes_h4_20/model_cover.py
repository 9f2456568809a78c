"""Probe (session 20 h4): the model's heading for a mixed section before its misfits move (covering.py with a
titler), on the true sections (plan_stages --oracle) or the planner's (--own): F1 per list with the model and without,
and every call (reply, taken or why refused, tokens, seconds). Run under flock /tmp/drafter-model.lock with
DRAFTER_LOCAL_MODEL set. Args: [--own] [--first N] [example ids]."""
from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, groups_of, pairwise_f1, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402
from plan_stages import Stages  # noqa: E402

from drafter.pipeline import covering  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

argv = sys.argv[1:]
first = int(argv[argv.index("--first") + 1]) if "--first" in argv else 999
ids = [a for a in argv if a.endswith(".md")]
stages = Stages(oracle="--own" not in argv)
settings = Settings()
service = DrafterService(settings)
library = service.library
model = service.providers.resolve("local").model
rows = {"without": [], "model": [], "model+cover": []}
MIXED = covering.MIXED
covering.LOCAL = True  # the local model is asked for mixed sections too
calls: list = []
for item in [i for i in build(ROOT / "samples") if not ids or i.example_id in ids][:first]:
    facts, truth = list(item.facts), list(item.sections)
    view = HeldOutLibrary(library, {item.example_id, *item.copies})
    line = [item.example_id]
    for name, used in (("without", None), ("model", model), ("model+cover", model)):
        covering.MIXED = MIXED if name == "model+cover" else 10 ** 6
        stages.truth, stages.seen, stages.grouped = truth, [], False
        before = len(calls)
        plan, took = timed_plan(settings, view, request(facts, item.kind), used, calls)
        f1 = pairwise_f1(truth, groups_of(plan, len(facts)))
        rows[name].append((f1, plan.misfits[1]))
        line.append(f"{name} F1 {f1:.3f} misfits {plan.misfits[1]} calls {len(calls) - before} {took:.1f}s")
        line += [f"      {s.heading}" for s in plan.body()] if name != "model" else []
        line += [f"    {'TAKEN' if call.heading else call.refused[:16]:<16} {call.reply.strip()[:30]!r} "
                 f"read {call.tokens_read} wrote {call.tokens_written} {call.seconds}s <- {len(call.facts)} facts"
                 for call, _ in calls[before:]]
    print("\n".join(line), flush=True)
for name, values in rows.items():
    print(name, "F1", round(statistics.mean(v for v, _ in values), 3), "misfits", sum(m for _, m in values))
print("calls", len(calls), "taken", sum(1 for c, _ in calls if c.heading), "read", sum(c.tokens_read for c, _ in calls),
      "written", sum(c.tokens_written for c, _ in calls), "seconds", round(sum(c.seconds for c, _ in calls), 1))
