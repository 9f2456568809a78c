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
    def store(self):
        """The drafts store (drafter.store.DraftStore)."""
        from drafter.store import DraftStore

        return DraftStore(self.settings.sqlalchemy_url)

    # --- number check ------------------------------------------------------------
    def check(self, facts: list[str], text: str) -> CheckResult:
        from drafter.numcheck import check

        return check(facts, text)

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
        from drafter.pipeline import Pipeline

        with self.queue.slot():
            return Pipeline(self.settings, self.library, provider or self.settings.provider).run(request)

    def draft_events(self, request: DraftRequest, provider: str | None = None) -> Iterator[DraftEvent]:
        """The same pipeline as a stream of events; the last event is `done` with the DraftResult."""
        from drafter.pipeline import Pipeline

        with self.queue.slot():
            yield from Pipeline(self.settings, self.library, provider or self.settings.provider).events(request)

    def readiness(self) -> dict:
        """Index and provider readiness, for /readyz and the page's status line."""
        from drafter.providers import describe_providers

        index_ok = self.library.count() > 0
        providers = describe_providers(self.settings)
        return {"ready": index_ok and any(p["available"] for p in providers.values()),
                "index": {"ok": index_ok, "chunks": self.library.count()}, "providers": providers}

    # --- drafts store (issue 5): thin delegations to self.store below ---------------
