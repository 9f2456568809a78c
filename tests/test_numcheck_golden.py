"""The check's output on a broad corpus input equals the stored golden digests (tests/numcheck_golden.py):
speed-ups of drafter.numcheck must not change any result."""

from __future__ import annotations

import json

import pytest

from numcheck_golden import GOLDEN, cases, digest

_GOLDEN = json.loads(GOLDEN.read_text(encoding="utf-8"))
_CASES = cases()


def test_golden_sets_are_broad():
    assert set(_CASES) == set(_GOLDEN)
    assert sum(len(v) for v in _CASES.values()) >= 2000
    assert len(_CASES["clauses"]) >= 400 and len(_CASES["sentences"]) >= 1000


@pytest.mark.parametrize("name", sorted(_GOLDEN))
def test_check_output_is_unchanged(name):
    items = _CASES[name]
    assert len(items) == len(_GOLDEN[name])
    changed = [i for i, case in enumerate(items) if digest(*case) != _GOLDEN[name][i]]
    assert changed == [], f"{name}: {len(changed)} results changed, first cases {changed[:5]}: {items[changed[0]][2][:80]}"
