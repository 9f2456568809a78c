"""Inputs of every check of a request's draft, the per-section check, and the problems named for a repair."""

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


def check_section(facts: Sequence[str], context: Sequence[str], text: str, required: Sequence[int]) -> CheckResult:
    """Check one section: every number must be supported by some fact or the context; only the facts in
    `required` (fact_line numbers, 1-based) must appear in it."""
    from drafter.numcheck import check

    result = check(list(facts), text, context=list(context))
    wanted = set(required)
    missing = [m for m in result.missing if m.fact_line in wanted]
    ok = all(hit.status == "supported" for hit in result.numbers) and not missing
    return CheckResult(ok=ok, numbers=result.numbers, missing=missing)


def fact_numbers(fact: str) -> list[NumberHit]:
    """The numbers of one fact line (as the number check reads them)."""
    from drafter.numcheck import check

    return list(check([fact], fact).numbers)


def _fact_number_text(fact: str, hit: NumberHit) -> str:
    """The number of `fact` that `hit` should have been: same unit, closest value; else the whole fact."""
    numbers = [n for n in fact_numbers(fact) if n.unit == hit.unit] or fact_numbers(fact)
    if not numbers:
        return fact
    if hit.value is not None:
        numbers.sort(key=lambda n: abs((n.value or 0) - hit.value))
    return numbers[0].text.strip()


def problem_items(check: CheckResult, facts: Sequence[str]) -> list[dict]:
    """The exact problems of a section as data for prompts/problems.j2: kind (mismatch, unsupported, placeholder,
    missing), the fact line, what the fact says and what was written."""
    items: list[dict] = []
    for hit in check.numbers:
        got = hit.text.strip()
        if hit.status == "mismatch" and hit.fact_line and 0 < hit.fact_line <= len(facts):
            expected = _fact_number_text(facts[hit.fact_line - 1], hit)
            items.append({"kind": "mismatch", "line": hit.fact_line, "expected": expected, "got": got, "fact": ""})
        elif hit.status in ("placeholder", "mismatch", "unsupported"):
            kind = "placeholder" if hit.status == "placeholder" else "unsupported"
            items.append({"kind": kind, "line": hit.fact_line or 0, "expected": "", "got": got, "fact": ""})
    for missing in check.missing:
        fact = facts[missing.fact_line - 1] if 0 < missing.fact_line <= len(facts) else missing.text
        expected = "" if missing.text.strip() == fact.strip() else missing.text.strip()
        items.append({"kind": "missing", "line": missing.fact_line, "expected": expected, "got": "", "fact": fact})
    unique = {tuple(sorted(item.items())): item for item in items}
    return list(unique.values())
