"""Every fact-made heading ("…等工作") and every misfit of plan_bench's plans, with the section's facts (issue 20).

    PYTHONPATH=. python bench/h6_27/dump.py OUT.json [--random 200]

Plans the structure set in order and shuffled (as bench/plan_bench.py does: each summary held out of the library)
and the random lists; per plan: its half (plan_bench's: sorted ids, a = even places), each section's heading,
facts, whether the heading is fact-made, and the facts of it that are misfits under it (the planner's refit test,
fitting.Refit.misfits, on the final headings)."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from plan_bench import HeldOutLibrary, request  # noqa: E402
from plan_set import build, random_fact_lists  # noqa: E402

from drafter.pipeline.plan import Planner  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402


def sections_of(planner, plan) -> list[dict]:
    refit = getattr(planner, "refit", None)
    out = []
    for section in plan.body():
        lines = [i - 1 for i in section.fact_lines]
        bad = refit.misfits(lines, section.title) if refit is not None and lines else []
        out.append({"heading": section.title, "parent": section.parent,
                    "fact_made": section.title.endswith("等工作"),
                    "facts": [plan.facts[i] for i in lines], "misfits": [plan.facts[i] for i in bad]})
    return out


def planned(settings, library, facts, kind="年度总结"):
    planner = Planner(settings, library)
    plan = planner.plan(request(facts, kind))
    return {"misfit_counts": list(planner.misfits), "sections": sections_of(planner, plan)}


def main() -> None:
    out = Path(sys.argv[1])
    lists = int(sys.argv[sys.argv.index("--random") + 1]) if "--random" in sys.argv else 200
    settings = Settings()
    library = DrafterService(settings).library
    library.embedder.embed_query("预热")
    held = sorted(build(ROOT / "samples"), key=lambda item: item.example_id)
    result = {"in_order": [], "shuffled": [], "random": []}
    for place, item in enumerate(held):
        view = HeldOutLibrary(library, {item.example_id, *item.copies})
        for mode in ("in_order", "shuffled"):
            facts = list(item.facts)
            if mode == "shuffled":
                order = list(range(len(facts)))
                random.Random(item.example_id).shuffle(order)
                facts = [facts[i] for i in order]
            result[mode].append({"id": item.example_id, "half": "ab"[place % 2], **planned(settings, view, facts, item.kind)})
    for number, facts in enumerate(random_fact_lists(ROOT / "samples", lists)):
        result["random"].append({"id": f"r{number:03d}", "half": "", **planned(settings, library, facts)})
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
