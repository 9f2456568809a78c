"""The tests' store caches (library_cache.py) keep the most recently used keys and remove the rest, never one
another run may be copying now nor a half-written copy."""

from __future__ import annotations

import os
import time

from library_cache import IDLE_S, prune


def test_prune_keeps_the_newest_and_the_recently_used(tmp_path):
    now = time.time()
    ages = {"a": 10, "b": 2 * IDLE_S, "c": 3 * IDLE_S, "d": 4 * IDLE_S, "e.123.tmp": 5 * IDLE_S, "f": 60}
    for name, age in ages.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "chroma.sqlite3").write_bytes(b"x")
        os.utime(tmp_path / name, (now - age, now - age))
    prune(tmp_path.iterdir(), 2)
    # the two newest (a, f) stay; of the rest, the idle ones go, and the staging copy is never touched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "e.123.tmp", "f"]
    os.utime(tmp_path / "a", (now - 2 * IDLE_S, now - 2 * IDLE_S))
    (tmp_path / "g").mkdir()
    prune(tmp_path.iterdir(), 1)  # a is past the newest one, but f was used a minute ago: another run may copy it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.123.tmp", "f", "g"]
