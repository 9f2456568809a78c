"""The drafting pipeline: plan → retrieve → write → verify → repair, as one stream of events."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from drafter.domain.cut_facts import cut_notes, mend
from drafter.models import DraftEvent, DraftRequest, DraftResult, SectionResult, TokenUsage
from drafter.pipeline.assemble import final_check
from drafter.pipeline.deadline import Deadline
from drafter.pipeline.model_titles import ModelTitles
from drafter.pipeline.plan import Plan, Planner
from drafter.pipeline.provider import provider_for
from drafter.pipeline.themes import load_book
from drafter.pipeline.verify import verification_inputs
from drafter.pipeline.writing import TemplateSections
from drafter.providers.base import ChatModel
from drafter.settings import Settings

_DONE = object()


class Pipeline:
    """`Pipeline(settings, library, model)`; no model is the template provider (provider.provider_for).

    One path: plan (Planner, the provider's style references) → write each section (the provider's writer checks
    every sentence against its facts and repairs or falls back to the template) → check the whole draft
    (assemble.final_check, through the same writer's template renderings) → result."""

    def __init__(self, settings: Settings, library, model: ChatModel | None, provider_note: str | None = None,
                 judge=None, cancel: threading.Event | None = None) -> None:
        """`judge(facts, context, text, result) -> CheckResult`: the claim judge for the final check (service).
        `cancel` is set when the client has gone: the draft then ends as at its deadline."""
        self.judge = judge
        self.deadline: Deadline | None = None  # the draft's, from the start of planning (events())
        self.titler: ModelTitles | None = None  # the model's heading calls of the last plan (model_titles.py)
        self.settings = settings
        self.cancel = cancel
        self.library = library
        self.model = model
        self.writing = provider_for(model)
        self.provider_note = provider_note
        self.book = load_book()  # themes.toml, parsed once per process (a cache keyed by path)

    @property
    def provider(self) -> str:
        return self.writing.name

    def run(self, request: DraftRequest) -> DraftResult:
        result = None
        for event in self.events(request):
            if event.type == "done":
                result = DraftResult.model_validate(event.data["result"])
        assert result is not None  # events() always ends with `done`
        return result

    def events(self, request: DraftRequest) -> Iterator[DraftEvent]:
        started = time.perf_counter()
        deadline = self.deadline = Deadline(self.settings.draft_deadline_s, self.cancel)  # not the queue's wait
        notes, request = cut_notes(request.facts), mended(request)
        facts, context = verification_inputs(request, self.settings)
        plan = self.plan(request)
        warnings = ([self.provider_note] if self.provider_note else []) + notes + plan.warnings
        yield DraftEvent(type="plan", data=self._plan_data(plan, warnings))
        writer = self.writing.writer(self.settings, request, plan, context, deadline)
        results: dict[int, SectionResult] = {}
        for event in self._write_all(writer, plan):
            if event.type == "section_done":
                results[event.data["index"]] = SectionResult.model_validate(event.data["section"])
            yield event
        sections = [results[i] for i in range(len(plan.sections))]
        text, check = final_check(writer, plan, sections, facts, context, self.judge)
        yield DraftEvent(type="check", data={"check": check.model_dump()})
        used = {s.provider for s in sections if not s.fallback} - {"template"}  # all fell back: a template draft
        result = DraftResult(text=text, sections=sections, check=check,
                             sources=self.writing.sources(self.library, plan),
                             provider=self.provider if used else "template",
                             elapsed_s=round(time.perf_counter() - started, 3),
                             warnings=warnings + _fallback_warnings(sections),
                             usage=_usage(sections).add(self.titler.usage if self.titler else TokenUsage()))
        yield DraftEvent(type="done", data={"result": result.model_dump()})

    # --- planning --------------------------------------------------------------------------
    def plan(self, request: DraftRequest) -> Plan:
        """The plan (`outline`) with the provider's style references attached to its sections."""
        plan = self._outline(request)
        self.writing.attach_references(self.settings, self.library, request, plan)
        return plan

    def outline(self, request: DraftRequest) -> Plan:
        """The sections, headings and facts the draft will have (POST /v1/plan and the page's outline show this
        very plan, of the facts without their cut words, with a note of each: domain.cut_facts)."""
        plan = self._outline(mended(request))
        plan.warnings[:0] = cut_notes(request.facts)
        return plan

    def _outline(self, request: DraftRequest) -> Plan:
        """The plan of `request` as it is: with a model, the sections no example heading fits well get the model's
        heading when it passes the heading rules (model_titles.py; its calls' cost is `self.titler`'s and counts
        into the draft's usage)."""
        deadline = self.deadline or Deadline(self.settings.draft_deadline_s, self.cancel)
        self.titler = self.writing.titler(self.settings, request, deadline)
        return Planner(self.settings, self.library, self.book, self.titler).plan(request)

    @staticmethod
    def _plan_data(plan: Plan, warnings: list[str]) -> dict:
        return {"sections": [{"index": i, "role": s.role, "heading": s.heading, "theme": s.theme,
                              "facts": s.fact_lines, "references": [h.source for h in s.references]}
                             for i, s in enumerate(plan.sections)],
                "facts": len(plan.facts), "warnings": warnings}

    # --- writing ---------------------------------------------------------------------------
    def _write_all(self, writer: TemplateSections, plan: Plan) -> Iterator[DraftEvent]:
        if not self.writing.concurrent or self.settings.write_concurrency <= 1:
            for index, section in enumerate(plan.sections):
                yield from writer.write(index, section)
            return
        yield from self._write_concurrently(writer, plan)

    def _write_concurrently(self, writer: TemplateSections, plan: Plan) -> Iterator[DraftEvent]:
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


def mended(request: DraftRequest) -> DraftRequest:
    """The request whose facts leave out the words a cut left (domain.cut_facts); the same request when none."""
    facts = [mend(fact) for fact in request.facts]
    return request if facts == request.facts else request.model_copy(update={"facts": facts})


def _usage(sections: list[SectionResult]) -> TokenUsage:
    total = TokenUsage()
    for section in sections:
        total = total.add(section.usage)
    return total


def _fallback_warnings(sections: list[SectionResult]) -> list[str]:
    return [f"{s.heading or '开头/结尾段'}：{s.fallback_reason if s.fallback else s.cut_note}" for s in sections
            if (s.fallback and s.fallback_reason) or (not s.fallback and s.cut_note)]
