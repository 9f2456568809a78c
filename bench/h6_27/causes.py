"""Sorts dump.py's misfits and fact-made headings by cause (issue 20, session 27).

    PYTHONPATH=. python bench/h6_27/causes.py DUMP.json

Misfits: `no theme` (no lexicon theme's keywords in the fact: greening, a farm, a survey, a scrape's cut piece),
`mixed` (the fact writes another theme's keywords than any the heading names: a section over unrelated areas),
`loose` (the fact writes the heading's theme's keywords, yet neither its words nor its meaning hold it).
Fact-made headings ("…等工作", every one made because no bank or lexicon heading fitted the facts): `narrates` (a
core whose act is a purpose clause, a narrating verb, someone else's act or whose object is abstract: read by
hand in before_listing.txt, marked by the cores' words below), else `plain`; and the shorter headings (one fact's
core: 创建经验, 参与问卷调查) holding those words."""

from __future__ import annotations

import json
import sys
from collections import Counter

from drafter.pipeline.fitting import names_theme
from drafter.pipeline.themes import load_book

NARRATING = ("自己动手", "深化认识", "参与问卷", "发展献计", "基础上", "形式", "他们", "一些", "幻灯片", "经验", "x次",
             "凝聚力")  # the cores bench/h6_27/before_listing.txt shows narrating or saying nothing


def misfit_cause(fact: str, heading: str, book) -> str:
    scores = [(t.keyword_score(fact), t) for t in book.themes]
    best, theme = max(scores, key=lambda pair: pair[0])
    if best <= 0:
        return "no theme"
    return "loose" if names_theme(heading, theme, book) else "mixed"


def main() -> None:
    book = load_book()
    dump = json.loads(open(sys.argv[1]).read())
    for mode, plans in dump.items():
        for half in sorted({p["half"] for p in plans}):
            misfits, made, narrating = Counter(), Counter(), []
            for plan in (p for p in plans if p["half"] == half):
                for section in plan["sections"]:
                    for fact in section["misfits"]:
                        misfits[misfit_cause(fact, section["heading"], book)] += 1
                    if any(w in section["heading"] for w in NARRATING) and len(section["heading"]) <= 16:
                        narrating.append(section["heading"])  # one fact's core too (创建经验, 参与问卷调查)
                    if section["fact_made"]:
                        made["narrates" if any(w in section["heading"] for w in NARRATING) else "plain"] += 1
            print(f"{mode:9} half={half or '-'} misfits {dict(misfits)} fact-made {dict(made)}"
                  f" narrating one-fact headings {len(narrating)} {sorted(set(narrating))[:6]}")


if __name__ == "__main__":
    main()
