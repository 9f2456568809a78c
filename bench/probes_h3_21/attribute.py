"""Probe (session 21 h3): with each summary's TRUE sections as the clusters (plan_stages --oracle), which mechanism
of the heading stages parts true pairs (two facts of one true section) and by how many pairs/facts. Each mechanism
is wrapped; the facts' groups are read before and after it. Args: [--own] [--show] [example ids]."""
from __future__ import annotations

import functools
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from plan_bench import HeldOutLibrary, groups_of, pairwise_f1, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402
from plan_stages import Stages  # noqa: E402

from drafter.pipeline import areas, covering, fitting, gathering, one_home, run_stages, antecedents  # noqa: E402
from drafter.pipeline.plan import Planner  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

args = [a for a in sys.argv[1:] if not a.startswith("--")]
SHOW = "--show" in sys.argv
stages = Stages(oracle="--own" not in sys.argv)
state = {"truth": [], "facts": [], "item": None, "depth": 0}
broken = Counter()  # mechanism -> true pairs parted
made = Counter()  # mechanism -> false pairs joined
moved = Counter()  # mechanism -> facts that left the section holding most of their true section
events = defaultdict(list)


def labels_from(container) -> list[int]:
    n = len(state["truth"])
    lab = list(range(n, 2 * n))
    for k, g in enumerate(container):
        lines = g[0] if isinstance(g, tuple) else getattr(g, "lines", g)
        for i in lines:
            lab[i] = k
    return lab


def tally(name, before, after, titles_before=None, titles_after=None):
    truth, facts = state["truth"], state["facts"]
    n = len(truth)
    b = c = 0
    for i in range(n):
        for j in range(i + 1, n):
            same_t = truth[i] == truth[j]
            if same_t and before[i] == before[j] and after[i] != after[j]:
                b += 1
            if not same_t and before[i] != before[j] and after[i] == after[j]:
                c += 1
    broken[name] += b
    made[name] += c
    for i in range(n):  # a fact that left its true section's majority group
        mates = [j for j in range(n) if truth[j] == truth[i] and j != i]
        if not mates:
            continue
        home = Counter(after[j] for j in mates).most_common(1)[0][0]
        was = Counter(before[j] for j in mates).most_common(1)[0][0]
        if before[i] == was and after[i] != home:
            moved[name] += 1
            events[name].append((state["item"].example_id, i))
            if SHOW:
                hb = titles_before(before[i]) if titles_before else ""
                ha = titles_after(after[i]) if titles_after else ""
                print(f"   {name}: {state['item'].example_id} f{i} T{truth[i]}[{state['item'].headings[truth[i]]}]"
                      f" [{hb}] -> [{ha}] :: {facts[i][:60]}")


def wrap_sections(module, attr, name, pos):
    orig = getattr(module, attr)

    @functools.wraps(orig)
    def inner(*a, **kw):
        sections = kw["sections"] if "sections" in kw else a[pos]
        before = labels_from(sections)
        tb = [t for _, t in sections]
        state["depth"] += 1
        try:
            result = orig(*a, **kw)
        finally:
            state["depth"] -= 1
        tally(name, before, labels_from(sections), lambda k: tb[k] if k < len(tb) else "",
              lambda k: sections[k][1] if k < len(sections) else "")
        return result
    setattr(module, attr, inner)


def wrap_groups(module, attr, name, gpos, tpos):
    orig = getattr(module, attr)

    @functools.wraps(orig)
    def inner(*a, **kw):
        groups, titles = a[gpos], a[tpos]
        before, tb = labels_from(groups), list(titles)
        result = orig(*a, **kw)
        tally(name, before, labels_from(groups), lambda k: tb[k] if k < len(tb) else "",
              lambda k: titles[k] if k < len(titles) else "")
        return result
    setattr(module, attr, inner)


wrap_sections(fitting.Refit, "rehome", "refit.rehome (misfit to a heading it speaks of)", 1)
wrap_sections(run_stages, "at_home", "refit.at_home (runs: misfit where at home)", 1)
wrap_sections(covering, "stay_most_alike", "refit.stay_most_alike", 1)
wrap_sections(fitting, "_new_section", "refit.new_section (misfits' own section)", 99)
wrap_sections(antecedents, "rejoin", "refit.rejoin (antecedents)", 0)
orig_move = fitting.move


def move(sections, fact, own, target):  # a move outside the wrapped mechanisms: the alone loop's refit.home
    if state["depth"] == 0:
        before = labels_from(sections)
        tb = [t for _, t in sections]
        orig_move(sections, fact, own, target)
        tally("refit.alone->home", before, labels_from(sections), lambda k: tb[k], lambda k: sections[k][1])
    else:
        orig_move(sections, fact, own, target)


fitting.move = move
wrap_groups(areas, "join", "areas.join (one area one section)", 1, 2)
wrap_groups(one_home, "settle", "one_home.settle", 1, 2)
wrap_groups(gathering, "gather", "gathering.gather", 1, 2)
orig_join = Planner._join
first_titles = {"on": False}


def _join(self, index, titled, groups, titles, facts, used):
    before, tb = labels_from(groups), list(titles)
    orig_join(self, index, titled, groups, titles, facts, used)
    if first_titles["on"]:
        themes = Counter(self.placed[i].key if self.placed[i] else None for i in groups[index].lines or [])
        tally("titles._join (no heading fits the group)", before, labels_from(groups), lambda k: tb[k],
              lambda k: titles[k])


Planner._join = _join
orig_titles = Planner._titles


def _titles(self, groups, facts, used, runs=False):
    first = not first_titles.get("done")
    first_titles["on"], first_titles["done"] = first, True
    if first and state["item"] is not None:  # untitled groups at this stage: their themes
        pass
    before = labels_from(groups)
    result = orig_titles(self, groups, facts, used, runs=runs)
    first_titles["on"] = False
    return result


Planner._titles = _titles
settings = Settings()
library = DrafterService(settings).library
scores = []
for item in build(ROOT / "samples"):
    if args and item.example_id not in args:
        continue
    facts, truth = list(item.facts), list(item.sections)
    state.update(truth=truth, facts=facts, item=item)
    first_titles.clear()
    first_titles["on"] = False
    stages.truth, stages.seen, stages.grouped = truth, [], False
    plan, _ = timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(facts, item.kind))
    scores.append(pairwise_f1(truth, groups_of(plan, len(facts))))
    if SHOW:
        print(f"== {item.example_id} final {scores[-1]:.3f}")
print("lists", len(scores), "final F1", round(sum(scores) / len(scores), 3))
total_true = sum(1 for item in build(ROOT / "samples") for i in range(len(item.sections))
                 for j in range(i + 1, len(item.sections)) if item.sections[i] == item.sections[j])
print("true pairs in all lists", total_true)
for name in sorted(set(broken) | set(made), key=lambda k: -broken[k]):
    print(f"{name:55s} parted true pairs {broken[name]:4d}  joined false pairs {made[name]:4d}  facts out of their true group {moved[name]:3d} in {len(set(e for e, _ in events[name]))} lists")
