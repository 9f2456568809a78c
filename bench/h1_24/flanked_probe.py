"""Session 24 (h1): the misfits run_stages.flanked keeps in their run, on one half in order, beside their author's
section: does the author have the fact with both its neighbours?  PYTHONPATH=. python bench/h1_24/flanked_probe.py a"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from plan_bench import HeldOutLibrary, request, timed_plan  # noqa: E402
from plan_set import build  # noqa: E402

from drafter.pipeline import fitting, run_stages  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402

kept: list[tuple[int, list]] = []
original = run_stages.flanked


def recording(refit, sections, homeless):
    left = original(refit, sections, homeless)
    for fact in sorted(set(homeless) - set(left)):
        title = next(t for lines, t in sections if fact in lines)
        kept.append((fact, title, refit.facts))
    return left


def main() -> None:
    run_stages.flanked = recording
    fitting.FLANKED = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    settings = Settings()
    library = DrafterService(settings).library
    held = sorted(build(ROOT / "samples"), key=lambda item: item.example_id)[0 if sys.argv[1] == "a" else 1::2]
    same = total = 0
    for item in held:
        kept.clear()
        timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(list(item.facts), item.kind))
        for fact, title, facts in kept:
            truth = item.sections
            ok = truth[fact - 1] == truth[fact] == truth[fact + 1]
            same, total = same + ok, total + 1
            if sys.argv[1] == "a":
                print(f"{item.example_id} {'SAME' if ok else 'DIFF'} [{title}] {facts[fact][:50]}")
    print(f"kept {total}, with both neighbours in the author's section {same}")


if __name__ == "__main__":
    main()
