"""Under CI=true a test that would skip for a missing model, browser or database fails (tests/conftest.py), whether
it skips in its body or in a fixture; only the reasons in CI_MAY_SKIP still skip. Outside CI they skip."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
CASES = '''
import pytest


@pytest.fixture
def browser():
    pytest.skip("Debian chromium is not installed")


def test_without_model():
    pytest.skip("本地模型未安装（drafter model install）")


def test_without_browser(browser):
    pass


@pytest.mark.skipif(True, reason="PostgreSQL binaries (initdb, pg_ctl) are not installed")
def test_without_database():
    pass


def test_without_seed_pages():
    pytest.skip("scraped seed pages not present")
'''


def outcomes(tmp_path: Path, ci: str | None, workers: tuple[str, ...] = ()) -> dict:
    """Run the cases with the project's conftest (`workers`: pytest-xdist's options, as `make check` passes them):
    {case: passed/failed/skipped/error}, the output and exit code."""
    shutil.copy(TESTS / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_cases.py").write_text(CASES, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), str(TESTS.parent), env.get("PYTHONPATH", "")])
    if ci is not None:
        env["CI"] = ci
    quiet = ("-p", "no:schemathesis", "-p", "no:hypothesispytest", "-p", "no:anyio",  # unused here: 1.4 s a process
             "-p", "no:langsmith_plugin")  # off in pyproject.toml's addopts, which "-o addopts=" drops: 0.3 s
    run = subprocess.run([sys.executable, "-m", "pytest", "-v", "-p", "no:cacheprovider", *quiet, "-o", "addopts=",
                          *workers, "test_cases.py"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    found = dict(re.findall(r"::test_without_(\w+) (PASSED|FAILED|SKIPPED|ERROR)", run.stdout))
    found |= {name: outcome for outcome, name in re.findall(r"\] (PASSED|FAILED|SKIPPED|ERROR) test_cases.py::"
                                                             r"test_without_(\w+)", run.stdout)}  # xdist's lines
    return {name: outcome.lower() for name, outcome in found.items()} | {"_output": run.stdout, "_code": run.returncode}


@pytest.mark.parametrize("workers", [(), ("-n", "2", "--dist", "loadfile")], ids=["serial", "xdist"])
def test_a_missing_model_browser_or_database_fails_under_ci(tmp_path, workers):
    got = outcomes(tmp_path, "true", workers)
    # a skip in the test's body fails it; one in a fixture or a skipif marker (the setup) errors it
    assert [got.get(n) for n in ("model", "browser", "database")] == ["failed", "error", "error"], got["_output"]
    assert "skipped under CI=true" in got["_output"] and got["_code"] == 1
    assert got.get("seed_pages") == "skipped", got["_output"]  # CI_MAY_SKIP: not in a clean clone


def test_outside_ci_they_skip(tmp_path):
    got = outcomes(tmp_path, None)
    assert [got.get(n) for n in ("model", "browser", "database", "seed_pages")] == ["skipped"] * 4, got["_output"]
    assert got["_code"] == 0
