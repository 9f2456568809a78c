"""The one service object. CLI, API and UI are adapters over it; it imports no UI or web framework."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from drafter.models import CheckResult, DraftEvent, DraftRequest, DraftResult
from drafter.queue import GenerationQueue
from drafter.settings import Settings
from retrieval.models import Example, Hit, IngestReport


class DrafterService:
    """Built once per process with `DrafterService(settings)`; parts are created lazily on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.ensure_dirs()
        self.queue = GenerationQueue(settings.generation_workers, settings.queue_size)

    # --- parts -------------------------------------------------------------------
    @cached_property
    def library(self):
        """The example library (retrieval.library.Library); ingests the shipped samples when empty."""
        from retrieval.library import Library

        library = Library(self.settings)
        library.ensure_ingested(self.settings.samples_dir)
        return library

    @cached_property
    def providers(self):
        """Model providers, created lazily and kept for the life of the service (the local model loads once)."""
        from drafter.providers import ProviderRegistry

        return ProviderRegistry(self.settings)

    @cached_property
    def store(self):
        """The drafts store (drafter.store.DraftStore)."""
        from drafter.store import DraftStore

        return DraftStore(self.settings.sqlalchemy_url)

    # --- number check ------------------------------------------------------------
    def check(self, facts: list[str], text: str) -> CheckResult:
        """The number check with its exact contract (facts only)."""
        from drafter.numcheck import check

        return check(facts, text)

    def check_text(self, request: DraftRequest, text: str) -> CheckResult:
        """Recheck an (edited) draft against its request: facts, plus period/org/problems/plans as context."""
        from drafter.numcheck import check
        from drafter.pipeline import verification_inputs

        facts, context = verification_inputs(request)
        return check(facts, text, context=context)

    # --- examples ----------------------------------------------------------------
    def search_examples(self, query: str, k: int = 5, kind: str | None = None, role: str | None = None) -> list[Hit]:
        return self.library.search(query, k=k, kind=kind, role=role)

    def get_example(self, example_id: str) -> Example | None:
        return self.library.get_example(example_id)

    def add_examples(self, files: list[tuple[str, bytes]]) -> IngestReport:
        return self.library.add_files(files)

    def remove_example(self, example_id: str) -> bool:
        return self.library.remove_example(example_id)

    # --- drafting ----------------------------------------------------------------
    def draft(self, request: DraftRequest, provider: str | None = None) -> DraftResult:
        """Run the whole pipeline inside a generation slot (QueueFull when the queue is full)."""
        with self.queue.slot():
            return self._pipeline(provider).run(request)

    def draft_events(self, request: DraftRequest, provider: str | None = None) -> Iterator[DraftEvent]:
        """The same pipeline as a stream of events; the last event is `done` with the DraftResult.

        ProviderUnavailable and QueueFull are raised here, before the first event, so adapters can answer 503/429.
        """
        pipeline = self._pipeline(provider)
        return self.queue.stream(pipeline.events(request))

    def _pipeline(self, provider: str | None):
        """Resolve the provider (ProviderUnavailable if a forced one cannot work) and build the pipeline."""
        from drafter.pipeline import Pipeline

        resolved = self.providers.resolve(provider or self.settings.provider)
        return Pipeline(self.settings, self.library, resolved.model, provider_note=resolved.note)

    def readiness(self) -> dict:
        """Index and provider readiness, for /readyz and the page's status line."""
        index_ok = self.library.count() > 0
        providers = self.providers.describe()
        return {"ready": index_ok and any(p["available"] for p in providers.values()),
                "index": {"ok": index_ok, "chunks": self.library.count()}, "providers": providers}

    # --- drafts store (issue 5): thin delegations to self.store below ---------------
