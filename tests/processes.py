"""Helpers for tests that start real servers on 127.0.0.1: a free port and a clean stop."""

from __future__ import annotations

import os
import socket
import subprocess
import time

SHARED = ("DRAFTER_CACHE_DIR",)  # the tests' shared content caches (conftest.py): caches, no behaviour


def env_without_settings() -> dict[str, str]:
    """This process's environment without any DRAFTER_* setting (a server or CLI started by a test gets only the
    ones the test gives it), the shared caches in SHARED kept."""
    return {k: v for k, v in os.environ.items() if not k.startswith("DRAFTER_") or k in SHARED}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen, timeout_s: float = 20) -> None:
    """Terminate a server process, killing it if it does not exit in time."""
    process.terminate()
    try:
        process.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def poll(fetch, until, timeout: float = 60, every: float = 0.3):
    """fetch() again until until(value) holds or `timeout` seconds pass; the last value either way."""
    deadline = time.monotonic() + timeout
    while True:
        value = fetch()
        if until(value) or time.monotonic() > deadline:
            return value
        time.sleep(every)
