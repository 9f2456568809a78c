"""Plan held-out summaries (as plan_bench does) and print each section's heading, facts and misfits."""
import sys, random
sys.path.insert(0, "bench")
from pathlib import Path
from plan_bench import HeldOutLibrary, request, timed_plan, pairwise_f1, groups_of
from plan_set import build
from drafter.service import DrafterService
from drafter.settings import Settings
settings = Settings(); service = DrafterService(settings); library = service.library
shuffle = "--shuffle" in sys.argv
ids = [a for a in sys.argv[1:] if not a.startswith("--")]
for item in build(Path("samples")):
    if ids and item.example_id not in ids: continue
    facts, truth = list(item.facts), list(item.sections)
    if shuffle:
        order = list(range(len(facts))); random.Random(item.example_id).shuffle(order)
        facts, truth = [facts[i] for i in order], [truth[i] for i in order]
    view = HeldOutLibrary(library, {item.example_id, *item.copies})
    plan, _ = timed_plan(settings, view, request(facts, item.kind))
    print("==", item.example_id, "f1", round(pairwise_f1(truth, groups_of(plan, len(facts))), 3))
    for s in plan.body():
        print(" ", s.heading)
        for i in s.fact_lines:
            print("     ", i - 1, "own", truth[i - 1], facts[i - 1][:70])
