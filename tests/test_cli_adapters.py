"""Issue 14: the CLI and API are adapters over DrafterService: they build no Library, call no number check and
parse no request on their own; validation messages come from one table (drafter.domain.validation)."""

from __future__ import annotations

import ast
from pathlib import Path

from drafter.settings import PROJECT_ROOT

ADAPTERS = sorted((PROJECT_ROOT / "drafter" / "cli").glob("*.py")) + sorted((PROJECT_ROOT / "drafter" / "api").rglob("*.py"))
FORBIDDEN = {"retrieval.library": {"Library"}, "drafter.numcheck": {"check"}, "json": {"loads"}}


def _imports(path: Path) -> set[tuple[str, str]]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {(node.module, alias.name) for alias in node.names}
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "json":
            found.add(("json", node.attr))
    return found


def test_adapters_go_through_the_service():
    offenders = [(path.name, module, name) for path in ADAPTERS for module, name in _imports(path)
                 if name in FORBIDDEN.get(module, set())]
    assert offenders == []


def test_one_table_of_validation_messages():
    tables = [path for path in (PROJECT_ROOT / "drafter").rglob("*.py")
              if '"string_too_long"' in path.read_text(encoding="utf-8")]
    assert [p.relative_to(PROJECT_ROOT).as_posix() for p in tables] == ["drafter/domain/validation.py"]
