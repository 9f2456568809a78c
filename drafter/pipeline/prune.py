"""Cut the sentences that carry a section's problems (bad numbers, placeholders, copied runs) out of a reply."""

from __future__ import annotations

import re

from drafter.models import CheckResult

_SENTENCE = re.compile(r"[^。！？；!?;\n]*[。！？；!?;]?\n?")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, delimiters included."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.end() > m.start()]


def prune(text: str, check: CheckResult, copies: list[str]) -> str:
    """`text` without every sentence holding an unsupported/mismatched/placeholder number or a copied run."""
    bad_spans = [(hit.start, hit.end) for hit in check.numbers if hit.status != "supported"]
    for run in copies:
        start = text.find(run)
        if start >= 0:
            bad_spans.append((start, start + len(run)))
    kept = [text[s:e] for s, e in sentences(text) if not any(a < e and s < b for a, b in bad_spans)]
    pruned = "".join(kept).strip()
    return pruned[:-1] + "。" if pruned.endswith(("；", ";")) else pruned
