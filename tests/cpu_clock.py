"""Opt-in CPU accounting of a test run: DRAFTER_TEST_CPU=<dir> makes each pytest process (each xdist worker) write
<dir>/<worker>.jsonl, one line per test phase (setup, call, teardown) with the CPU-s of the process itself and of the
child processes it waited for in that phase, and one line for its start-up and collection. Summarise with
`python tests/cpu_clock.py <dir>`. Off by default (it changes nothing the tests see)."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest


def _children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class CpuClock:
    """Writes the CPU of each phase of each test as it runs."""

    def __init__(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        name = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.out = open(out_dir / f"{name}-{os.getpid()}.jsonl", "w", encoding="utf-8")

    def _write(self, **row) -> None:
        self.out.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.out.flush()

    def pytest_collection_finish(self, session) -> None:
        self._write(test="<start-up and collection>", phase="collect", cpu=time.process_time(), children=_children())

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_setup(self, item):
        yield from self._phase(item, "setup")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_call(self, item):
        yield from self._phase(item, "call")

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_teardown(self, item):
        yield from self._phase(item, "teardown")

    def _phase(self, item, phase):
        cpu, children, wall = time.process_time(), _children(), time.perf_counter()
        yield
        self._write(test=item.nodeid, phase=phase, cpu=round(time.process_time() - cpu, 4),
                    children=round(_children() - children, 4), wall=round(time.perf_counter() - wall, 4))

    def pytest_unconfigure(self) -> None:
        self._write(test="<whole process>", phase="end", cpu=time.process_time(), children=_children())
        self.out.close()


def register(config) -> None:
    out = os.environ.get("DRAFTER_TEST_CPU")
    if out:
        config.pluginmanager.register(CpuClock(Path(out)), "drafter-cpu-clock")


def summary(out_dir: Path, top: int = 40) -> None:
    """Totals, then the files and the test phases that cost most CPU (own + children)."""
    files, phases, totals = defaultdict(lambda: [0.0, 0.0]), [], defaultdict(float)
    for path in out_dir.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            totals[row["phase"] + " cpu"] += row["cpu"]
            totals[row["phase"] + " children"] += row["children"]
            if row["phase"] in ("setup", "call", "teardown"):
                name = row["test"].split("::")[0]
                files[name][0] += row["cpu"]
                files[name][1] += row["children"]
                phases.append((row["cpu"] + row["children"], row["phase"], row["test"], row["cpu"], row["children"]))
    for key, value in sorted(totals.items()):
        print(f"{key:24} {value:8.1f}")
    print("\nfiles (own + children):")
    for name, (own, kids) in sorted(files.items(), key=lambda kv: -sum(kv[1]))[:top]:
        print(f"{own + kids:7.1f} {own:7.1f} {kids:7.1f}  {name}")
    print("\nphases:")
    for total, phase, test, own, kids in sorted(phases, reverse=True)[:top]:
        print(f"{total:7.2f} {own:6.2f} {kids:6.2f} {phase:8} {test}")


if __name__ == "__main__":
    summary(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 40)
