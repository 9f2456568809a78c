"""Planning benchmark: does the plan group facts the way real summaries do, under headings its facts bear out?

    .venv/bin/python bench/plan_bench.py                 # structure set + random lists + bench requests
    .venv/bin/python bench/plan_bench.py --shuffle       # the same, each summary's facts in random order
    .venv/bin/python bench/plan_bench.py --json
    .venv/bin/python bench/plan_bench.py --half a --set grouping.DIFFERENT=1.0 --random 0   # choose on half a …
    .venv/bin/python bench/plan_bench.py --half b --set grouping.DIFFERENT=1.0 --random 0   # … report half b
    DRAFTER_LOCAL_MODEL=… flock /tmp/drafter-model.lock .venv/bin/python bench/plan_bench.py --model local --random 0

1. Held-out structure set (bench/plan_set.py): each summary of the corpus with numbered sections gives its facts
   and the section each came from. The summary (and its near-copies) is held out of the library, its facts are
   planned, and the plan is compared with the summary's own sections: pairwise F1 of the grouping (two facts
   together in both, target >= 0.75), headings that fail the claim check against their own section's facts,
   generic headings (其他工作 …), headings repeated within a plan, and headings in one fact's words over a section
   holding other facts (all targets 0); and, to read beside them, headings made of two facts' cores ("…等工作",
   `fact_made`), sub-sections （一）（二）, all sections, and facts under a heading they do not fit
   (drafter/pipeline/fitting.py: `misfit_before` the planner's fit test finds before it moves them, `misfit` after),
   and plans naming one area in two headings (`shared_area`: one_home.plan_shared, sub-sections of one area by their
   words; bench/one_home_bench.py).
2. The same heading rules on 200 random fact lists (5-40 facts from anywhere in the corpus) and on every request in
   bench/requests/.
3. Planning time without a model (the embedding model loaded first), per plan and for 40 facts: `cold` with no
   fact embedded before, `again` the same list planned a second time (the plan, then its draft, then the page's
   reruns: fact vectors are kept by the embedder), and the planner's own work beside the embedding. The machine's
   load average is printed before and after (the machine is shared).
4. `--model local|openai`: the plans as a draft with that model makes them: the sections no example heading fits
   well get the model's heading when it passes the heading rules (drafter/pipeline/model_titles.py). Printed: the
   headings asked, taken and refused (and why), the calls' tokens read and written and seconds, the model's writing
   speed measured first (bench/providers_local_speed.py, local only) and every heading taken beside its facts.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_set import build, random_fact_lists  # noqa: E402

from drafter.cli.draft_cmds import read_request  # noqa: E402
from drafter.models import DraftRequest  # noqa: E402
from drafter.numcheck import check  # noqa: E402
from drafter.pipeline import one_home  # noqa: E402
from drafter.pipeline.heading_rules import heading_faults  # noqa: E402
from drafter.pipeline.model_titles import ModelTitles  # noqa: E402
from drafter.pipeline.plan import Planner  # noqa: E402
from drafter.pipeline.themes import load_book  # noqa: E402
from drafter.pipeline.writer import system_messages  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402


COUNTED = ("claim", "generic", "repeated", "stutter", "one_fact", "fact_made", "sub_sections", "sections", "misfit_before",
           "misfit", "shared_area")


class HeldOutLibrary:
    """The library without some examples: their chunks are never found, nor their headings read."""

    def __init__(self, library, hidden: set[str]) -> None:
        self.library = library
        self.hidden = hidden
        self.embedder = library.embedder

    def search(self, query: str, k: int = 5, **filters):
        hits = self.library.search(query, k=k + 10, **filters)
        return [h for h in hits if h.example_id not in self.hidden][:k]

    def heading_bank(self):
        return self.library.heading_bank().without(self.hidden)

    def example_chunks(self, example_id: str):
        return [] if example_id in self.hidden else self.library.example_chunks(example_id)

    def __getattr__(self, name):
        return getattr(self.library, name)


def pairwise_f1(truth: list[int], predicted: list[int]) -> float:
    pairs = list(itertools.combinations(range(len(truth)), 2))
    same_t = {p for p in pairs if truth[p[0]] == truth[p[1]]}
    same_p = {p for p in pairs if predicted[p[0]] == predicted[p[1]]}
    if not same_t and not same_p:
        return 1.0
    both = len(same_t & same_p)
    precision = both / len(same_p) if same_p else 0.0
    recall = both / len(same_t) if same_t else 0.0
    return 0.0 if both == 0 else 2 * precision * recall / (precision + recall)


def groups_of(plan, count: int) -> list[int]:
    """Each fact's group: its top-level section (sub-sections count with their parent)."""
    group = [-1] * count
    for section in plan.body():
        for line in section.fact_lines:
            group[line - 1] = section.group if hasattr(section, "group") else section.number
    return group


