"""README.md and docs/ stay true to the code: the two set-up commands, every setting, every API route, every link.

README keeps the short version of each topic and docs/*.md the full one; these tests read both."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from drafter.api import create_app
from drafter.service import DrafterService
from drafter.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _section(text: str, heading: str) -> str:
    return text.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def test_setup_is_exactly_the_two_make_commands():
    block = _section(README.read_text(encoding="utf-8"), "## Set-up (fresh machine, Python 3.11, Debian)")
    commands = re.search(r"```bash\n(.*?)```", block, re.S)[1].splitlines()
    assert [line.split("#")[0].strip() for line in commands] == ["make demo", "make test"]
    targets = re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert {"demo", "test"} <= set(targets)


def test_every_setting_is_in_readme_and_in_full_with_its_default():
    readme = _section(README.read_text(encoding="utf-8"), "## Configuration")
    rows = dict(re.findall(r"^\| `(DRAFTER_\w+)` \| (.*?) \|", (ROOT / "docs" / "configuration.md").read_text(
        encoding="utf-8"), re.M))
    fields = {f"DRAFTER_{name.upper()}": field for name, field in Settings.model_fields.items()}
    assert set(rows) == set(fields), "docs/configuration.md lists a setting settings.py lacks, or lacks one"
    for name, field in fields.items():
        assert f"`{name}`" in readme, f"README's Configuration does not name {name}"
        default = field.default if field.default_factory is None else field.default_factory()
        if default is not None and not isinstance(default, Path):
            assert rows[name].strip("`") == str(default), f"{name}: documented {rows[name]}, settings.py {default!r}"


def test_every_api_route_is_in_the_reference(settings):
    def shape(text: str) -> str:  # path parameters by place, not name: {id} in the reference is {draft_id}
        return re.sub(r"\{\w+\}", "{}", text)

    reference = shape((ROOT / "docs" / "api.md").read_text(encoding="utf-8"))
    paths = create_app(DrafterService(settings)).openapi()["paths"]
    undocumented = [f"{method.upper()} {path}" for path, methods in paths.items() for method in methods
                    if shape(f"{method.upper()} {path}") not in reference]
    assert not undocumented, f"docs/api.md does not list {undocumented}"


def _anchors(path: Path) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    anchors = set()
    for heading in re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), re.M):
        slug = "".join(c for c in heading.lower() if c in " -_" or unicodedata.category(c)[0] in "LN")
        anchors.add(slug.replace(" ", "-"))
    return anchors


def test_every_relative_link_and_anchor_resolves():
    broken = []
    for page in [README, *DOCS]:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"\w+:", target):
                continue
            file, _, anchor = target.partition("#")
            linked = (page.parent / file).resolve() if file else page
            if not linked.exists() or (anchor and linked.suffix == ".md" and anchor not in _anchors(linked)):
                broken.append(f"{page.relative_to(ROOT)}: {target}")
    assert not broken, broken


def test_readme_stays_short():
    """The long material lives in docs/: README is what a newcomer reads first."""
    assert README.stat().st_size < 48_000
