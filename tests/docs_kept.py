"""Check that every line of an old README survives in the new README.md plus docs/*.md.

Usage: python docs_kept.py OLD_README [ROOT]
Each non-blank line of the old README (table rows: each cell) must occur, whitespace-normalised, in the union of the
new files. Heading marks, list and table syntax and docs/ link prefixes are ignored ("modulo moved headings"). A line
not found whole is split into sentences and clauses; the pieces not found are printed, so a reader sees exactly
what is not kept verbatim."""

from __future__ import annotations

import re
import sys
from pathlib import Path


def norm(text: str) -> str:
    text = text.replace("](docs/", "](")
    return re.sub(r"\s+", " ", text).strip()


def units(line: str) -> list[str]:
    """The pieces of one old line to look for: table cells, or the line without heading/list marks."""
    line = line.strip()
    if line.startswith("|") and line.endswith("|"):
        if set(line) <= set("|-: "):
            return []
        return [c.strip() for c in line[1:-1].split(" | ") if c.strip()]
    line = re.sub(r"^#+\s*", "", line)
    line = re.sub(r"^(?:[-*]|\d+\.)\s+", "", line)
    return [line] if line else []


def pieces(unit: str) -> list[str]:
    """Sentences and clauses of a unit, each long enough to mean something."""
    parts = re.split(r"(?<=[.;:。；：])\s+|(?<=[，。；])|\s+(?=\*\*)", unit)
    return [p.strip() for p in parts if len(p.strip()) >= 12]


def main() -> int:
    old = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()
    root = Path(sys.argv[2] if len(sys.argv) > 2 else ".")
    files = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    union = norm("\n".join(f.read_text(encoding="utf-8") for f in files))
    # a line wrapped differently is still found: the union is one whitespace-normalised string
    missing, whole, partial = [], 0, 0
    for number, line in enumerate(old, 1):
        for unit in units(line):
            if norm(unit) in union:
                whole += 1
                continue
            lost = [p for p in pieces(unit) if norm(p) not in union]
            partial += 1
            if lost or not pieces(unit):
                missing.append((number, unit, lost))
            else:
                print(f"old line {number}: not whole, every piece found (split or reordered): {unit[:80]}")
    print(f"{whole} lines/cells found whole, {partial} not whole, {len(missing)} with pieces not found")
    for number, unit, lost in missing:
        print(f"--- old line {number}: {unit[:160]}")
        for piece in lost:
            print(f"    not found: {piece[:160]}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
