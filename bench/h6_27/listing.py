"""Counts and listing of dump.py's fact-made headings and misfits (issue 20).

    python bench/h6_27/listing.py DUMP.json [--show]"""

from __future__ import annotations

import json
import sys


def main() -> None:
    dump = json.loads(open(sys.argv[1]).read())
    show = "--show" in sys.argv
    for mode, plans in dump.items():
        halves = {"a": [0, 0, 0], "b": [0, 0, 0], "": [0, 0, 0]}
        for plan in plans:
            counts = halves[plan["half"]]
            counts[2] += plan["misfit_counts"][1]
            for section in plan["sections"]:
                counts[0] += section["fact_made"]
                counts[1] += len(section["misfits"])
                if show and (section["fact_made"] or section["misfits"]):
                    tag = "MADE " if section["fact_made"] else "MISFIT"
                    print(f"{mode} {plan['id']}{plan['half']} {tag} {section['heading']}")
                    for fact in section["facts"]:
                        print(f"     {'x' if fact in section['misfits'] else ' '} {fact[:70]}")
        for half, (made, misfit, planner) in halves.items():
            if made or misfit or planner:
                print(f"{mode:9} half={half or '-'} fact_made={made} misfits(final headings)={misfit} misfits(planner)={planner}")


if __name__ == "__main__":
    main()
