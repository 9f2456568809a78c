"""The one service object. CLI, API and UI are adapters over it; it imports no UI or web framework."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from functools import cached_property

from drafter.drafts_service import DraftsServiceMixin
from drafter.models import CheckResult, DraftEvent, DraftRequest, DraftResult
from drafter.queue import GenerationQueue
from drafter.records import ApiKeyInfo, DraftDetail, DraftPage, VersionInfo
from drafter.settings import Settings
from retrieval.models import Example, Hit, IngestReport

MAX_VERSION = 1_000_000  # version numbers above this are refused as unknown (404), never sent to the database


class DrafterService(DraftsServiceMixin):
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
        from drafter.pipeline.writer import system_messages
        from drafter.providers import ProviderRegistry

        return ProviderRegistry(self.settings, prefix=system_messages())

    @cached_property
    def traces(self):
        """The model-call trace (drafter.trace.TraceLog); records nothing with DRAFTER_TRACE=off."""
        from drafter.trace import TraceLog

        return TraceLog(self.settings.data_dir, enabled=self.settings.trace == "on")

    @cached_property
    def store(self):
        """The drafts store (drafter.store.DraftStore)."""
        from drafter.store import DraftStore

        return DraftStore(self.settings.sqlalchemy_url)

    # --- requests -----------------------------------------------------------------
    @staticmethod
    def parse_request(data: bytes | str, form: str = "json") -> DraftRequest:
        """A DraftRequest from a JSON body (the API's) or the typed plain-text form, validated with the one
        Chinese message table (drafter.validation); InvalidInput with fields otherwise. Every adapter reads
        requests this way."""
        from drafter.errors import InvalidInput
        from drafter.pipeline import parse_request_text
        from drafter.validation import body_error, decode_utf8, parse_model

        if form == "json":
            return parse_model(DraftRequest, data)
        try:
            return parse_request_text(decode_utf8(data))
        except InvalidInput:
            raise
        except ValueError as exc:  # the text parser's own Chinese message
            raise body_error(str(exc)) from None

    # --- number check ------------------------------------------------------------
    def check(self, facts: list[str], text: str, context: list[str] | None = None) -> CheckResult:
        """The number check with its exact contract: facts, plus optional context lines (numbers they give
        are not flagged as invented, but are not required either)."""
        from drafter.numcheck import check

        return check(facts, text, context=list(context or []), lexicon=self.lexicon())

    def lexicon(self):
        """The number-check lexicon for these settings (LexiconError when the extra lexicon file is unusable)."""
        from drafter.numcheck import lexicon_for

        return lexicon_for(self.settings)

    def check_text(self, request: DraftRequest, text: str) -> CheckResult:
        """Recheck an (edited) draft against its request: facts, plus period/org/problems/plans as context."""
        from drafter.numcheck import check, lexicon_for
        from drafter.pipeline import verification_inputs

        facts, context = verification_inputs(request, self.settings)
        return check(facts, text, context=context, lexicon=lexicon_for(self.settings))

    # --- examples ----------------------------------------------------------------
    def search_examples(self, query: str, k: int = 5, kind: str | None = None, role: str | None = None,
                        mode: str = "hybrid") -> list[Hit]:
        """Example chunks for the query; mode is hybrid (BM25 + dense, fused), bm25 or dense."""
        return self.library.search(query, k=k, kind=kind, role=role, mode=mode)

    def ingest_examples(self, paths: list, progress: bool = False) -> IngestReport:
        """Ingest files and folders into the library (idempotent), without first ingesting the samples."""
        from retrieval.library import Library

        library = self.__dict__.get("library") or Library(self.settings)
        return library.ingest(paths, progress=progress)

    def count_examples(self) -> int:
        from retrieval.library import Library

        return (self.__dict__.get("library") or Library(self.settings)).count()

    def get_example(self, example_id: str) -> Example | None:
        return self.library.get_example(example_id)

    def add_examples(self, files: list[tuple[str, bytes]], progress=None) -> IngestReport:
        """Ingest uploaded files; InvalidInput (Chinese reasons per file) when none of them is usable."""
        from drafter.errors import InvalidInput
        from retrieval.uploads import DUPLICATE_NOTE

        report = self.library.add_files(files, progress=progress)
        refused = [s for s in report.skipped if not s.reason.endswith(DUPLICATE_NOTE)]
        if files and report.files == 0 and refused:
            summary = "；".join(f"{s.path}：{s.reason}" for s in refused[:8])
            raise InvalidInput(f"没有可导入的文件：{summary}",
                               fields=[{"field": f"files.{s.path}", "message": s.reason} for s in refused])
        return report

    @cached_property
    def jobs(self):
        """Background jobs (drafter.jobs.JobStore) under data_dir/jobs."""
        from drafter.jobs import JobStore

        return JobStore(self.settings.data_dir / "jobs")

    def get_job(self, job_id: str):
        return self.jobs.get(job_id)

    def start_up(self) -> dict:
        """Once per server start: delete orphan upload files and fail jobs a stopped process left running."""
        return {"orphans": self.library.remove_orphan_uploads(), "interrupted_jobs": self.jobs.fail_interrupted()}

    def remove_example(self, example_id: str) -> bool:
        return self.library.remove_example(example_id)

    # --- drafting ----------------------------------------------------------------
    def draft(self, request: DraftRequest, provider: str | None = None) -> DraftResult:
        """Run the whole pipeline inside a generation slot (QueueFull when the queue is full)."""
        with self.queue.slot():
            pipeline, run_id = self._pipeline(provider)
            return pipeline.run(request).model_copy(update={"run_id": run_id})

    def draft_events(self, request: DraftRequest, provider: str | None = None) -> Iterator[DraftEvent]:
        """The same pipeline as a stream of events; the last event is `done` with the DraftResult.

        ProviderUnavailable and QueueFull are raised here, before the first event, so adapters can answer 503/429.
        """
        pipeline, run_id = self._pipeline(provider)
        return self.queue.stream(_with_run_id(pipeline.events(request), run_id))

    def _pipeline(self, provider: str | None):
        """Resolve the provider (ProviderUnavailable if a forced one cannot work) and build the pipeline, its
        model traced under a new run id: (pipeline, run id)."""
        from drafter.pipeline import Pipeline
        from drafter.providers.traced import traced

        resolved = self.providers.resolve(provider or self.settings.provider)
        run_id = uuid.uuid4().hex
        model = traced(resolved.model, self.traces, run_id)
        return Pipeline(self.settings, self.library, model, provider_note=resolved.note), run_id

    def readiness(self) -> dict:
        """Index and provider readiness, for /readyz and the page's status line."""
        chunks = self.library.count()
        providers = self.providers.describe()
        return {"ready": chunks > 0 and any(p["available"] for p in providers.values()),
                "index": {"ok": chunks > 0, "chunks": chunks}, "providers": providers}

    # --- drafts store (issue 5): thin delegations; edits, reviews, users: drafts_service.py ---
    def create_draft(self, request: DraftRequest, result: DraftResult, author) -> DraftDetail:
        """Store a drafted result owned by `author` (a name, or a user/principal); its text becomes version 1
        (and its run's model calls are linked to it)."""
        detail = self.store.create_draft(request, result, author if isinstance(author, str) else str(author.name))
        self.traces.link(result.run_id, detail.id)
        return detail

    def trace(self, draft_id: str):
        """The model calls that produced the draft (list[drafter.trace.TraceCall]); NotFound for no such draft."""
        self.get_draft(draft_id)
        return self.traces.for_draft(draft_id)

    def list_drafts(self, org: str | None = None, period: str | None = None, kind: str | None = None,
                    status: str | None = None, offset: int = 0, limit: int = 20,
                    owner: str | None = None) -> DraftPage:
        return self.store.list_drafts(org=org, period=period, kind=kind, status=status, offset=offset, limit=limit,
                                      owner=owner)

    def get_draft(self, draft_id: str) -> DraftDetail:
        return self.store.get_draft(draft_id)

    def list_versions(self, draft_id: str) -> list[VersionInfo]:
        return self.store.list_versions(draft_id)

    def get_version(self, draft_id: str, number: int) -> VersionInfo:
        if not 1 <= number <= MAX_VERSION:  # beyond any real version, and beyond what the database's integer holds
            from drafter.errors import NotFound

            raise NotFound(f"稿件 {draft_id} 没有第 {number} 版")
        return self.store.get_version(draft_id, number)

    def export_docx(self, draft_id: str, version: int | None = None) -> tuple[str, bytes]:
        """The draft (latest or given version) as a GB/T 9704-style Word file: (file name, content)."""
        from drafter.export_docx import export_version

        draft = self.get_draft(draft_id)
        chosen = draft.latest if version is None else self.get_version(draft_id, version)
        return export_version(draft, chosen)

    def create_api_key(self, name: str, role: str = "writer") -> tuple[ApiKeyInfo, str]:
        """A new API key; the plaintext is returned once, only its hash is stored."""
        return self.store.create_api_key(name, role)

    def authenticate(self, key: str) -> ApiKeyInfo | None:
        return self.store.authenticate(key)

    def list_api_keys(self) -> list[ApiKeyInfo]:
        return self.store.list_api_keys()

    def revoke_api_key(self, key_id: str) -> bool:
        return self.store.revoke_api_key(key_id)


def _with_run_id(events: Iterator[DraftEvent], run_id: str) -> Iterator[DraftEvent]:
    """The pipeline's events, the final result stamped with the run id (so storing it links the trace)."""
    for event in events:
        if event.type == "done" and isinstance(event.data.get("result"), dict):
            event.data["result"]["run_id"] = run_id
        yield event