def heading_report(plan) -> dict:
    """Claim-check failures, generic, repeated and one-fact headings of a plan."""
    faults = {"claim": 0, "generic": 0, "repeated": 0, "stutter": 0, "one_fact": 0}
    examples = []
    for fault, section in heading_faults(plan):
        faults[fault] += 1
        examples.append(f"{fault}: {section.heading} <- {[plan.facts[i - 1][:24] for i in section.fact_lines][:3]}")
    for section in plan.body():
        own = [plan.facts[i - 1] for i in section.fact_lines]
        if section.fact_lines and check(own, section.heading).claims:
            faults["claim"] += 1
            examples.append(f"claim: {section.heading} <- {[f[:24] for f in own][:3]}")
    shape = {"fact_made": sum(1 for s in plan.body() if s.title.endswith("等工作")),  # "<two facts' cores>等工作"
             "sub_sections": sum(1 for s in plan.body() if s.sub), "sections": len(plan.body()),
             "misfit_before": getattr(plan, "misfits", (0, 0))[0], "misfit": getattr(plan, "misfits", (0, 0))[1],
             "shared_area": int(bool(one_home.plan_shared(plan.body(), load_book())))}
    return {**faults, **shape, "examples": examples}


def request(facts: list[str], kind: str = "年度总结") -> DraftRequest:
    return DraftRequest(org="某公司工会", period="2025年", kind=kind, facts=facts)


def apply_sets(assignments: list[str]) -> None:
    """`--set MODULE.NAME=VALUE`: a constant of drafter/pipeline/MODULE.py for this run, of the type it has."""
    for assignment in assignments:
        name, value = assignment.split("=", 1)
        module, constant = name.rsplit(".", 1)
        target = importlib.import_module(f"drafter.pipeline.{module}")
        setattr(target, constant, type(getattr(target, constant))(value))


def timed_plan(settings: Settings, library, req: DraftRequest, model=None, calls: list | None = None):
    """The plan and its seconds; with `model`, its heading calls are added to `calls`."""
    titler = None if model is None else ModelTitles(model, req.org, system_messages())
    started = time.perf_counter()
    planner = Planner(settings, library, titler=titler)
    plan = planner.plan(req)
    plan.misfits = planner.misfits
    if titler is not None and calls is not None:
        calls += [(call, [f[:30] for f in call.facts]) for call in titler.calls]
    return plan, time.perf_counter() - started


def model_report(calls: list, speed: dict | None) -> dict:
    """What the model's heading calls cost and gave (see the module docstring, 4.)."""
    seconds = sum(c.seconds for c, _ in calls)
    written = sum(c.tokens_written for c, _ in calls)
    refused = {}
    for call, _ in calls:
        if call.refused:
            refused[call.refused.split(":")[0]] = refused.get(call.refused.split(":")[0], 0) + 1
    return {"asked": len(calls), "taken": sum(1 for c, _ in calls if c.heading), "refused": refused,
            "tokens_read": sum(c.tokens_read for c, _ in calls), "tokens_written": written,
            "seconds": round(seconds, 1), "seconds_per_call": round(seconds / len(calls), 2) if calls else None,
            "model_speed": speed, "load_now": [round(x, 2) for x in os.getloadavg()],
            "replies": [f"{'TAKEN ' + repr(c.heading) + ' of' if c.heading else c.refused[:20]}: {c.reply.strip()[:30]!r} <- {facts[:4]}"
                        for c, facts in calls]}


def forty_facts(settings: Settings, library, lists: int) -> dict:
    """Cold and repeated planning of 40-fact lists, and how much of the cold time is the facts' embedding."""
    embedder = library.embedder
    samples = [f[:40] for f in random_fact_lists(ROOT / "samples", max(lists, 60)) if len(f) >= 40][:5]
    cold, again, embedding = [], [], []
    for facts in samples:
        getattr(embedder, "forget", lambda: None)()
        started = time.perf_counter()
        embedder.embed_passages(facts)
        embedding.append(time.perf_counter() - started)
        getattr(embedder, "forget", lambda: None)()
        cold.append(timed_plan(settings, library, request(facts))[1])
        again.append(timed_plan(settings, library, request(facts))[1])
    if not samples:
        return {}
    return {"forty_facts_lists": len(samples), "forty_cold_mean": round(statistics.mean(cold), 3),
            "forty_cold_embedding_mean": round(statistics.mean(embedding), 3),
            "forty_again_mean": round(statistics.mean(again), 3), "forty_again_max": round(max(again), 3)}


