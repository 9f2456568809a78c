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


class _Context:
    def __init__(self) -> None:
        self.sizes: list[tuple[int, int]] = []

    def set_n_threads(self, threads: int, batch: int) -> None:
        self.sizes.append((threads, batch))


class _Llama:
    """Stands in for llama_cpp.Llama: records thread changes, streams one piece."""

    def __init__(self) -> None:
        self._ctx = _Context()

    def create_chat_completion(self, **_):
        yield {"choices": [{"delta": {"content": "好"}}]}


def _model(monkeypatch, free: list[int], fixed: int | None = None):
    from drafter.providers import local

    monkeypatch.setattr(local, "available_threads", lambda samples=5: free.pop(0))
    model = local.LocalModel(local.Path("unused.gguf"), n_threads=fixed)
    model._llama = _Llama()
    return model


def test_threads_are_sized_again_before_every_generation(monkeypatch):
    model = _model(monkeypatch, [2, 1, 1, 2])  # at load: 2 free; then a busy process; then gone
    for _ in range(3):
        assert model.complete([{"role": "user", "content": "写"}]) == "好"
    assert model._llama._ctx.sizes == [(1, 1), (2, 2)]  # changed only when the free cores changed
    assert model.n_threads == 2


def test_threads_set_by_the_user_stay(monkeypatch):
    model = _model(monkeypatch, [1, 1], fixed=2)
    model.complete([{"role": "user", "content": "写"}])
    assert model._llama._ctx.sizes == [] and model.n_threads == 2
