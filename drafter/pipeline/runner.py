"""The drafting pipeline: plan → retrieve → write → verify → repair, as one stream of events."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from drafter.models import DraftEvent, DraftRequest, DraftResult, SectionResult, SourceRef, TokenUsage
from drafter.pipeline.assemble import final_check
from drafter.pipeline.plan import Plan, Planner
from drafter.pipeline.references import LOCAL_REFERENCE_CHARS, find_references, sources_of
from drafter.pipeline.themes import load_book
from drafter.pipeline.verify import verification_inputs
from drafter.pipeline.writer import SectionWriter
from drafter.providers.base import ChatModel
from drafter.settings import Settings

_DONE = object()


class Pipeline:
    """`Pipeline(settings, library, model)`; model None is the template provider."""

    def __init__(self, settings: Settings, library, model: ChatModel | None, provider_note: str | None = None) -> None:
        self.settings = settings
        self.library = library
        self.model = model
        self.provider_note = provider_note
        self.book = load_book()  # themes.toml, parsed once per process (a cache keyed by path)

    @property
    def provider(self) -> str:
        return self.model.name if self.model is not None else "template"

    def run(self, request: DraftRequest) -> DraftResult:
        result = None
        for event in self.events(request):
            if event.type == "done":
                result = DraftResult.model_validate(event.data["result"])
        assert result is not None  # events() always ends with `done`
        return result

    def events(self, request: DraftRequest) -> Iterator[DraftEvent]:
        started = time.perf_counter()
        facts, context = verification_inputs(request, self.settings)
        plan = self.plan(request)
        warnings = ([self.provider_note] if self.provider_note else []) + plan.warnings
        yield DraftEvent(type="plan", data=self._plan_data(plan, warnings))
        writer = SectionWriter(self.settings, self.model, request, plan, context)
        results: dict[int, SectionResult] = {}
        for event in self._write_all(writer, plan):
            if event.type == "section_done":
                results[event.data["index"]] = SectionResult.model_validate(event.data["section"])
            yield event
        sections = [results[i] for i in range(len(plan.sections))]
        text, check = final_check(writer, plan, sections, facts, context)
        yield DraftEvent(type="check", data={"check": check.model_dump()})
        used = {s.provider for s in sections if not s.fallback} - {"template"}
        result = DraftResult(text=text, sections=sections, check=check, sources=self._sources(plan),
                             provider=self.provider if used or self.model is None else "template",
                             elapsed_s=round(time.perf_counter() - started, 3),
                             warnings=warnings + _fallback_warnings(sections), usage=_usage(sections))
        yield DraftEvent(type="done", data={"result": result.model_dump()})

    # --- planning --------------------------------------------------------------------------
    def plan(self, request: DraftRequest) -> Plan:
        plan = Planner(self.settings, self.library, self.book).plan(request)
        if self.model is None:
            return plan  # templates need no style references
        wanted = (self.settings.references_per_section if self.model.concurrent
                  else self.settings.local_references_per_section)
        count = min(3, max(1, wanted))
        limit = None if self.model.concurrent else LOCAL_REFERENCE_CHARS
        for section in plan.sections:
            try:  # body sections get `count` references; the short parts (opening, closing …) one
                section.references = find_references(self.library, request, plan, section,
                                                      count if section.role == "body" else 1, limit)
            except Exception as exc:  # references only shape style; the section is still written
                plan.warnings.append(f"“{section.title or section.role}”未能检索到参考范文：{exc}")
        return plan

    def _sources(self, plan: Plan) -> list[SourceRef]:
        """The style references given to the model; for templates, the examples whose structure was followed."""
        if self.model is not None or self.library is None:
            return sources_of(plan)
        refs = []
        for example_id in plan.order_examples:
            try:
                example = self.library.get_example(example_id)
            except Exception:
                example = None
            if example is not None:
                refs.append(SourceRef(title=example.title, source=example.source, heading=""))
        return refs

    @staticmethod
    def _plan_data(plan: Plan, warnings: list[str]) -> dict:
        return {"sections": [{"index": i, "role": s.role, "heading": s.heading, "theme": s.theme,
                              "facts": s.fact_lines, "references": [h.source for h in s.references]}
                             for i, s in enumerate(plan.sections)],
                "facts": len(plan.facts), "warnings": warnings}

    # --- writing ---------------------------------------------------------------------------
    def _write_all(self, writer: SectionWriter, plan: Plan) -> Iterator[DraftEvent]:
        if self.model is None or not self.model.concurrent or self.settings.write_concurrency <= 1:
            for index, section in enumerate(plan.sections):
                yield from writer.write(index, section)
            return
        yield from self._write_concurrently(writer, plan)

    def _write_concurrently(self, writer: SectionWriter, plan: Plan) -> Iterator[DraftEvent]:
        """Sections written by a bounded thread pool; their events are passed on as they come."""
        events: queue.Queue = queue.Queue()
        stop = threading.Event()

        def work(index: int, section) -> None:
            try:
                for event in writer.write(index, section):
                    if stop.is_set():
                        return
                    events.put(event)
            finally:
                events.put(_DONE)

        workers = max(1, min(self.settings.write_concurrency, len(plan.sections)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="draft-section") as pool:
            for index, section in enumerate(plan.sections):
                pool.submit(work, index, section)
            try:
                remaining = len(plan.sections)
                while remaining:
                    event = events.get()
                    if event is _DONE:
                        remaining -= 1
                    else:
                        yield event
            finally:
                stop.set()


def _usage(sections: list[SectionResult]) -> TokenUsage:
    total = TokenUsage()
    for section in sections:
        total = total.add(section.usage)
    return total


def _fallback_warnings(sections: list[SectionResult]) -> list[str]:
    return [f"{s.heading or '开头/结尾段'}：{s.fallback_reason}" for s in sections if s.fallback and s.fallback_reason]
