"""Drafting and checking: requests, the number check, the pipeline and readiness.

A part of DrafterService (drafter.service.facade), which provides `settings`, `store`, `library`, `providers`,
`traces`, `jobs` and `queue`, and the other parts' methods."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

from drafter.models import CheckResult, DraftEvent, DraftPlan, DraftRequest, DraftResult


class DraftingService:
    """Mixed into DrafterService."""

    @staticmethod
    def parse_request(data: bytes | str, form: str = "json") -> DraftRequest:
        """A DraftRequest from a JSON body (the API's) or the typed plain-text form, validated with the one
        Chinese message table (drafter.domain.validation); InvalidInput with fields otherwise. Every adapter reads
        requests this way."""
        from drafter.domain.errors import InvalidInput
        from drafter.pipeline import parse_request_text
        from drafter.domain.validation import body_error, decode_utf8, parse_model

        if form == "json":
            return parse_model(DraftRequest, data)
        try:
            return parse_request_text(decode_utf8(data))
        except InvalidInput:
            raise
        except ValueError as exc:  # the text parser's own Chinese message
            raise body_error(str(exc)) from None

    def check(self, facts: list[str], text: str, context: list[str] | None = None,
              judge: bool = False) -> CheckResult:
        """The number check with its exact contract: facts, plus optional context lines (numbers they give
        are not flagged as invented, but are not required either). `judge`: with the claim judge's second stage
        (off by default: a check while typing stays rules-only and fast)."""
        from drafter.numcheck import check

        result = check(facts, text, context=list(context or []), lexicon=self.lexicon())
        return self.judged(facts, list(context or []), text, result) if judge else result

    def lexicon(self):
        """The number-check lexicon for these settings (LexiconError when the extra lexicon file is unusable)."""
        from drafter.numcheck import lexicon_for

        return lexicon_for(self.settings)

    def check_text(self, request: DraftRequest, text: str, judged: str = "no") -> CheckResult:
        """Recheck an (edited) draft against its request: facts, plus period/org/problems/plans as context.
        `judged`: "no" (rules only), "cached" (with the judge's verdicts stored before; no model call: the page
        as the secretary types or a reviewer reads) or "yes" (the judge asks the model where it has no verdict)."""
        from drafter.numcheck import check, lexicon_for
        from drafter.pipeline import verification_inputs

        facts, context = verification_inputs(request, self.settings)
        result = check(facts, text, context=context, lexicon=lexicon_for(self.settings))
        if judged == "no":
            return result
        return self.judged(facts, context, text, result, cached_only=judged != "yes")

    def plan(self, request: DraftRequest, author=None, provider: str | None = None) -> DraftPlan:
        """The outline the pipeline would follow for this request (its own `plan` when it has one), from the
        examples `author` may see, planned as a draft with `provider` (default: the configured one) plans it: with
        a model and DRAFTER_MODEL_HEADINGS=on, the sections no example heading fits get the model's heading (its
        calls take a generation slot: QueueFull when the queue is full). A warning gives the heading calls' cost."""
        from drafter.pipeline.outline import outline_of

        pipeline, _ = self._pipeline(provider, author)
        if pipeline.model is None:
            return outline_of(pipeline.outline(request))
        with self.queue.slot():
            plan = pipeline.outline(request)
        outline = outline_of(plan)
        titler = pipeline.titler
        if titler is not None and titler.calls:
            usage = titler.usage
            outline.warnings.append(f"模型拟定小标题：{usage.calls}次调用，读入{usage.prompt_tokens}个词元、写出"
                                    f"{usage.completion_tokens}个，用时{titler.seconds:.1f}秒，采用"
                                    f"{sum(1 for c in titler.calls if c.heading)}个")
        return outline

    def refuse_long_facts(self, facts: list[str]) -> None:
        """InvalidInput (422) naming every fact line longer than DRAFTER_MAX_FACT_CHARS, as the page says it."""
        from drafter.domain.errors import InvalidInput

        limit = self.settings.max_fact_chars
        long = [i for i, fact in enumerate(facts) if len(fact) > limit]
        if long:
            shown = "、".join(f"第{i + 1}条" for i in long[:10]) + ("等" if len(long) > 10 else "")
            raise InvalidInput(f"{shown}事实超过 {limit} 字，请拆分或精简后再生成",
                               fields=[{"field": f"facts.{i}", "message": f"事实第 {i + 1} 条超过 {limit} 字"}
                                       for i in long[:50]])

    def draft(self, request: DraftRequest, provider: str | None = None, author=None, cancel=None) -> DraftResult:
        """Run the whole pipeline inside a generation slot (QueueFull when the queue is full); with `author`,
        only examples that author may see are retrieved. The model's calls stop at DRAFTER_DRAFT_DEADLINE_S, or
        once `cancel` (a threading.Event) is set: the sections not yet written take their template sentences."""
        self.refuse_long_facts(request.facts)
        with self.queue.slot():
            pipeline, run_id = self._pipeline(provider, author, cancel)
            result = pipeline.run(request)
            check = self.judged_text(request, result.text, result.check, pipeline.model,  # issue 19: 2nd stage
                                     deadline=pipeline.deadline)
            return result.model_copy(update={"run_id": run_id, "check": check})

    def draft_events(self, request: DraftRequest, provider: str | None = None, author=None,
                     cancel=None) -> Iterator[DraftEvent]:
        """The same pipeline as a stream of events; the last event is `done` with the DraftResult. `cancel` (a
        threading.Event, or drafter.pipeline.deadline.Cancel naming why) ends the model's calls as the deadline.

        ProviderUnavailable and QueueFull are raised here, before the first event, so adapters can answer 503/429.
        """
        self.refuse_long_facts(request.facts)
        pipeline, run_id = self._pipeline(provider, author, cancel)
        events = self.judged_events(request, pipeline.events(request), pipeline.model,  # issue 19: 2nd stage
                                    deadline=lambda: pipeline.deadline)
        return self.queue.stream(_with_run_id(events, run_id))

    def _pipeline(self, provider: str | None, author=None, cancel=None):
        """Resolve the provider (ProviderUnavailable if a forced one cannot work) and build the pipeline, its
        model traced under a new run id: (pipeline, run id)."""
        from drafter.pipeline import Pipeline
        from drafter.providers.traced import traced

        resolved = self.providers.resolve(provider or self.settings.provider)
        run_id = uuid.uuid4().hex
        model = traced(resolved.model, self.traces, run_id)
        pipeline = Pipeline(self.settings, self.scoped_library(author), model, provider_note=resolved.note,
                            cancel=cancel)
        if model is not None and self.settings.judge == "on":  # issue 19: the final check's 2nd stage, whose
            pipeline.judge = lambda facts, context, text, result: self.judged(  # calls stop at the deadline
                facts, context, text, result, model, deadline=pipeline.deadline)
        return pipeline, run_id

    def readiness(self) -> dict:
        """Index and provider readiness, for /readyz and the page's status line."""
        chunks = self.library.count()
        providers = self.providers.describe()
        return {"ready": chunks > 0 and any(p["available"] for p in providers.values()),
                "index": {"ok": chunks > 0, "chunks": chunks}, "providers": providers}


def _with_run_id(events: Iterator[DraftEvent], run_id: str) -> Iterator[DraftEvent]:
    """The pipeline's events, the final result stamped with the run id (so storing it links the trace)."""
    for event in events:
        if event.type == "done" and isinstance(event.data.get("result"), dict):
            event.data["result"]["run_id"] = run_id
        yield event
