"""`drafter ui --port N` starts the page's server on that port."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from processes import free_port



def test_drafter_ui_serves_on_the_given_port(tmp_path):
    port = free_port()
    env = {**os.environ, "DRAFTER_DATA_DIR": str(tmp_path / "data"), "DRAFTER_PROVIDER": "template"}
    command = [sys.executable, "-c", "from drafter.cli import main; main()"]
    proc = subprocess.Popen([*command, "ui", "--port", str(port), "--headless"], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline, status = time.monotonic() + 90, None
        while time.monotonic() < deadline and status != 200 and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    status = r.status
            except OSError:
                time.sleep(0.5)
        assert status == 200, proc.stdout.read().decode() if proc.poll() is not None else "no answer"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert r.status == 200
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_drafter_ui_in_the_background_runs_headless_and_says_nothing_in_english(tmp_path):
    """No flags, no terminal: it serves (no e-mail prompt waiting for an answer), opens no browser, and prints only
    our Chinese start-up line (Streamlit's English welcome text and usage statistics are off)."""
    port = free_port()
    env = {**os.environ, "DRAFTER_DATA_DIR": str(tmp_path / "data"), "DRAFTER_PROVIDER": "template",
           "BROWSER": "false"}
    command = [sys.executable, "-c", "from drafter.cli import main; main()"]
    out = tmp_path / "ui.log"
    with out.open("wb") as log:
        proc = subprocess.Popen([*command, "ui", "--port", str(port)], env=env, cwd=tmp_path, stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline, status = time.monotonic() + 90, None
        while time.monotonic() < deadline and status != 200 and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    status = r.status
            except OSError:
                time.sleep(0.5)
        time.sleep(2)  # anything printed once the server is up
        printed = out.read_text(encoding="utf-8", errors="replace")  # start-up only (not "Stopping..." after)
        assert status == 200 and proc.poll() is None, printed
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
    assert "正在启动网页" in printed and f"http://127.0.0.1:{port}" in printed
    english = re.findall(r"[A-Za-z]{3,}", printed.replace(f"http://127.0.0.1:{port}", "").replace("Ctrl", ""))
    assert not english, printed
