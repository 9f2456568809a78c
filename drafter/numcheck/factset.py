"""The work a check does on its facts alone, done once per fact list: `fact_set(facts, context, lexicon)`.

A FactSet holds the cleaned fact and context lines, their numbers indexed for lookup (FactIndex) and their
words (support.Support). It depends only on the facts, the context and the lexicon, and nothing in a check
changes it, so repeated checks against the same facts (a draft re-checked as it is edited, each sentence of a
section checked on its own) reuse it: the lexicon owns a bounded LRU of fact sets (Lexicon.fact_sets, keyed by
the facts and context as given). Very long fact lists are not kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from drafter.domain.facts import clean_fact_lines
from drafter.numcheck.support import Support
from drafter.numcheck.lexicon import Lexicon
from drafter.numcheck.mention import Mention
from drafter.numcheck.scanner import extract_lines, quoted_phrases

MAX_KEPT_CHARS = 50_000  # fact lists longer than this (facts and context together) are not kept


@dataclass
class FactIndex:
    """Mentions of the facts (line >= 1) or of the context lines (line 0), indexed for lookup."""

    mentions: list[tuple[int, Mention]] = field(default_factory=list)
    exact: dict[tuple, list[tuple[int, Mention]]] = field(default_factory=lambda: defaultdict(list))
    by_group: dict[str | None, list[tuple[int, Mention]]] = field(default_factory=lambda: defaultdict(list))
    by_value: dict[float, list[tuple[int, Mention]]] = field(default_factory=lambda: defaultdict(list))
    lines: list[str] = field(default_factory=list)  # the lines indexed (those without numbers too), in order

    def add(self, line: int, mention: Mention) -> None:
        item = (line, mention)
        self.mentions.append(item)
        self.by_group[mention.group].append(item)
        if mention.value is not None and mention.key is None:
            self.by_value[round(mention.value, 6)].append(item)
        if mention.key is None and not mention.approximate and mention.value is not None:
            self.exact[(mention.group, round(mention.value, 6))].append(item)

    def candidates(self, draft: Mention) -> list[tuple[int, Mention]]:
        """Fact mentions that could prove `draft` (a superset; `matches` decides)."""
        if draft.key is None and not draft.approximate and draft.value is not None:
            hits = self.exact.get((draft.group, round(draft.value, 6)), [])
            if hits:
                return hits
        groups = {draft.group, None, "个"} if draft.key is None else {draft.group}
        if draft.group in (None, "个") and draft.key is None:
            groups = set(self.by_group)
        return [item for g in groups for item in self.by_group.get(g, ())]


def index_lines(lines: Sequence[str], lexicon: Lexicon, first_line: int = 1) -> FactIndex:
    index = FactIndex(lines=list(lines) if first_line else [])
    for offset, mentions in enumerate(extract_lines(lines, lexicon)):
        for mention in mentions:
            index.add(first_line + offset if first_line else 0, mention)
    return index


@dataclass(frozen=True, eq=False)
class FactSet:
    facts: list[str]  # cleaned (fact_line = position among them)
    context: list[str]  # cleaned context lines (period, organisation …)
    index: FactIndex
    context_index: FactIndex
    support: Support
    phrases: frozenset[str] = frozenset()  # slogans with a numeral the facts quote (四个好): none a quantity

    @property
    def ranked(self) -> bool:
        """Does a fact or context line state a rank (第一名 …)?"""
        return bool(self.index.by_group.get("名次") or self.context_index.by_group.get("名次"))


def build_fact_set(facts: Sequence[str], context: Sequence[str], lexicon: Lexicon) -> FactSet:
    cleaned, lines = clean_fact_lines(facts), clean_fact_lines(context)
    return FactSet(cleaned, lines, index_lines(cleaned, lexicon), index_lines(lines, lexicon, first_line=0),
                   Support(cleaned, lines, _synonyms(lexicon)), quoted_phrases("\n".join([*cleaned, *lines])))


def _synonyms(lexicon: Lexicon) -> dict[str, tuple[str, ...]]:
    faith = lexicon.faith
    return (faith.item_synonyms or {}) if faith is not None else {}


def fact_set(facts: Sequence[str] | str, context: Sequence[str] | str, lexicon: Lexicon) -> FactSet:
    """The fact set of these facts and context lines, from the lexicon's cache when it was built before
    (only lists of strings are kept: other items are cleaned as given, every time)."""
    key = (_key(facts), _key(context))
    if key[0] is None or key[1] is None or sum(map(len, key[0])) + sum(map(len, key[1])) > MAX_KEPT_CHARS:
        return build_fact_set(facts, context, lexicon)
    return lexicon.fact_sets.get(key, lambda: build_fact_set(facts, context, lexicon))


def _key(lines: Sequence[str] | str) -> tuple | None:
    if isinstance(lines, str):
        return ("text", lines)  # a text is split into lines: never equal to a list's key
    lines = tuple(lines)
    return ("lines", *lines) if all(type(line) is str for line in lines) else None
