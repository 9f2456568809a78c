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
    context: a number from another section's fact is not supported here. Fact lines in the result are global.
    It is also read as the final check reads it (check_part): what fails there fails here."""
    from drafter.numcheck import check

    own = [facts[line - 1] for line in lines]
    result = check(own, text, context=list(context), lexicon=lexicon)
    to_global = dict(enumerate(lines, start=1))
    numbers = [_renumber(hit, to_global) if hit.fact_line else hit for hit in result.numbers]
    missing = [m.model_copy(update={"fact_line": to_global[m.fact_line]}) for m in result.missing]
    sentences = [t.model_copy(update={"fact_lines": [to_global.get(n, n) for n in t.fact_lines]})
                 for t in result.sentences]
    local = result.model_copy(update={"numbers": numbers, "missing": missing, "sentences": sentences})
    return _as_final(local, check(list(facts), text, context=list(context), lexicon=lexicon))


def check_part(facts: Sequence[str], own: Sequence[str], context: Sequence[str], text: str,
               lexicon=None) -> CheckResult:
    """A sentence or lead as the writer checks it (issue 19, one check everywhere): against its own fact lines
    `own` (a number of another fact is not supported here) and as the final check reads it, against all the
    draft's `facts`; a flag of either stands, so text the writer keeps never fails the final check."""
    from drafter.numcheck import check

    local = check(list(own), text, context=list(context), lexicon=lexicon)
    return _as_final(local, check(list(facts), text, context=list(context), lexicon=lexicon))


def _as_final(local: CheckResult, whole: CheckResult) -> CheckResult:
    """`local` with the number flags and claims of `whole` (the same text against all facts) added."""
    flagged = {(h.start, h.end): h for h in whole.numbers if h.status != "supported"}
    numbers = [flagged.get((h.start, h.end), h) if h.status == "supported" else h for h in local.numbers]
    claims = list(local.claims)
    claims += [c for c in whole.claims if not any(c.start < o.end and o.start < c.end for o in local.claims)]
    claims.sort(key=lambda c: (c.start, c.end))
    ok = all(hit.status == "supported" for hit in numbers) and not local.missing  # also for sections without facts
    return local.model_copy(update={"numbers": numbers, "claims": claims, "ok": ok, "faithful": ok and not claims})


def says_only(facts: Sequence[str], text: str, lexicon=None) -> bool:
    """`text` (a heading or a frame sentence) asserts nothing the facts do not give: the check finds no claim."""
    from drafter.numcheck import check

    return not check(list(facts), text, lexicon=lexicon).claims


def _renumber(hit: NumberHit, to_global: dict[int, int]) -> NumberHit:
    line = to_global.get(hit.fact_line, hit.fact_line)
    note = hit.note.replace(f"第{hit.fact_line}行", f"第{line}行", 1) if hit.note else hit.note
    return hit.model_copy(update={"fact_line": line, "note": note})


def sound_but_given(result: CheckResult, given: str) -> bool:
    """The check's numbers hold but for placeholders the facts carry themselves (…新建了村级工会组织xx个, 通过_x名会员
    代表…): the secretary fills those in and the final check still flags them, so they are no fault of the model's
    sentence. Before, every sentence of such a fact was written again and its section fell to the template (held-out
    s001_04, s003_03b, session 26: three of seven sections of two local drafts)."""
    return result.ok or (not result.missing and all(
        hit.status == "supported" or (hit.status == "placeholder" and hit.text in given) for hit in result.numbers))
