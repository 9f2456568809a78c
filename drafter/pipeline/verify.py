"""Inputs of every check of a request's draft, and the per-section check."""

from __future__ import annotations

from collections.abc import Sequence

from drafter.models import CheckResult, DraftRequest, NumberHit
from drafter.settings import Settings


def drafted_fact_count(request: DraftRequest, settings: Settings | None = None) -> int:
    """How many of the request's facts are drafted (the first settings.max_facts)."""
    return len(request.facts) if settings is None else min(len(request.facts), max(1, settings.max_facts))


def verification_inputs(request: DraftRequest, settings: Settings | None = None) -> tuple[list[str], list[str]]:
    """(facts, context) for every check of a draft of this request: the drafted facts, and as context (numbers it
    supports are fine, never reported missing) the org, period, topic, problems, plans and any facts beyond the cap."""
    count = drafted_fact_count(request, settings)
    context = [request.org, request.period, *([request.topic] if request.topic else [])]
    context += [*request.problems, *request.plans, *request.facts[count:]]
    return list(request.facts[:count]), context


def check_section(facts: Sequence[str], context: Sequence[str], text: str, lines: Sequence[int],
                  lexicon=None) -> CheckResult:
    """Check one section against its own facts (`lines`: fact_line numbers, 1-based, into `facts`) and the
    context: a number from another section's fact is not supported here. Fact lines in the result are global."""
    from drafter.numcheck import check

    own = [facts[line - 1] for line in lines]
    result = check(own, text, context=list(context), lexicon=lexicon)
    to_global = dict(enumerate(lines, start=1))
    numbers = [_renumber(hit, to_global) if hit.fact_line else hit for hit in result.numbers]
    missing = [m.model_copy(update={"fact_line": to_global[m.fact_line]}) for m in result.missing]
    ok = all(hit.status == "supported" for hit in numbers) and not missing  # also for sections without facts
    sentences = [t.model_copy(update={"fact_lines": [to_global.get(n, n) for n in t.fact_lines]})
                 for t in result.sentences]
    return CheckResult(ok=ok, numbers=numbers, missing=missing, claims=result.claims, sentences=sentences,
                       faithful=ok and not result.claims)


def says_only(facts: Sequence[str], text: str, lexicon=None) -> bool:
    """`text` (a heading or a frame sentence) asserts nothing the facts do not give: the check finds no claim."""
    from drafter.numcheck import check

    return not check(list(facts), text, lexicon=lexicon).claims


def _renumber(hit: NumberHit, to_global: dict[int, int]) -> NumberHit:
    line = to_global.get(hit.fact_line, hit.fact_line)
    note = hit.note.replace(f"第{hit.fact_line}行", f"第{line}行", 1) if hit.note else hit.note
    return hit.model_copy(update={"fact_line": line, "note": note})
