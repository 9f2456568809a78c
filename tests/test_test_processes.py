"""The processes tests start (servers, the CLI, fresh-process probes) run the checkout under test (conftest.py
puts it first on PYTHONPATH), also in a git worktree over a venv whose editable install points elsewhere."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from processes import env_without_settings

from drafter.settings import PROJECT_ROOT

CODE = "import drafter, retrieval, textkit; print('\\n'.join(m.__file__ for m in (drafter, retrieval, textkit)))"


def test_a_process_a_test_starts_imports_this_checkouts_code(tmp_path):
    done = subprocess.run([sys.executable, "-c", CODE], env=env_without_settings(), cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    files = [Path(line) for line in done.stdout.split()]
    assert len(files) == 3 and all(f.is_relative_to(PROJECT_ROOT) for f in files), (PROJECT_ROOT, files)
