"""A bank heading's own matter: words of it that no other example writes and the section's facts do not.

A heading of the bank is another union's words. Its frame (加强, 建设, 畅通渠道, 文化生活 …) recurs across the
examples, so borrowing it asserts nothing of the facts; a word that no other example writes, in a heading or a
sentence, is that union's own matter (核算 of 经费管理，进行基层工会经费集中核算: one district's pooled accounting),
and a draft heads a section with it only when the section's facts write it. The claim check alone let it pass: the
heading's other words are the facts' (基层工会, 经费).
"""

from __future__ import annotations

from collections import defaultdict
from weakref import WeakKeyDictionary

from drafter.numcheck.words import words

SHORTEST = 2  # single characters are function words or parts of longer ones
# a thing or an activity named by a noun (核算, 聚餐, 物业管理, 非典); verbs, idioms and adjectives are the
# examples' manner (因地制宜, 热情高涨, 锻造, 亲切), which the claim check judges as frame
NAMING_TAGS = frozenset({"n", "nz", "vn", "nt", "ns", "b", "j"})
FEWEST_EXAMPLES = 10  # in a smaller library most words are one example's: the count tells nothing there
_TABLES: WeakKeyDictionary = WeakKeyDictionary()  # word -> example ids, per whole corpus's sentences object


def _examples_of(bank) -> dict[str, frozenset[str]]:
    """Which examples write each word, in a heading or a section sentence (the whole library's, read once: a bank
    without some examples shares its sentences' source)."""
    root = bank.sentences.whole
    table = _TABLES.get(root)
    if table is None:
        found: dict[str, set[str]] = defaultdict(set)
        pairs = list(zip(root.texts, root.examples)) + [(e.text, e.example_id) for e in bank.entries]
        for text, example in pairs:
            for _, _, word, _ in words(text):
                if len(word) >= SHORTEST:
                    found[word].add(example)
        table = _TABLES[root] = {word: frozenset(ids) for word, ids in found.items()}
    return table


def own_matter(bank, heading: str, facts: list[str]) -> list[str]:
    """The heading's words that at most one visible example writes and no fact does (none in a library of fewer
    than FEWEST_EXAMPLES examples)."""
    visible = bank.shapes.keys()
    if len(visible) < FEWEST_EXAMPLES:
        return []
    table = _examples_of(bank)
    text = "".join(facts)
    return [word for _, _, word, tag in words(heading) if len(word) >= SHORTEST and tag in NAMING_TAGS
            and word not in text and sum(1 for example in table.get(word, ()) if example in visible) <= 1]
