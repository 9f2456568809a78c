"""Imports flow one way: adapters → service → pipeline → (numcheck, retrieval, providers) → textkit/settings.

An AST walk over every module (imports inside functions count too: a lazy import is still a dependency):
- no module imports one of a higher layer;
- numcheck, retrieval and providers do not import each other; retrieval imports nothing from drafter;
- the core (everything below the adapters) imports no UI or web framework.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("drafter", "retrieval", "textkit")
# (prefix, layer); the longest matching prefix wins.
LAYERS = (
    ("textkit", 0), ("drafter.settings", 0),
    ("drafter.models", 1), ("drafter.domain", 1),
    ("drafter.numcheck", 2), ("retrieval", 2), ("drafter.providers", 2),
    ("drafter.pipeline", 3), ("drafter.store", 3), ("drafter.documents", 3),
    ("drafter.service", 4),
    ("drafter.cli", 5), ("drafter.api", 5), ("drafter.view", 5), ("app", 5), ("drafter", 5),
)
PEERS = ("drafter.numcheck", "retrieval", "drafter.providers")
FRAMEWORKS = ("streamlit", "fastapi", "starlette", "uvicorn", "typer", "sse_starlette", "click")
ADAPTER_LAYER = 5


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    found = {module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}
    found["app"] = ROOT / "app.py"
    return found


def imports_of(path: Path, name: str) -> set[str]:
    """Absolute names imported anywhere in the module (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from drafter import service`
    return found


def layer_of(name: str) -> int | None:
    matches = [(len(prefix), layer) for prefix, layer in LAYERS if name == prefix or name.startswith(prefix + ".")]
    return max(matches)[1] if matches else None


def peer_of(name: str) -> str | None:
    return next((p for p in PEERS if name == p or name.startswith(p + ".")), None)


def violations() -> set[tuple[str, str]]:
    known_modules = modules()
    bad: set[tuple[str, str]] = set()
    for name, path in known_modules.items():
        mine = layer_of(name)
        for target in imports_of(path, name):
            top = target.split(".")[0]
            if top in FRAMEWORKS and mine < ADAPTER_LAYER:
                bad.add((name, target))
            if target not in known_modules:
                continue  # a third-party name, or `from pkg import function`
            theirs = layer_of(target)
            if theirs > mine or (peer_of(name) and peer_of(target) and peer_of(name) != peer_of(target)):
                bad.add((name, target))
    return bad


def test_layers_of_every_module_are_known():
    assert all(layer_of(name) is not None for name in modules())


def test_imports_flow_one_way():
    found = violations()
    assert found == set(), "imports against the layering (see the module docstring)"


def test_retrieval_and_textkit_import_nothing_from_drafter():
    for name, path in modules().items():
        if name.startswith(("retrieval", "textkit")):
            drafter = {t for t in imports_of(path, name) if t.split(".")[0] in ("drafter", "app")}
            assert not drafter, f"{name} imports {sorted(drafter)}"


@pytest.mark.parametrize(("module", "target", "allowed"), [
    ("drafter.numcheck.match", "drafter.pipeline.plan", False),  # upwards
    ("retrieval.chunking", "drafter.numcheck.placeholders", False),  # peer
    ("drafter.pipeline.writer", "drafter.providers.base", True),
    ("drafter.service", "drafter.cli", False),
])
def test_the_rule_itself(module, target, allowed):
    """The checker catches an upward and a sideways import, and lets a downward one pass."""
    upward = layer_of(target) > layer_of(module)
    sideways = bool(peer_of(module) and peer_of(target) and peer_of(module) != peer_of(target))
    assert (not upward and not sideways) is allowed


def test_retrieval_settings_protocol_is_met_by_drafter_settings():
    from drafter.settings import Settings
    from retrieval.config import RetrievalSettings

    settings = Settings(_env_file=None)
    assert isinstance(settings, RetrievalSettings)
    assert set(RetrievalSettings.__annotations__) <= set(Settings.model_fields)


def _readme_layers() -> dict[int, str]:
    """{layer: the text of its node} of README's Architecture diagram (nodes read `X["<layer> …"]`)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Architecture", 1)[1].split("\n## ", 1)[0]
    nodes: dict[int, str] = {}
    for layer, label in re.findall(r'\w+\["(\d) ([^"]*)"\]', section):
        nodes[int(layer)] = nodes.get(int(layer), "") + " " + label
    return nodes


def test_readme_diagram_shows_every_folder_in_its_layer():
    """README's diagram and LAYERS are one table: each LAYERS entry, and each package folder under drafter/,
    appears in the diagram's node of its layer."""
    nodes = _readme_layers()
    assert set(nodes) == {layer for _, layer in LAYERS}
    named = {prefix: layer for prefix, layer in LAYERS if prefix != "drafter"}
    for folder in sorted(p for p in (ROOT / "drafter").iterdir() if (p / "__init__.py").is_file()):
        named.setdefault(f"drafter.{folder.name}", layer_of(f"drafter.{folder.name}"))
    for prefix, layer in named.items():
        path = prefix.replace(".", "/")
        shown = [path, f"{path}.py"] if (ROOT / path).is_dir() or (ROOT / f"{path}.py").is_file() else [path]
        assert any(re.search(rf"(?<![\w/]){re.escape(s)}(?![\w])", nodes[layer]) for s in shown), \
            f"README's Architecture diagram does not show {path} in layer {layer}"


def test_routes_take_the_service_typed():
    """A route reaches the service as `service: Service` (Annotated[DrafterService, Depends(get_service)]), so an
    editor and a reader follow it into DrafterService: no untyped `Depends(get_service)` outside drafter/api/deps.py."""
    untyped = [f"{path.relative_to(ROOT)}:{node.lineno}" for path in sorted((ROOT / "drafter" / "api").rglob("*.py"))
               if path.name != "deps.py" for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Depends"
               and any(getattr(arg, "id", "") == "get_service" for arg in node.args)]
    assert not untyped, untyped
