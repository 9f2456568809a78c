"""The number check: every number in a draft proven against the facts (issue 3).

Public API (a fixed contract, see docs in the modules):
    check(facts, draft, context=(), lexicon=None) -> CheckResult  (numbers with items, missing, claims,
        sentences, faithful; see drafter.numcheck.items and drafter.numcheck.claims)
    check_sentence(facts, sentence, context=(), lexicon=None) -> CheckResult  (one sentence: numbers and
        claims, missing left empty; for per-sentence repair)
    extract_numbers(text, lexicon=None) -> list[Mention]
    fact_usage(facts, draft, result) -> list[FactUsage]
    human_report(facts, draft, result) -> str
    find_placeholders(text) -> list[(start, end, text)]
    load_lexicon(extra_path=None, faith_extra=None) -> Lexicon; lexicon_for(settings) -> Lexicon (uses
        Settings.numbers_lexicon and Settings.faithful_lexicon)
"""

from drafter.numcheck.lexicon import Lexicon, LexiconError, lexicon_for, load_lexicon
from drafter.numcheck.match import check, check_sentence
from drafter.numcheck.mention import Mention
from textkit.placeholders import find_placeholders
from drafter.numcheck.report import human_report
from drafter.numcheck.scanner import extract_numbers
from drafter.numcheck.usage import FactUsage, fact_usage

__all__ = [
    "FactUsage", "Lexicon", "LexiconError", "Mention", "check", "check_sentence", "extract_numbers", "fact_usage",
    "find_placeholders", "human_report", "lexicon_for", "load_lexicon",
]
