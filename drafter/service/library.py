"""The example library: search, ingest, uploads, their jobs, and start-up cleanup.

A part of DrafterService (drafter.service.facade), which provides `settings`, `store`, `library`, `providers`,
`traces`, `jobs` and `queue`, and the other parts' methods."""

from __future__ import annotations

from functools import cached_property

from retrieval.models import Example, Hit, IngestReport


class LibraryService:
    """Mixed into DrafterService."""

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
        from drafter.domain.errors import InvalidInput
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
        """Background jobs (drafter.service.jobs.JobStore) under data_dir/jobs."""
        from drafter.service.jobs import JobStore

        return JobStore(self.settings.data_dir / "jobs")

    def get_job(self, job_id: str):
        return self.jobs.get(job_id)

    def start_up(self) -> dict:
        """Once per server start: delete orphan upload files and fail jobs a stopped process left running."""
        return {"orphans": self.library.remove_orphan_uploads(), "interrupted_jobs": self.jobs.fail_interrupted()}

    def remove_example(self, example_id: str) -> bool:
        return self.library.remove_example(example_id)
