"""Join the sections into the draft (title, opening, numbered sections, closing) and check the whole draft."""

from __future__ import annotations

from drafter.models import CheckResult, SectionResult
from drafter.pipeline.plan import Plan


def assemble(title: str, sections: list[SectionResult]) -> tuple[str, list[tuple[int, int]]]:
    """The draft text and each section's (start, end) span in it (heading included)."""
    parts = [title]
    spans: list[tuple[int, int]] = []
    offset = len(title)
    for section in sections:
        block = f"{section.heading}\n{section.text}" if section.heading else section.text
        offset += 2  # the blank line between blocks
        spans.append((offset, offset + len(block)))
        parts.append(block)
        offset += len(block)
    return "\n\n".join(parts), spans


def _failing_sections(check: CheckResult, sections: list[SectionResult], spans: list[tuple[int, int]]) -> set[int]:
    bad = {i for hit in check.numbers if hit.status != "supported"
           for i, (start, end) in enumerate(spans) if start <= hit.start < end}
    for missing in check.missing:
        bad |= {i for i, s in enumerate(sections) if missing.fact_line in s.facts}
    return bad


def final_check(writer, plan: Plan, sections: list[SectionResult], facts: list[str],
                context: list[str]) -> tuple[str, CheckResult]:
    """The whole draft against all facts (+ context). Sections each passed their own check, so this normally
    passes; if not, the failing sections are replaced by their template rendering (in place) and it runs again."""
    from drafter.numcheck import check

    title = writer.templates.title()
    text, spans = assemble(title, sections)
    result = check(facts, text, context=context, lexicon=writer.lexicon)
    bad = _failing_sections(result, sections, spans) if not result.ok else set()
    bad = {i for i in bad if sections[i].provider != "template"}
    if bad:
        for i in bad:
            sections[i] = writer.template_result(plan.sections[i], sections[i].attempts,
                                                 "全文核对发现本节数字有误，本节改用模板")
        text, _ = assemble(title, sections)
        result = check(facts, text, context=context, lexicon=writer.lexicon)
    return text, result
