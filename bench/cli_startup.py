"""CLI cold start: wall and CPU time of fresh `drafter search --mode bm25` and `drafter check` processes.

    .venv/bin/python bench/cli_startup.py [--runs 7]

Uses a throwaway data dir (or --data-dir): the shipped samples are ingested once first (not timed), so each search is the
cold start of a new process over an existing library. Target ≤ 1.5 s per command on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFTER = [sys.executable, "-c", "from drafter.cli import main; main()"]
FACTS = "春节期间走访慰问困难职工86户，发放慰问金12.6万元\n组织开展技能比武6个工种，参赛职工312人次\n"
DRAFT = "春节期间，工会走访慰问困难职工86户，发放慰问金12.6万元；组织6个工种的技能比武，参赛职工312人次。\n"


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one run; fails loudly if the command fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # check exits 1 when it finds problems
        raise SystemExit(f"{' '.join(args[3:])} failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--data-dir", type=Path, help="Use (and ingest into) this data dir instead of a throwaway one.")
    options = parser.parse_args()
    runs = options.runs
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = options.data_dir or Path(tmp) / "data"
        env = {**os.environ, "DRAFTER_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
        facts, draft = Path(tmp) / "facts.txt", Path(tmp) / "draft.txt"
        facts.write_text(FACTS, encoding="utf-8")
        draft.write_text(DRAFT, encoding="utf-8")
        print("ingesting samples/ once (not timed) …", flush=True)
        subprocess.run([*DRAFTER, "ingest", "-q"], env=env, check=True, capture_output=True)
        commands = {
            "drafter search --mode bm25": [*DRAFTER, "search", "--mode", "bm25", "送温暖 慰问困难职工", "--k", "5"],
            "drafter check": [*DRAFTER, "check", "--facts", str(facts), str(draft)],
            "python -c pass (interpreter alone)": [sys.executable, "-c", "pass"],
        }
        print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; {runs} runs each (first run not counted)")
        for name, args in commands.items():
            timed(args, env)  # the first run warms the OS file cache
            samples = [timed(args, env) for _ in range(runs)]
            walls, cpus = [s[0] for s in samples], [s[1] for s in samples]
            print(f"{name:38} wall median {statistics.median(walls):.2f} s (min {min(walls):.2f}, max {max(walls):.2f}); "
                  f"CPU median {statistics.median(cpus):.2f} s")


if __name__ == "__main__":
    main()
