"""The sections whose headings or facts differ between two dumps of dump.py.

    python bench/h6_27/changed.py BEFORE.json AFTER.json"""

from __future__ import annotations

import json
import sys


def main() -> None:
    before, after = (json.loads(open(p).read()) for p in sys.argv[1:3])
    for mode in before:
        for old, new in zip(before[mode], after[mode]):
            heads = lambda plan: [(s["heading"], len(s["facts"]), len(s["misfits"])) for s in plan["sections"]]  # noqa: E731
            if heads(old) != heads(new):
                print(f"{mode} {old['id']}{old['half']}")
                print("   before:", " | ".join(f"{h} ({n}, misfit {m})" for h, n, m in heads(old)))
                print("   after: ", " | ".join(f"{h} ({n}, misfit {m})" for h, n, m in heads(new)))


if __name__ == "__main__":
    main()
