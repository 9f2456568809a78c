"""Cut what carries a section's problems (bad numbers, placeholders, copied runs) out of a reply.

A copied run takes its whole sentence with it. A bad number takes only its clause when the sentence also holds a
number the facts support ("2025年2月，工会召开职代会，收集提案37件。" keeps "工会召开职代会，收集提案37件。"),
so one invented date does not cost the fact it was attached to; otherwise the whole sentence goes.
"""

from __future__ import annotations

import re

from drafter.models import CheckResult

_SENTENCE = re.compile(r"[^。！？；!?;\n]*[。！？；!?;]?\n?")
_CLAUSE = re.compile(r"[^，,：:]*[，,：:]?")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, delimiters included."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.end() > m.start()]


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each comma clause of text[start:end], delimiters included."""
    return [(start + m.start(), start + m.end()) for m in _CLAUSE.finditer(text[start:end]) if m.end() > m.start()]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _without_bad_clauses(text: str, start: int, end: int, bad: list[tuple[int, int]]) -> str:
    """The sentence text[start:end] minus its clauses that hold a bad number, ending as the sentence did."""
    kept = "".join(text[a:b] for a, b in _clauses(text, start, end) if not _overlaps(bad, a, b))
    ending = text[start:end].rstrip("\n")[-1:]
    body = kept.rstrip("\n").rstrip("，,：:。！？；!?;")
    newline = "\n" if text[start:end].endswith("\n") else ""
    return body + (ending if ending in "。！？；!?;" else "") + newline


def prune(text: str, check: CheckResult, copies: list[str]) -> str:
    """`text` without the clauses (or sentences) that hold an unsupported/mismatched/placeholder number and
    without every sentence holding a copied run."""
    bad = [(hit.start, hit.end) for hit in check.numbers if hit.status != "supported"]
    good = [(hit.start, hit.end) for hit in check.numbers if hit.status == "supported"]
    copied = [(start, start + len(run)) for run in copies if (start := text.find(run)) >= 0]
    kept: list[str] = []
    for start, end in sentences(text):
        if _overlaps(copied, start, end):
            continue
        if not _overlaps(bad, start, end):
            kept.append(text[start:end])
        elif _overlaps(good, start, end):
            kept.append(_without_bad_clauses(text, start, end, bad))
    pruned = "".join(kept).strip()
    return pruned[:-1] + "。" if pruned.endswith(("；", ";")) else pruned
