"""The held-out structure set of bench/plan_bench.py, built from the shipped corpus (samples/, split from the raw
seeds): every summary with at least two numbered body sections gives its facts (sentences with concrete content:
a number, a quoted name or an act of work, 12-100 characters) with the top-level section each came from.

Near-copies of a summary (the scraped pages repeat some examples) are listed with it, so that holding a summary
out of the library holds its copies out too.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from retrieval.chunking import structure
from retrieval.section_sentences import body_sentences
from retrieval.loader import load_file
from textkit.headings import CN_NUMERALS, without_number
from textkit.sentences import COLONS, COMMAS, ENUM_COMMA, NOT_COMPARED, char_class, split_sentences

MAX_FACTS = 40
_CONCRETE = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万]+(?:次|场|期|名|人|户|项|个|家|篇|元|万)|“[^”]{2,}”"
                       r"|开展|组织|举办|召开|慰问|发放|走访|评选|表彰|参加|完成|建立|发展|签订|培训|帮扶|救助|捐")
_OPENER = re.compile(rf"^(?:[{CN_NUMERALS}]是|首先|其次|再次|最后|同时|此外|另外|第[{CN_NUMERALS}]+)"
                     rf"{char_class(COMMAS + ENUM_COMMA + COLONS)}?")
_KEY = NOT_COMPARED


@dataclass
class HeldOut:
    example_id: str
    title: str
    kind: str
    facts: list[str]
    sections: list[int]  # each fact's section (0-based index into headings)
    headings: list[str]  # the summary's own top-level body headings, without numbers
    copies: set[str] = field(default_factory=set)  # example ids of near-copies (held out with it)


def _facts_of(lines: list[str]) -> list[str]:
    found = []
    for sentence in body_sentences(lines):
        sentence = _OPENER.sub("", sentence).strip()
        if 12 <= len(sentence) <= 100 and _CONCRETE.search(sentence) and not sentence.endswith(("：", ":")):
            found.append(sentence)
    return found


def _even_sample(facts: list[str], sections: list[int], limit: int) -> tuple[list[str], list[int]]:
    """At most `limit` facts, taken evenly across the summary (order kept)."""
    if len(facts) <= limit:
        return facts, sections
    picks = sorted({round(i * (len(facts) - 1) / (limit - 1)) for i in range(limit)})
    return [facts[i] for i in picks], [sections[i] for i in picks]


def _keys(text: str) -> set[str]:
    return {k for k in (_KEY.sub("", s) for s in split_sentences(text)) if len(k) >= 10}


def load_corpus(samples: Path) -> list:
    return [load_file(path, samples) for path in sorted(samples.glob("*.md"))]


def build(samples: Path, min_sections: int = 2, min_facts: int = 5) -> list[HeldOut]:
    examples = load_corpus(samples)
    keys = {ex.id: _keys(ex.text) for ex in examples}
    held: list[HeldOut] = []
    for ex in examples:
        headings: list[str] = []
        facts: list[str] = []
        sections: list[int] = []
        for block in structure(ex.text):
            if block.role != "body" or not block.path:
                continue
            top = block.path[0]
            if top not in headings:
                headings.append(top)
            for fact in _facts_of(block.lines):
                facts.append(fact)
                sections.append(headings.index(top))
        used = sorted(set(sections))
        if len(used) < min_sections or len(facts) < min_facts:
            continue
        facts, sections = _even_sample(facts, sections, MAX_FACTS)
        copies = {other.id for other in examples if other.id != ex.id
                  and len(keys[ex.id] & keys[other.id]) >= 0.3 * max(1, min(len(keys[ex.id]), len(keys[other.id])))}
        held.append(HeldOut(ex.id, ex.title, ex.kind, facts, sections,
                            [without_number(h).lstrip("：: ") for h in headings], copies))
    return held


def random_fact_lists(samples: Path, count: int = 200, seed: int = 20) -> list[list[str]]:
    """`count` lists of 5-40 facts sampled across the whole corpus (any summary, any section)."""
    pool = []
    for ex in load_corpus(samples):
        for block in structure(ex.text):
            if block.role == "body":
                pool += _facts_of(block.lines)
    pool = list(dict.fromkeys(pool))
    rng = random.Random(seed)
    return [rng.sample(pool, rng.randint(5, 40)) for _ in range(count)]
