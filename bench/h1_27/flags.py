"""Dump every faithful flag (clause text and note) of the allowed sets, for classifying by kind of rewriting.

    python bench/h1_27/flags.py drive|report > out.txt
"""
import sys

from drafter.numcheck import check
from tests import strong_set as S
from tests.strong_tools import allowed_sets

REPORT = {"HELDOUT14", "HELDOUT16", "HELDOUT18", "HELDOUT20", "HELDOUT26", "FRESH_H1_27"}


def main(side: str) -> None:
    names = [n for n in allowed_sets() if (n in REPORT) == (side == "report")]
    for name in names:
        for p in S.load(getattr(S, name)):
            if p.kind != "faithful":
                continue
            res = check(p.facts, p.text)
            found = S.flags(res)
            if not found and not res.missing:
                continue
            print(f"== {name} {p.id}")
            for s, e, note in found:
                print(f"   FLAG [{p.text[s:e]}] {note}")
            for m in res.missing:
                print(f"   MISSING {m}")


if __name__ == "__main__":
    main(sys.argv[1])
