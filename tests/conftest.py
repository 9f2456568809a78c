"""Shared fixtures. The example library is ingested once per test session (it embeds every chunk).

Under CI=true a skipped test FAILS: CI has the local model, Chromium and PostgreSQL (`make test` installs them),
so a test that would skip for want of one of them shows a broken install, not a pass. CI_MAY_SKIP names the
only skips a clean clone may take.
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from _pytest.nodeid import NodeId

from drafter.settings import PROJECT_ROOT, Settings
import cpu_clock
import library_cache
from library_cache import LIBRARY_CACHE

SEEDS_DIR = PROJECT_ROOT.parent / "shared" / "seeds"
IN_CI = os.environ.get("CI") == "true"
GC_THRESHOLDS = (10_000, 10, 10)  # see pytest_collection_finish
gc.set_threshold(*GC_THRESHOLDS)
# Skip reasons CI may give, each with why: the scraped seed pages live outside the repository (a clean clone has
# only samples/, which every other test uses).
CI_MAY_SKIP = ("scraped seed pages not present",)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI=true a skip (a missing model, browser or database) is a failure, CI_MAY_SKIP aside."""
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = str(report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr)
        if not any(allowed in reason for allowed in CI_MAY_SKIP):
            report.outcome = "failed"
            report.longrepr = f"skipped under CI=true, which must run every test: {reason}"


def pytest_collection_modifyitems(config, items):
    """schemathesis 4 gives each operation's item of a parametrized test the same node id: append the operation,
    so each is reported, selected and (under pytest-xdist) scheduled by an id of its own. Under pytest-xdist the
    longest files come first. DRAFTER_TEST_ORDER=reverse runs the files and each file's tests in reverse order
    (every test must pass in any order, not only alone)."""
    for item in items:
        label = getattr(item, "operation_label", None)
        if label and not item.nodeid.endswith("]"):
            item._id = NodeId.parse(f"{item.nodeid}[{label}]")  # pytest 9 keeps the id here (schemathesis
            # sets the older _nodeid)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        cache = getattr(config, "cache", None)
        _longest_files_first(items, cache.get(FILE_SECONDS, {}) if cache else {})
    if os.environ.get("DRAFTER_TEST_ORDER") == "reverse":
        items.reverse()


# Seconds each test file took in the last run that ran it (setup, call and teardown of its tests), kept in pytest's
# cache by the process that reports (pytest-xdist's controller, or a run without workers).
FILE_SECONDS = "drafter/file_seconds"


def _longest_files_first(items, seconds: dict[str, float]) -> None:
    """Under pytest-xdist (make check: each file runs whole on one worker, handed out in collection order when
    --no-loadscope-reorder is given) the files that took longest last time come first, so that no long file starts
    near the end while the other workers have nothing left: a file not seen before counts as long. Every worker
    reads the same cache, so all collect the same order. The order within a file is kept."""
    longest = max(seconds.values(), default=0.0) + 1
    items.sort(key=lambda item: -seconds.get(item.nodeid.split("::")[0], longest))


class _FileClock:
    """Adds up each file's seconds as the reports come in and keeps them in the cache at the end."""

    def __init__(self, cache) -> None:
        self.cache, self.seconds = cache, {}

    def pytest_runtest_logreport(self, report) -> None:
        name = report.nodeid.split("::")[0]
        self.seconds[name] = self.seconds.get(name, 0.0) + report.duration

    def pytest_sessionfinish(self) -> None:
        if self.seconds:
            kept = self.cache.get(FILE_SECONDS, {})
            self.cache.set(FILE_SECONDS, kept | {name: round(s, 2) for name, s in self.seconds.items()})


def pytest_collection_finish(session):
    """The collector's work, less: every object of the imports and the collection (modules, test items, schemas)
    is frozen out of the cyclic garbage collector, and a collection starts after 10,000 allocations rather than 700
    (from this conftest's import on: importing and collecting the test modules ran 4,500 collections, 2.7 CPU-s a
    process, 0.4 with it). make check spent 25 CPU-s in the collector (3 workers; measured by gc.callbacks), 13
    CPU-s with the freeze."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _cheap_password_hashes() -> None:
    """Passwords hashed inside a test process use argon2id at its lowest cost (one pass over 8 KiB, one lane), not
    the service's three passes over 64 MiB in four lanes: 0.16 CPU-s a hash or a sign-in, and make check hashed
    149 times in its workers (25 CPU-s). The code path and the stored format ($argon2id$…) are the same, and no
    test is about the cost. The servers and CLIs the tests start keep the service's cost. Not in the pytest runs
    test_ci_skips.py starts with a copy of this file: none of their tests signs in, and importing the store costs
    0.25 CPU-s a process."""
    if Path(__file__).resolve().parent != PROJECT_ROOT / "tests":
        return
    from argon2 import PasswordHasher

    from drafter.store import users

    users._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


def _processes_import_this_checkout() -> None:
    """Every process a test starts (a server, the CLI, a probe, a worker) imports drafter, retrieval and textkit from
    the checkout under test: PYTHONPATH starts with PROJECT_ROOT. Without it a process started in another git
    worktree over a shared venv imports the checkout the venv's editable install points to (its code, not this
    one's): test_retrieval_cold_start's fresh process then ran main's newer retrieval code over a library that
    this older checkout had built, which copied the library into Chroma's shared collection (importing chromadb)."""
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(PROJECT_ROOT)]
    os.environ["PYTHONPATH"] = os.pathsep.join([str(PROJECT_ROOT), *paths])


