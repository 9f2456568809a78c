"""The check's output on a broad corpus input equals the stored readable goldens (tests/numcheck_golden.py):
speed-ups of drafter.numcheck must not change any result; an intended change shows as a diff per case."""

from __future__ import annotations

import pytest

from numcheck_golden import GOLDEN_DIR, cases, changes, stored

_CASES = cases()
SHOWN = 8  # diffs printed per set


def test_golden_sets_are_broad():
    assert {p.stem for p in GOLDEN_DIR.glob("*.txt")} == set(_CASES)
    assert sum(len(v) for v in _CASES.values()) >= 2000
    assert len(_CASES["clauses"]) >= 400 and len(_CASES["sentences"]) >= 1000


@pytest.mark.parametrize("name", sorted(_CASES))
def test_check_output_is_unchanged(name):
    assert len(stored(name)) == len(_CASES[name]), f"{name}: the set has another size; regenerate and review"
    changed = changes(name, _CASES[name])
    shown = "\n\n".join(changed[:SHOWN])
    more = f"\n… and {len(changed) - SHOWN} more" if len(changed) > SHOWN else ""
    assert not changed, (f"{name}: {len(changed)} cases changed. If intended: python tests/numcheck_golden.py "
                         f"--write, then review git diff tests/data/golden\n\n{shown}{more}")
