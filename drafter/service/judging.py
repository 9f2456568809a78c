"""The claim judge at the service boundary (issue 19, item 5): a draft's check gets its second stage when the draft
is generated, submitted or approved, and a check on request (POST /v1/check with judge=true, `drafter check
--judge`); never while typing. The model is the run's own (traced: its calls appear in the trace as step
"judge") or the configured provider's; verdicts are cached in the drafts store. DRAFTER_JUDGE=off: rules only.

A part of DrafterService (drafter.service.facade), which provides `settings`, `store` and `providers`."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from drafter.models import CheckResult, DraftEvent, DraftRequest

log = logging.getLogger(__name__)


class JudgingService:
    """Mixed into DrafterService."""

    def judge_model(self):
        """The configured provider's model for judging, or None (template provider, or none available)."""
        from drafter.domain.errors import ProviderUnavailable

        try:
            return self.providers.resolve(self.settings.provider).model
        except ProviderUnavailable:
            return None

    def judge_label(self) -> str | None:
        """The name the configured model's verdicts are cached under, found without loading it (None: template)."""
        settings = self.settings
        if settings.provider == "openai" or (settings.provider == "auto" and settings.openai_base_url):
            return settings.openai_model
        if settings.provider in ("auto", "local") and settings.local_model_path.is_file():
            return settings.local_model_path.name
        return None

    def judged(self, facts: list[str], context: list[str], text: str, result: CheckResult,
               model=None, cached_only: bool = False, deadline=None) -> CheckResult:
        """`result` with its undecided number items and claims judged by `model` (default: the configured one); as
        it is when the judge is off, no model can judge, or nothing is undecided. `cached_only`: apply the verdicts stored
        before (at generation, submit, approve), ask nothing (the page while typing or reviewing). `deadline`
        (the draft's): past it no call starts and the claims not judged stay flagged, with a note."""
        mismatches = any(h.status == "mismatch" for h in result.numbers)
        to_read = any(c.kind == "claim" for c in result.unverified)  # a reworded number item (kind item) is no question
        if self.settings.judge != "on" or not (result.claims or to_read or mismatches):
            return result
        from drafter.pipeline.judging import Judge

        if cached_only:
            judge = Judge(None, self.store, self.settings.judge_margin, label=self.judge_label(),
                          item_margin=self.settings.judge_item_margin)
        else:
            model = model if model is not None else self.judge_model()
            if model is None:
                return result
            judge = Judge(model, self.store, self.settings.judge_margin, item_margin=self.settings.judge_item_margin)
        try:
            return judge.review(facts, context, text, result, self.lexicon(), deadline=deadline)
        except Exception as exc:  # noqa: BLE001 - the rules' result stands when the judge cannot run
            log.warning("claim judge skipped: %s", exc)
            return result

    def judged_text(self, request: DraftRequest, text: str, result: CheckResult, model=None,
                    cached_only: bool = False, deadline=None) -> CheckResult:
        from drafter.pipeline import verification_inputs

        facts, context = verification_inputs(request, self.settings)
        return self.judged(facts, context, text, result, model, cached_only, deadline)

    def judge_latest(self, draft_id: str) -> None:
        """Judge the latest version's check (on submit and approve) and store it when the judge changed it."""
        if self.settings.judge != "on":
            return
        detail = self.store.get_draft(draft_id)
        latest = detail.latest
        judged = self.judged_text(detail.request, latest.text, latest.check)
        if judged != latest.check:
            self.store.set_version_check(draft_id, latest.number, judged)

    def judged_events(self, request: DraftRequest, events: Iterator[DraftEvent], model,
                      deadline=None) -> Iterator[DraftEvent]:
        """The pipeline's events with the final check judged: the `check` event is held until `done` brings the
        text, then both carry the judged check. `deadline()` gives the draft's deadline once the draft runs."""
        held = None
        for event in events:
            if event.type == "check":
                held = event
                continue
            if event.type == "done" and isinstance(event.data.get("result"), dict):
                result = event.data["result"]
                check = CheckResult.model_validate(result["check"])
                judged = self.judged_text(request, result["text"], check, model,
                                          deadline=deadline() if deadline is not None else None)
                result["check"] = judged.model_dump()
                if held is not None:
                    held.data["check"] = judged.model_dump()
            if held is not None and event.type == "done":
                yield held
                held = None
            yield event
        if held is not None:
            yield held
