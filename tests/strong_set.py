"""The strong-model paragraph set (tests/data/strong_paragraphs.json, issue 19): loader and measurement.

Each scenario has its own facts, faithful paraphrases, and variants with one invented detail made by one hand-
written edit of the first faithful paragraph. A faithful paragraph is *flagged* when the check finds a claim or
a number that is not supported, or a missing fact; an invented detail is *caught* when a claim or a flagged
number overlaps its span, and *named* when that flag's note names the right role (参与者, 地点 …).
Run `python -m tests.strong_set` for the figures.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "strong_paragraphs.json"
HELDOUT = DATA.with_name("strong_heldout.json")  # written after the object/activity rules, to check they generalise
HELDOUT2 = DATA.with_name("strong_heldout2.json")  # written before the effect-clause rules (session 8), likewise
HELDOUT3 = DATA.with_name("strong_heldout3.json")  # written after them, on text they were not built from
HELDOUT4 = DATA.with_name("strong_heldout4.json")  # written before session 9's changes, measured first, then drove them
HELDOUT5 = DATA.with_name("strong_heldout5.json")  # written after session 9's last rule change, measured once
HELDOUT6 = DATA.with_name("strong_heldout6.json")  # written before session 10's changes, measured first, then drove them
HELDOUT7 = DATA.with_name("strong_heldout7.json")  # written after session 10's last rule change, measured once
HELDOUT8 = DATA.with_name("strong_heldout8.json")  # written before session 11's changes, measured before and after
HELDOUT9 = DATA.with_name("strong_heldout9.json")  # written before session 12's changes, measured first and at the end
HELDOUT10 = DATA.with_name("strong_heldout10.json")  # the lead's, session 12, kept from the helpers: before and after
HELDOUT11 = DATA.with_name("strong_heldout11.json")  # the lead's, session 13, kept from the helpers: before and after
HELDOUT12 = DATA.with_name("strong_heldout12.json")  # the lead's, session 14: its flags were quoted in the briefs (tuned on)
HELDOUT13 = DATA.with_name("strong_heldout13.json")  # the lead's, session 14, written after the merges: measured once
HELDOUT14 = DATA.with_name("strong_heldout14.json")  # the lead's, session 15, written before any change: start and end
HELDOUT15 = DATA.with_name("strong_heldout15.json")  # the lead's, session 15, written after its check changes: measured once
HELDOUT16 = DATA.with_name("strong_heldout16.json")  # the lead's, session 16, written before any change: start and end
HELDOUT17 = DATA.with_name("strong_heldout17.json")  # the lead's, session 16, written at 11:35, kept from every check: once
HELDOUT18 = DATA.with_name("strong_heldout18.json")  # the lead's, session 17, written at 14:20 before any change: once
HELDOUT19 = DATA.with_name("strong_heldout19.json")  # the lead's, session 18, written at 17:35 before any change: once
HELDOUT20 = DATA.with_name("strong_heldout20.json")  # the lead's, session 19, written at 20:25 before any change: start, end
HELDOUT21 = DATA.with_name("strong_heldout21.json")  # the lead's, session 20, kept from the helpers: before and after
HELDOUT22 = DATA.with_name("strong_heldout22.json")  # the lead's, session 21, kept from the helpers: before and after
HELDOUT23 = DATA.with_name("strong_heldout23.json")  # the lead's, session 22, kept from the helpers: before and after
HELDOUT24 = DATA.with_name("strong_heldout24.json")  # the lead's, session 23, kept from the helpers: before and after
HELDOUT25 = DATA.with_name("strong_heldout25.json")  # the lead's, session 24, kept from the helpers: before and after
HELDOUT26 = DATA.with_name("strong_heldout26.json")  # the lead's, session 25: before and after, but its phrases leaked into two briefs
HELDOUT27 = DATA.with_name("strong_heldout27.json")  # the lead's, session 25, written after the merges: start and end code once
HELDOUT28 = DATA.with_name("strong_heldout28.json")  # the lead's, session 26, written before any change or brief: start and end
HELDOUT29 = DATA.with_name("strong_heldout29.json")  # the lead's, session 27, written before any change or brief: start and end
FRESH_H4 = DATA.with_name("strong_fresh_h4.json")  # helper h4's, session 17: odd scenarios drove its rules, even ones report
FRESH_H5 = DATA.with_name("strong_fresh_h5.json")  # helper h5's, session 17: odd scenarios drove its rules, even ones report
FRESH_H18 = DATA.with_name("strong_fresh_h18.json")  # helper h3's, session 18: odd scenarios drove its rules, even ones report
FRESH_H18B = DATA.with_name("strong_fresh_h18b.json")  # helper h5's, session 18: written before its changes; odd drive, even report
FRESH_H19 = DATA.with_name("strong_fresh_h19.json")  # helper h1's, session 19 (number items): odd scenarios drive, even report
FRESH_H19B = DATA.with_name("strong_fresh_h19b.json")  # helper h9's, session 19 (invented item qualifiers): odd drive, even report
FRESH_H20 = DATA.with_name("strong_fresh_h20.json")  # helper h1's, session 20 (reworded number items): odd drive, even report
FRESH_H20B = DATA.with_name("strong_fresh_h20b.json")  # helper h5's, session 20 (set phrases, idioms): odd drive, even report
FRESH_H21 = DATA.with_name("strong_fresh_h21.json")  # helper h4's, session 21 (invented details in unread positions): odd drive, even report
FRESH_H22B = DATA.with_name("strong_fresh_h22b.json")  # helper h2's, session 22 (issue 19's missed and misnamed kinds): odd drive, even report
FRESH_H22A = DATA.with_name("strong_fresh_h22a.json")  # helper h1's, session 22 (topic-implied words, manner): odd drive, even report
FRESH_H22C = DATA.with_name("strong_fresh_h22c.json")  # helper h6's, session 22 (judgements of given acts): odd drive, even report
FRESH_H23B = DATA.with_name("strong_fresh_h23b.json")  # helper h2's, session 23 (faithful paraphrases on new topics): odd drive, even report
FRESH_H23A = DATA.with_name("strong_fresh_h23a.json")  # helper h1's, session 23 (the six kinds in varied positions): odd drive, even report
FRESH_H24A = DATA.with_name("strong_fresh_h24a.json")  # helper h3's, session 24 (narrowing qualifiers of the object): odd drive, even report
FRESH_H25A = DATA.with_name("strong_fresh_h25a.json")  # helper h1's, session 25 (narrowing qualifiers, honours, occasion times): odd drive, even report
FRESH_H25B = DATA.with_name("strong_fresh_h25b.json")  # helper h2's, session 25 (faithful paraphrases in strong models' styles): odd drive, even report
FRESH_H3_27 = DATA.with_name("strong_fresh_h3_27.json")  # helper h3's, session 27 (bodies inside frames: 在…的支持下, 经…批准): written before any change, reports
FRESH_H1_27 = DATA.with_name("strong_fresh_h1_27.json")  # helper h1's, session 27 (a number's item or people in other words): report only
FRESH_H2_27 = DATA.with_name("strong_fresh_h2_27.json")  # helper h2's, session 27 (effect idioms, occasions; invented times, activities): report only
KINDS = ("actor", "place", "time", "honour", "object", "activity")


@dataclass(frozen=True)
class Paragraph:
    id: str
    facts: list[str]
    text: str
    kind: str  # "faithful" or one of KINDS
    span: tuple[int, int] | None = None  # the invented words
    role: str | None = None


def load(path: Path = DATA) -> list[Paragraph]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out: list[Paragraph] = []
    for scenario in data["scenarios"]:
        facts = scenario["facts"]
        for n, text in enumerate(scenario["faithful"]):
            out.append(Paragraph(f"{scenario['id']}-f{n}", facts, text, "faithful"))
        base = scenario["faithful"][0]
        for n, item in enumerate(scenario["invented"]):
            old, new = item["edit"]
            if base.count(old) != 1 or item["span"] not in new or item["kind"] not in KINDS:
                raise ValueError(f"bad edit in {scenario['id']}: {item}")
            at = base.index(old)
            text = base[:at] + new + base[at + len(old):]
            start = at + new.index(item["span"])
            out.append(Paragraph(f"{scenario['id']}-{item['kind']}{n}", facts, text, item["kind"],
                                 (start, start + len(item["span"])), item["role"]))
    return out


def flags(result) -> list[tuple[int, int, str]]:
    """(start, end, note) of every claim and every number that is not supported."""
    out = [(c.start, c.end, c.note) for c in result.claims]
    out += [(h.start, h.end, h.note or "") for h in result.numbers if h.status != "supported"]
    return out


def judge(paragraph: Paragraph, result) -> tuple[bool, bool]:
    """(flagged/caught, role named)."""
    found = flags(result)
    if paragraph.kind == "faithful":
        return bool(found) or bool(result.missing), False
    s, e = paragraph.span
    over = [note for fs, fe, note in found if fs < e and s < fe]
    return bool(over), any(paragraph.role in note for note in over)


def measure(check, path: Path = DATA) -> dict:
    """Figures of `check(facts, draft)` on the whole set (or the held-out set: path=HELDOUT)."""
    caught, named, total = Counter(), Counter(), Counter()
    flagged: list[str] = []
    for p in load(path):
        hit, role = judge(p, check(p.facts, p.text))
        total[p.kind] += 1
        caught[p.kind] += hit
        named[p.kind] += role
        if p.kind == "faithful" and hit:
            flagged.append(p.id)
    return {"total": dict(total), "caught": dict(caught), "named": dict(named), "flagged": flagged}


if __name__ == "__main__":
    from drafter.numcheck import check

    sets = (("set", DATA), ("held out", HELDOUT), ("held out 2", HELDOUT2), ("held out 3", HELDOUT3),
            ("held out 4", HELDOUT4), ("held out 5", HELDOUT5),
            ("held out 6", HELDOUT6), ("held out 7", HELDOUT7), ("held out 8", HELDOUT8),
            ("held out 9", HELDOUT9), ("held out 10", HELDOUT10), ("held out 11", HELDOUT11),
            ("held out 12", HELDOUT12), ("held out 13", HELDOUT13),
            ("held out 14", HELDOUT14), ("held out 15", HELDOUT15), ("held out 16", HELDOUT16),
            ("held out 17", HELDOUT17), ("held out 18", HELDOUT18), ("held out 19", HELDOUT19),
            ("held out 20", HELDOUT20), ("held out 21", HELDOUT21),
            ("held out 22", HELDOUT22), ("held out 23", HELDOUT23),
            ("held out 24", HELDOUT24), ("held out 25", HELDOUT25), ("held out 26", HELDOUT26),
            ("held out 27", HELDOUT27), ("held out 28", HELDOUT28),
            ("held out 29", HELDOUT29))
    for name, path in [(n, p) for n, p in sets if p.exists()]:
        figures = measure(check, path)
        t, c, n = figures["total"], figures["caught"], figures["named"]
        print(f"{name}: faithful flagged: {c.get('faithful', 0)}/{t['faithful']}  {figures['flagged']}")
        for kind in KINDS:
            if t.get(kind):
                print(f"  {kind:9s} caught {c.get(kind, 0)}/{t[kind]}  role named {n.get(kind, 0)}/{t[kind]}")
