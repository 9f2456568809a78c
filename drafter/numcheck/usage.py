"""Facts ↔ draft: which fact is used where (for the reviewer's view).

A fact with numbers is used when at least one of its numbers is matched in the draft; its spans are those
draft numbers. A fact without numbers is used when at least half of its content words (character bigrams
of its Chinese text, at least two) appear in one draft sentence; its spans are those sentences.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from drafter.domain.facts import clean_fact_lines
from drafter.models import CheckResult
from drafter.numcheck.context import bigrams
from drafter.numcheck.lexicon import Lexicon, load_lexicon
from drafter.numcheck.match import FactIndex, draft_candidates
from drafter.numcheck.mention import covers, matches
from drafter.numcheck.scanner import extract_numbers
from textkit.sentences import sentence_spans

MIN_SHARE = 0.5


class FactUsage(BaseModel):
    fact_line: int = Field(..., description="1-based position among the cleaned facts")
    text: str
    used: bool
    spans: list[tuple[int, int]] = Field(default_factory=list,
                                         description="(start, end) code-point offsets into the draft")


def fact_usage(facts: list[str], draft: str, result: CheckResult | None = None,
               lexicon: Lexicon | None = None) -> list[FactUsage]:
    """One FactUsage per cleaned fact, in order. `result` (the check of the same draft) is optional."""
    lexicon = lexicon or load_lexicon()
    drafted = FactIndex()
    for mention in extract_numbers(draft, lexicon):
        drafted.add(0, mention)
    flagged = {(h.start, h.end) for h in (result.numbers if result else []) if h.status == "placeholder"}
    sentences = [(s, e, bigrams(draft[s:e])) for s, e in sentence_spans(draft, line_breaks=False)]
    out: list[FactUsage] = []
    for line, text in enumerate(clean_fact_lines(facts), 1):
        numbers = extract_numbers(text, lexicon)
        if numbers:
            spans = sorted({(d.start, d.end) for f in numbers for _, d in draft_candidates(drafted, f)
                            if (d.start, d.end) not in flagged and (covers(d, f) or matches(d, f)[0])})
        else:
            spans = _sentences_like(text, sentences)
        out.append(FactUsage(fact_line=line, text=text, used=bool(spans), spans=spans))
    return out


def _sentences_like(fact: str, sentences: list[tuple[int, int, set[str]]]) -> list[tuple[int, int]]:
    words = bigrams(fact)
    if len(words) < 2:
        return []
    need = max(2, MIN_SHARE * len(words))
    return [(start, end) for start, end, seen in sentences if len(words & seen) >= need]
