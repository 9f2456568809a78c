"""`drafter ui --port N` starts the page's server on that port."""

from __future__ import annotations

import os
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
