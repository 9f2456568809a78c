"""The one service object. CLI, API and UI are adapters over it; it imports no UI or web framework.

DrafterService is a facade over five parts, one module each, by what they serve:
- drafting.py: requests, the number check, the drafting pipeline, readiness;
- library.py: the example library, uploads and their jobs;
- drafts.py: stored drafts, versions, diffs, export, traces, working copies;
- reviews.py: submit, review, replies to review comments;
- judging.py: the claim judge (second stage of the check) on generation, submit, approve and on request;
- accounts.py: users and API keys;
- orgs.py: organisations and reach (which drafts and examples a user may see).
The shared parts (store, library, providers, traces) are built here, lazily, from one Settings.
"""

from __future__ import annotations

from functools import cached_property

from drafter.service.accounts import AccountsService
from drafter.service.drafting import DraftingService
from drafter.service.drafts import DraftsService
from drafter.service.judging import JudgingService
from drafter.service.library import LibraryService
from drafter.service.orgs import OrgsService
from drafter.service.queue import GenerationQueue
from drafter.service.reviews import ReviewsService
from drafter.settings import Settings


class DrafterService(DraftingService, JudgingService, LibraryService, DraftsService, ReviewsService, AccountsService,
                     OrgsService):
    """Built once per process with `DrafterService(settings)`; parts are created lazily on first use."""

    def __init__(self, settings: Settings, embedder=None) -> None:
        """`embedder` (a retrieval.embedder.Embedder): one to share with other services of this process (tests
        build many services); by default the library makes its own from the settings."""
        self.settings = settings
        self._embedder = embedder
        settings.ensure_dirs()
        self.queue = GenerationQueue(settings.generation_workers, settings.queue_size)

    @cached_property
    def library(self):
        """The example library (retrieval.library.Library); ingests the shipped samples when empty."""
        from retrieval.library import Library

        library = Library(self.settings, embedder=self._embedder)
        library.ensure_ingested(self.settings.samples_dir)
        return library

    @cached_property
    def providers(self):
        """Model providers, created lazily and kept for the life of the service (the local model loads once)."""
        from drafter.pipeline.writer import system_messages
        from drafter.providers import ProviderRegistry

        return ProviderRegistry(self.settings, prefix=system_messages())

    @cached_property
    def generation(self):
        """Drafting jobs that outlive a page request (drafter.service.generation.GenerationJobs)."""
        from drafter.service.generation import GenerationJobs

        return GenerationJobs(self)

    @cached_property
    def traces(self):
        """The model-call trace (drafter.providers.trace_log.TraceLog); records nothing with DRAFTER_TRACE=off."""
        from drafter.providers.trace_log import TraceLog

        return TraceLog(self.settings.data_dir, enabled=self.settings.trace == "on", url=self.settings.database_url)

    @cached_property
    def store(self):
        """The drafts store (drafter.store.DraftStore)."""
        from drafter.store import DraftStore

        return DraftStore(self.settings.sqlalchemy_url)
