"""The lock covers pyproject.toml: every direct dependency (all extras) is pinned in requirements.lock at a version
its specifier allows, and every pin carries sha256 hashes (so `--require-hashes` installs exactly it)."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from drafter.settings import PROJECT_ROOT

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def _pins() -> dict[str, list[tuple[str, str, list[str]]]]:
    """name -> [(version, marker, hashes)] from requirements.lock."""
    pins: dict[str, list[tuple[str, str, list[str]]]] = {}
    current = None
    for line in (PROJECT_ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            current = (match.group(2), (match.group(3) or "").strip(), [])
            pins.setdefault(canonicalize_name(match.group(1)), []).append(current)
        elif current is not None and line.strip().startswith("--hash=sha256:"):
            current[2].append(line.strip())
    return pins


def _direct() -> list[Requirement]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        specs += extra
    return [Requirement(spec) for spec in specs]


def test_every_direct_dependency_is_pinned_at_an_allowed_version():
    pins = _pins()
    missing, outside = [], []
    for req in _direct():
        found = pins.get(canonicalize_name(req.name))
        if not found:
            missing.append(req.name)
        elif not any(req.specifier.contains(version, prereleases=True) for version, _, _ in found):
            outside.append(f"{req} (lock: {[v for v, _, _ in found]})")
    assert missing == [], "not in requirements.lock: run `make lock` (or the compile command at its top)"
    assert outside == [], "requirements.lock pins a version pyproject.toml no longer allows"


def test_every_pin_has_hashes():
    unhashed = [name for name, entries in _pins().items() for _, _, hashes in entries if not hashes]
    assert unhashed == []
    assert len(_pins()) > 100  # the whole tree, not only the direct dependencies