def run(args) -> dict:
    settings = Settings()
    service = DrafterService(settings)
    library = service.library
    model, speed, calls = None, None, []
    if args.model:
        if args.model == "local":
            from providers_local_speed import measure

            speed = measure(settings, rounds=2)
        model = service.providers.resolve(args.model).model
    library.embedder.embed_query("预热")  # load the embedding model before timing
    held = build(ROOT / "samples")
    if args.half:  # choose a parameter on one half, report the other (sorted ids: a = even places, b = odd)
        held = sorted(held, key=lambda item: item.example_id)[0 if args.half == "a" else 1::2]
    rows, times = [], []
    totals = dict.fromkeys(COUNTED, 0)
    for item in held:
        facts, truth = list(item.facts), list(item.sections)
        if args.shuffle:
            order = list(range(len(facts)))
            random.Random(item.example_id).shuffle(order)
            facts, truth = [facts[i] for i in order], [truth[i] for i in order]
        view = HeldOutLibrary(library, {item.example_id, *item.copies})
        plan, took = timed_plan(settings, view, request(facts, item.kind), model, calls)
        times.append((len(facts), took))
        f1 = pairwise_f1(truth, groups_of(plan, len(facts)))
        report = heading_report(plan)
        for key in totals:
            totals[key] += report[key]
        rows.append({"example": item.example_id, "facts": len(facts), "own_sections": len(set(truth)),
                     "planned": len({s.number for s in plan.body()}), "f1": round(f1, 3),
                     "headings": [s.heading for s in plan.body()], "own": item.headings, **report})
    random_totals = dict.fromkeys(COUNTED, 0)
    random_examples: list[str] = []
    for facts in random_fact_lists(ROOT / "samples", args.random):
        plan, took = timed_plan(settings, library, request(facts), model, calls)
        times.append((len(facts), took))
        report = heading_report(plan)
        for key in random_totals:
            random_totals[key] += report[key]
        random_examples += report["examples"][:1]
    bench_totals = dict.fromkeys(COUNTED, 0)
    bench_examples: list[str] = []
    for path in sorted((ROOT / "bench" / "requests").iterdir()):
        plan, took = timed_plan(settings, library, read_request(path), model, calls)
        report = heading_report(plan)
        for key in bench_totals:
            bench_totals[key] += report[key]
        bench_examples += report["examples"]
    forty = [t for n, t in times if n >= 35]
    cost = forty_facts(settings, library, args.random)
    return {"structure_set": {"summaries": len(rows), "f1_mean": round(statistics.mean(r["f1"] for r in rows), 3),
                              "f1_median": round(statistics.median(r["f1"] for r in rows), 3), **totals},
            "random_lists": {"lists": args.random, **random_totals, "examples": random_examples[:8]},
            "bench_requests": {**bench_totals, "examples": bench_examples[:8]},
            "plan_seconds": {"mean": round(statistics.mean(t for _, t in times), 3),
                             "max_35_40_facts": round(max(forty), 3) if forty else None, **cost},
            **({"model_headings": model_report(calls, speed)} if model else {}), "rows": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shuffle", action="store_true", help="plan each summary's facts in random order")
    parser.add_argument("--random", type=int, default=200, help="random fact lists (default 200)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--model", choices=("local", "openai"), help="plan as a draft with this model does")
    parser.add_argument("--rows", action="store_true", help="print every summary's plan beside its own headings")
    parser.add_argument("--half", choices=("a", "b"), help="only half of the structure set (sorted ids, a: even places)")
    parser.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE",
                        help="a planner constant for this run, e.g. grouping.DIFFERENT=1.0 (drafter/pipeline modules)")
    args = parser.parse_args()
    apply_sets(args.set)
    load_before = os.getloadavg()
    result = run(args)
    result["machine_load"] = {"before": [round(x, 2) for x in load_before],
                              "after": [round(x, 2) for x in os.getloadavg()], "cores": os.cpu_count()}
    if args.rows:
        for row in result["rows"]:
            print(f"{row['example']:<12} f1={row['f1']:.2f} facts={row['facts']} own={row['own_sections']} "
                  f"planned={row['planned']}\n  own:  {' | '.join(row['own'])}\n  plan: {' | '.join(row['headings'])}")
            for line in row["examples"]:
                print("   ", line)
    rows = result.pop("rows")
    print(json.dumps(result if not args.json else {**result, "rows": rows}, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
