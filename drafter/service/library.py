"""The example library: search, ingest, uploads, their jobs, and start-up cleanup.

Examples are scoped by organisation (drafter.service.orgs): a caller sees the shipped corpus, shared uploads and
the uploads of its own organisation and its ancestors; retrieval filters on that inside the vector query.

A part of DrafterService (drafter.service.facade), which provides `settings`, `store`, `library`, `providers`,
`traces`, `jobs` and `queue`, and the other parts' methods."""

from __future__ import annotations

from functools import cached_property

from retrieval.models import Example, Hit, IngestReport


class LibraryService:
    """Mixed into DrafterService."""

    def search_examples(self, query: str, k: int = 5, kind: str | None = None, role: str | None = None,
                        mode: str = "hybrid", viewer=None) -> list[Hit]:
        """Example chunks for the query that `viewer` may see; mode is hybrid (BM25 + dense, fused), bm25 or
        dense."""
        return self.library.search(query, k=k, kind=kind, role=role, mode=mode, orgs=self.example_scope(viewer))

    def scoped_library(self, user=None):
        """The library as `user` sees it (the drafting pipeline retrieves through this); the library itself for
        None."""
        scope = self.example_scope(user)
        return self.library if scope is None else ScopedLibrary(self.library, scope)

    def ingest_examples(self, paths: list, progress: bool = False) -> IngestReport:
        """Ingest files and folders into the library (idempotent), without first ingesting the samples."""
        from retrieval.library import Library

        library = self.__dict__.get("library") or Library(self.settings)
        return library.ingest(paths, progress=progress)

    def count_examples(self) -> int:
        from retrieval.library import Library

        return (self.__dict__.get("library") or Library(self.settings)).count()

    def get_example(self, example_id: str, viewer=None) -> Example | None:
        """The example, or None when there is none that `viewer` may see."""
        example = self.library.get_example(example_id)
        return example if example is not None and _visible(example, self.example_scope(viewer)) else None

    def add_examples(self, files: list[tuple[str, bytes]], progress=None, uploader=None,
                     shared: bool = False) -> IngestReport:
        """Ingest uploaded files as examples of the uploader's organisation (seen by it and its descendants, or
        by everyone when `shared`); InvalidInput (Chinese reasons per file) when none of them is usable."""
        from drafter.domain.errors import InvalidInput
        from retrieval.uploads import DUPLICATE_NOTE

        org = self.org_of(uploader) if uploader is not None else ""
        report = self.library.add_files(files, progress=progress, org=org, shared=shared or uploader is None)
        refused = [s for s in report.skipped if not s.reason.endswith(DUPLICATE_NOTE)]
        if files and report.files == 0 and refused:
            summary = "；".join(f"{s.path}：{s.reason}" for s in refused[:8])
            raise InvalidInput(f"没有可导入的文件：{summary}",
                               fields=[{"field": f"files.{s.path}", "message": s.reason} for s in refused])
        return report

    @cached_property
    def jobs(self):
        """Background jobs (drafter.service.jobs.JobStore), in the drafts store: every API machine reads them."""
        from drafter.service.jobs import JobStore

        return JobStore(self.store, self.settings.job_lease_s)

    def get_job(self, job_id: str, viewer=None):
        """The job, if `viewer` reaches the organisation that started it (NotFound otherwise)."""
        return self.jobs.get(job_id, within=self.reach(viewer), orgs=self.store)

    def start_up(self) -> dict:
        """Once per server start: delete orphan upload files and fail jobs a stopped process left running."""
        return {"orphans": self.library.remove_orphan_uploads(), "interrupted_jobs": self.jobs.fail_interrupted()}

    def remove_example(self, example_id: str, viewer=None) -> bool:
        """Remove an example (False if there is none): an upload of an organisation within the viewer's reach;
        the shipped corpus only by the root organisation."""
        if viewer is not None:
            example = self.library.get_example(example_id)
            if example is None or not self._may_remove(example, viewer):
                return False
        return self.library.remove_example(example_id)

    def share_example(self, example_id: str, shared: bool, viewer=None) -> Example | None:
        """Share an uploaded example with every organisation or take that back, in place, on every machine at
        once (None when the viewer may not change it, as for an unknown id: an upload of an organisation within
        its reach); Forbidden for the shipped corpus, which is always everyone's."""
        from drafter.domain.errors import Forbidden

        example = self.library.get_example(example_id)
        if example is not None and not example.org:
            raise Forbidden("随系统提供的范文对所有组织可见，不能更改共享设置")
        if example is None or (viewer is not None and not self._may_remove(example, viewer)):
            return None
        if not self.library.set_shared(example_id, shared):
            return None
        return self.library.get_example(example_id)

    def _may_remove(self, example: Example, viewer) -> bool:
        within = self.reach(viewer)
        if within is None:
            return True
        if not example.org:
            return False
        try:
            return self.store.get_org(example.org).path.startswith(within)
        except Exception:  # an organisation that is gone
            return False


def _visible(example: Example, scope: list[str] | None) -> bool:
    return scope is None or example.shared or example.org in scope


class ScopedLibrary:
    """The library as one organisation sees it: searches filter inside the stores, lookups hide what it may not
    see. Everything else is the library's."""

    def __init__(self, library, orgs: list[str]) -> None:
        self._library, self.orgs = library, list(orgs)

    def __getattr__(self, name: str):
        return getattr(self._library, name)

    def search(self, query: str, **options) -> list[Hit]:
        return self._library.search(query, **options, orgs=self.orgs)

    def get_example(self, example_id: str) -> Example | None:
        example = self._library.get_example(example_id)
        return example if example is not None and _visible(example, self.orgs) else None

    def example_chunks(self, example_id: str):
        return self._library.example_chunks(example_id) if self.get_example(example_id) is not None else []

    def heading_bank(self):
        """The headings of the examples this organisation may see (issue 20's planner)."""
        hidden = {e.id for e in self._library.list_examples() if not _visible(e, self.orgs)}
        return self._library.heading_bank().without(hidden)
