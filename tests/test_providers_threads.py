"""llama.cpp threads follow the CPUs free right now (issue 11: threads equal to the core count collapse when
the cores are shared)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from drafter.providers.local import available_threads, other_runnable


def test_a_busy_process_takes_a_thread_away():
    cpus = len(os.sched_getaffinity(0))
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.5)
        assert other_runnable() >= 1
        assert 1 <= available_threads() <= max(1, cpus - 1)
    finally:
        spinner.kill()
        spinner.wait()


def test_threads_never_exceed_the_cpus_this_process_may_use():
    assert 1 <= available_threads() <= len(os.sched_getaffinity(0))
