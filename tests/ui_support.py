"""Helpers for the tests that run the Streamlit page through AppTest (not a test module)."""

from __future__ import annotations

from functools import cache

from streamlit.testing.v1 import AppTest


@cache
def _components():
    """Streamlit's registry of installed custom components, scanned once a test process."""
    from streamlit.components.v2.component_manager import BidiComponentManager

    manager = BidiComponentManager()
    manager.discover_and_register_components(start_file_watching=False)
    return manager


def shared_components(at: AppTest) -> AppTest:
    """`at` with the process's registry of installed components: each AppTest scans every installed package's
    metadata for them at its first run (0.17 CPU-s; this project installs none), about 45 times a run. The
    registry sits in a private attribute of AppTest (streamlit 1.5x); without it, each AppTest scans again."""
    at._bidi_component_manager = _components()
    return at
