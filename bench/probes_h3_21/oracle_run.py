"""The probes' shared loop (session 21 h3): plan each held-out summary of the structure set, with `stages` told its
true sections and `state["item"]` set to it, so a patched stage can read both."""
from __future__ import annotations

from pathlib import Path

from plan_bench import HeldOutLibrary, request, timed_plan
from plan_set import build

from drafter.service import DrafterService
from drafter.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def plan_each(stages, state: dict) -> None:
    settings = Settings()
    library = DrafterService(settings).library
    for item in build(ROOT / "samples"):
        state["item"] = item
        stages.truth, stages.seen, stages.grouped = list(item.sections), [], False
        timed_plan(settings, HeldOutLibrary(library, {item.example_id, *item.copies}), request(list(item.facts), item.kind))