def pytest_configure(config):
    """Every library, service, server and CLI the tests start shares one cache dir (DRAFTER_CACHE_DIR: passage
    vectors, jieba's dictionary, heading-bank vectors, all keyed by content): the same samples are embedded once,
    not once per data dir. Outside CI it lasts between runs (beside the library cache); under CI=true it is new
    for each run, made by the first process (pytest-xdist's workers inherit it) and removed at its end."""
    _processes_import_this_checkout()
    _cheap_password_hashes()
    cpu_clock.register(config)
    if getattr(config, "cache", None) and not os.environ.get("PYTEST_XDIST_WORKER"):
        config.pluginmanager.register(_FileClock(config.cache), "drafter-file-clock")
    if os.environ.get("DRAFTER_CACHE_DIR"):
        return
    if IN_CI:
        config._drafter_vectors = tempfile.mkdtemp(prefix="drafter-test-cache-")
        os.environ["DRAFTER_CACHE_DIR"] = config._drafter_vectors
    else:
        os.environ["DRAFTER_CACHE_DIR"] = str(LIBRARY_CACHE / "content")


def pytest_unconfigure(config):
    made = getattr(config, "_drafter_vectors", None)
    if made:
        shutil.rmtree(made, ignore_errors=True)
        os.environ.pop("DRAFTER_CACHE_DIR", None)


@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL cluster per session, shared (store_support.py; imported here only when a test asks
    for it: the pytest runs test_ci_skips starts with this conftest need none of the store's imports)."""
    from store_support import pg_cluster_running

    with pg_cluster_running() as url:
        yield url


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    """Settings with a fresh data dir, no .env influence, the template provider and auth off."""
    monkeypatch.chdir(tmp_path)
    return Settings(data_dir=tmp_path / "data", provider="template", auth="off", _env_file=None)


@pytest.fixture(autouse=True)
def _main_module_kept():
    """Streamlit's AppTest installs its page as sys.modules["__main__"] and leaves it there; a process that
    multiprocessing spawns afterwards (the service's check process) runs the main module first, so it ran app.py,
    died, and the next test's check got a reset connection (test_ui_orgs.py then test_api_hardening24.py, one
    process). Each test ends with the main module it started with."""
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main


@pytest.fixture(scope="session")
def library_settings(tmp_path_factory) -> Settings:
    """A fresh library dir; DRAFTER_TEST_LIBRARY (opt-in, local runs on a busy machine) names a data dir where the
    samples were ingested before, copied first so the ingest below only checks that nothing changed."""
    data_dir = tmp_path_factory.mktemp("library")
    cached = os.environ.get("DRAFTER_TEST_LIBRARY")
    if cached and Path(cached).is_dir():
        shutil.copytree(cached, data_dir, dirs_exist_ok=True)
    return Settings(data_dir=data_dir, provider="template", auth="off", _env_file=None)


@pytest.fixture(scope="session")
def library(library_settings, tmp_path_factory):
    """The shipped samples, ingested once into an embedded Chroma store (or copied from the cache of an earlier
    run with the same inputs); treat it as read-only. Under pytest-xdist the first worker to need it ingests it
    and the others copy its data dir (one ingest per run, as without workers)."""
    shared = _shared_library_dir(tmp_path_factory)
    if shared is None:
        return library_cache.ingested(library_settings)
    with open(shared.with_name("library.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if shared.is_dir():
            return library_cache.copied(shared, library_settings)
        library = library_cache.ingested(library_settings)
        library_cache.keep(library_settings.data_dir, shared)
        return library


def _shared_library_dir(tmp_path_factory) -> Path | None:
    """Under pytest-xdist, a dir every worker of this run sees (beside the workers' own base temp dirs)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return None
    return tmp_path_factory.getbasetemp().parent / "library"


@pytest.fixture
def built_once(request):
    """`built_once(name, data_dir, build)`: run `build()`, which fills `data_dir` (a Chroma store of thousands of
    synthetic vectors, say), once per cache key; later runs copy the result into `data_dir` instead. The key is
    the library's (samples, retrieval and textkit code, versions) with the calling test file and
    retrieval_support.py; `CI=true` always builds. Each test still gets a data dir of its own."""
    here = Path(__file__).resolve().parent
    sources = request.path.read_bytes() + (here / "retrieval_support.py").read_bytes()
    suffix = hashlib.sha256(sources).hexdigest()[:12]

    def use(name: str, data_dir: Path, build) -> None:
        cached = LIBRARY_CACHE / "built" / f"{name}-{library_cache.memo_library_key()}-{suffix}"
        if cached.is_dir() and not IN_CI:
            shutil.copytree(cached, data_dir, dirs_exist_ok=True)
            os.utime(cached)  # last used now: pruning keeps it
            return
        build()
        if not IN_CI:
            cached.parent.mkdir(parents=True, exist_ok=True)
            library_cache.keep(data_dir, cached)
            library_cache.prune(cached.parent.glob(f"{name}-*"), library_cache.KEEP_BUILT)

    return use


@pytest.fixture
def service(settings, library):
    """A service over a fresh data dir that shares the session's read-only example library."""
    from drafter.service import DrafterService

    svc = DrafterService(settings)
    svc.__dict__["library"] = library  # cached_property slot: reuse the ingested library
    return svc
