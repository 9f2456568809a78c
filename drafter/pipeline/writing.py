"""The section writer every provider shares, and the template provider's own: each section rendered from
prompts/template/ (instant, always faithful). A model's writer (writer.SectionWriter) extends it, so the same
renderings stand in for a model section that fails its check, and for one the whole-draft check rejects
(assemble.final_check takes this interface): one writer, one check, one repair."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.models import CheckResult, DraftEvent, DraftRequest, SectionResult, TokenUsage
from drafter.numcheck import lexicon_for
from drafter.pipeline.planned import Plan, PlannedSection
from drafter.pipeline.template import TemplateWriter
from drafter.pipeline.verify import check_section
from drafter.settings import Settings


class TemplateSections:
    """Writes a draft's sections (`write`: events ending in section_done), checks a section's text against its own
    facts (`check`), and gives any section's template rendering (`template_result`, the fallback)."""

    provider = "template"  # the name a section written here carries

    def __init__(self, settings: Settings, request: DraftRequest, plan: Plan, context: list[str]) -> None:
        self.settings = settings
        self.request = request
        self.plan = plan
        self.context = context
        self.templates = TemplateWriter(request, plan)
        self.lexicon = lexicon_for(settings)  # the shipped lexicon plus DRAFTER_NUMBERS_LEXICON

    def write(self, index: int, section: PlannedSection) -> Iterator[DraftEvent]:
        """Events of one section; the last is section_done with the SectionResult."""
        yield self.started(index, section, 1)
        yield self.done(index, section, self.template_result(section))

    def check(self, section: PlannedSection, text: str) -> CheckResult:
        """A body section against its own facts; a frame section (opening, closing …: no facts of its own) may
        name any fact's numbers, e.g. the opening listing a heading made of a fact's words (第五届…第二次会议)."""
        context = self.context if section.fact_lines else [*self.context, *self.plan.facts]
        return check_section(self.plan.facts, context, text, section.fact_lines, self.lexicon)

    def template_result(self, section: PlannedSection, attempts: int = 1, reason: str | None = None,
                        repairs: list[str] | None = None, usage: TokenUsage | None = None) -> SectionResult:
        """The section's template rendering; `reason` marks it as a fallback, `usage` keeps what a model spent."""
        text = self.templates.render(section)
        return SectionResult(heading=section.heading, text=text, facts=section.fact_lines, provider="template",
                             attempts=attempts, fallback=reason is not None, fallback_reason=reason,
                             check=self.check(section, text), repairs=list(dict.fromkeys(repairs or [])),
                             usage=usage or TokenUsage())

    @staticmethod
    def started(index: int, section: PlannedSection, attempt: int) -> DraftEvent:
        return DraftEvent(type="section_started", data={"index": index, "heading": section.heading,
                                                        "role": section.role, "attempt": attempt})

    @staticmethod
    def done(index: int, section: PlannedSection, result: SectionResult) -> DraftEvent:
        return DraftEvent(type="section_done", data={"index": index, "role": section.role,
                                                      "section": result.model_dump()})
