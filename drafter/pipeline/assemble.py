"""Join the sections into the draft (title, opening, numbered sections, closing) and check the whole draft."""

from __future__ import annotations

import re

from drafter.models import CheckResult, SectionResult
from drafter.pipeline.defects import sentences
from drafter.pipeline.planned import Plan
from drafter.pipeline.writing import TemplateSections
from textkit.sentences import NOT_COMPARED

_KEY = NOT_COMPARED


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


def _failing_sections(check: CheckResult, sections: list[SectionResult], spans: list[tuple[int, int]],
                      given: str = "") -> set[int]:
    """The sections holding a number the facts do not bear out (a placeholder the facts carry themselves, xx个,
    is theirs: verify.sound_but_given), a claim, or a fact left out."""
    bad = {i for hit in check.numbers if hit.status != "supported" and not (hit.status == "placeholder"
                                                                             and hit.text in given)
           for i, (start, end) in enumerate(spans) if start <= hit.start < end}
    bad |= {i for claim in check.claims if claim.kind != "heading"  # issue 19: claims fail a section too
            for i, (start, end) in enumerate(spans) if start <= claim.start < end}
    for missing in check.missing:
        bad |= {i for i, s in enumerate(sections) if missing.fact_line in s.facts}
    return bad


def final_check(writer: TemplateSections, plan: Plan, sections: list[SectionResult], facts: list[str],
                context: list[str], judge=None) -> tuple[str, CheckResult]:
    """The whole draft against all facts (+ context). Sections each passed their own check, so this normally
    passes; if not, the failing sections are replaced by the writer's template rendering (in place) and it runs
    again: the same check and the same fallback the writer applies to each section.
    `judge(facts, context, text, result)`: the claim check's second stage (issue 19), before sections are judged
    failing, so a claim the model clears does not cost its section."""
    from drafter.numcheck import check

    _without_repeats(writer, plan, sections)
    title = writer.templates.title()
    text, spans = assemble(title, sections)
    result = check(facts, text, context=context, lexicon=writer.lexicon)
    if judge is not None and result.claims:
        result = judge(facts, context, text, result)
    bad = _failing_sections(result, sections, spans, "".join(facts)) if not result.faithful else set()
    bad = {i for i in bad if sections[i].provider != "template"}
    if bad:
        for i in bad:
            sections[i] = writer.template_result(plan.sections[i], sections[i].attempts,  # tokens spent stay counted
                                                 "全文核对发现本节有数字不符或事实中没有的内容，本节改用模板",
                                                 sections[i].repairs, sections[i].usage)
        text, _ = assemble(title, sections)
        result = check(facts, text, context=context, lexicon=writer.lexicon)
        if judge is not None and result.claims:
            result = judge(facts, context, text, result)  # verdicts cached from the first pass
    return text, result


def _without_repeats(writer: TemplateSections, plan: Plan, sections: list[SectionResult]) -> None:
    """A frame sentence (no digits) that an earlier section already has is dropped (a model likes to open every
    section alike); a section left empty by that takes its template rendering."""
    seen: set[str] = set()
    for i, section in enumerate(sections):
        kept = []
        for number, sentence in enumerate(sentences(section.text)):
            key = _KEY.sub("", sentence)
            if key in seen and not any(ch.isdigit() for ch in sentence):
                lead = writer.templates.lead(plan.sections[i]) if number == 0 and section.facts else ""
                if not lead or _KEY.sub("", lead) in seen:
                    continue
                sentence, key = lead, _KEY.sub("", lead)
            seen.add(key)
            kept.append(sentence)
        text = "".join(kept)
        if text != section.text.replace("\n", ""):
            sections[i] = (section.model_copy(update={"text": text}) if text
                           else writer.template_result(plan.sections[i], section.attempts, None, section.repairs,
                                                       section.usage))
