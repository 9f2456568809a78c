"""Shared fixtures. The example library is ingested once per test session (it embeds every chunk)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from drafter.settings import PROJECT_ROOT, Settings
from store_support import pg_cluster  # noqa: F401 - one throwaway PostgreSQL cluster per session, shared

SEEDS_DIR = PROJECT_ROOT.parent / "shared" / "seeds"


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    """Settings with a fresh data dir, no .env influence, the template provider and auth off."""
    monkeypatch.chdir(tmp_path)
    return Settings(data_dir=tmp_path / "data", provider="template", auth="off", _env_file=None)


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
def library(library_settings):
    """The shipped samples, ingested once into an embedded Chroma store; treat it as read-only."""
    from retrieval.library import Library

    lib = Library(library_settings)
    lib.ingest([library_settings.samples_dir], progress=False)
    return lib


@pytest.fixture
def service(settings, library):
    """A service over a fresh data dir that shares the session's read-only example library."""
    from drafter.service import DrafterService

    svc = DrafterService(settings)
    svc.__dict__["library"] = library  # cached_property slot: reuse the ingested library
    return svc
