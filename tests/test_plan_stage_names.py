"""The heading stages (drafter/pipeline/*.py beside plan.py) use the planner's public names for what they ask of it
(Planner.new_group, Planner.still_fits), not its private methods: one place to change them."""

import re
from pathlib import Path

from drafter.pipeline.plan import Planner

PIPELINE = Path(__file__).resolve().parent.parent / "drafter" / "pipeline"


def test_the_heading_stages_call_no_private_method_of_the_planner():
    private = {name for name in vars(Planner) if name.startswith("_") and not name.startswith("__")
               and callable(vars(Planner)[name])}
    called = {}
    for path in PIPELINE.glob("*.py"):
        if path.name == "plan.py":
            continue
        for name in re.findall(r"planner\.(_[a-z]\w*)\(", path.read_text(encoding="utf-8")):
            called.setdefault(name, []).append(path.name)
    assert not {name: files for name, files in called.items() if name in private}


def test_the_public_names_exist():
    assert callable(Planner.new_group) and callable(Planner.still_fits)
