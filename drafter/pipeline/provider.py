"""What a provider decides for the draft loop: who writes the sections, whether they get style references, which
sources the draft names, whether sections may be written at once. The template provider (`--provider template`,
ProviderRegistry.resolve gives no model) and a chat model are two strategies of one interface, picked once by
`provider_for`; the loop (runner.Pipeline) has no other branch on the provider."""

from __future__ import annotations

from drafter.models import DraftRequest, SourceRef
from drafter.pipeline.deadline import Deadline
from drafter.pipeline.planned import Plan
from drafter.pipeline.references import LOCAL_REFERENCE_CHARS, find_references, sources_of
from drafter.pipeline.model_titles import ModelTitles
from drafter.pipeline.writer import SectionWriter, system_messages
from drafter.pipeline.writing import TemplateSections
from drafter.providers.base import ChatModel
from drafter.settings import Settings


class TemplateProvider:
    """Every section from the templates, one after another; no style references; the draft names the examples
    whose structure it followed."""

    name = "template"
    concurrent = False

    def attach_references(self, settings: Settings, library, request: DraftRequest, plan: Plan) -> None:
        """Templates need no style references."""

    def sources(self, library, plan: Plan) -> list[SourceRef]:
        if library is None:
            return sources_of(plan)
        refs = []
        for example_id in plan.order_examples:
            try:
                example = library.get_example(example_id)
            except Exception:
                example = None
            if example is not None:
                refs.append(SourceRef(title=example.title, source=example.source, heading=""))
        return refs

    def writer(self, settings: Settings, request: DraftRequest, plan: Plan, context: list[str],
               deadline: Deadline | None = None) -> TemplateSections:
        return TemplateSections(settings, request, plan, context)  # no model call: nothing for a deadline to stop

    def titler(self, settings: Settings, request: DraftRequest, deadline: Deadline) -> ModelTitles | None:
        """Who heads the sections no example heading fits well: the templates' rules alone."""
        return None


class ModelProvider(TemplateProvider):
    """Sections written by a chat model (sentence by sentence, checked, repaired; the template as fallback), with
    style references from the library; the draft names those references."""

    def __init__(self, model: ChatModel) -> None:
        self.model = model
        self.name = model.name
        self.concurrent = model.concurrent

    def attach_references(self, settings: Settings, library, request: DraftRequest, plan: Plan) -> None:
        wanted = settings.references_per_section if self.concurrent else settings.local_references_per_section
        count = min(3, max(1, wanted))
        limit = None if self.concurrent else LOCAL_REFERENCE_CHARS
        for section in plan.sections:
            try:  # body sections get `count` references; the short parts (opening, closing …) one
                section.references = find_references(library, request, plan, section,
                                                      count if section.role == "body" else 1, limit)
            except Exception as exc:  # references only shape style; the section is still written
                plan.warnings.append(f"“{section.title or section.role}”未能检索到参考范文：{exc}")

    def sources(self, library, plan: Plan) -> list[SourceRef]:
        return sources_of(plan)

    def titler(self, settings: Settings, request: DraftRequest, deadline: Deadline) -> ModelTitles | None:
        """The model, asked within the draft's deadline (model_titles.py), unless DRAFTER_MODEL_HEADINGS=off."""
        if settings.model_headings == "off":
            return None
        return ModelTitles(self.model, request.org or "工会", system_messages(), ends=deadline.expires,
                           stopped=deadline.passed)

    def writer(self, settings: Settings, request: DraftRequest, plan: Plan, context: list[str],
               deadline: Deadline | None = None) -> SectionWriter:
        return SectionWriter(settings, self.model, request, plan, context, deadline)


def provider_for(model: ChatModel | None) -> TemplateProvider:
    """The strategy for a resolved provider: no model is the template provider."""
    return TemplateProvider() if model is None else ModelProvider(model)
