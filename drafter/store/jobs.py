"""Background jobs' rows (large uploads): one JSON document per job, shared by every API machine."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from drafter.store import convert
from drafter.store.tables import JobRow


class JobMixin:
    """Job rows for DraftStore (uses its `_reading`/`_writing` transactions)."""

    def put_job(self, job_id: str, doc: dict, status: str, org_id: str | None = None) -> None:
        """Insert or replace the job's document (the organisation is set when the job is created)."""
        def work(session) -> None:
            row = session.get(JobRow, job_id)
            if row is None:
                session.add(JobRow(id=job_id, org_id=org_id, status=status, doc=doc, updated_at=convert.now()))
            else:
                row.doc, row.status, row.updated_at = doc, status, convert.now()

        self._writing(work)

    def get_job_row(self, job_id: str) -> tuple[dict, str | None, datetime] | None:
        """(document, organisation id, last update) of the job, or None."""
        with self._reading() as session:
            row = session.get(JobRow, job_id)
            return (dict(row.doc), row.org_id, convert.utc(row.updated_at)) if row is not None else None

    def unfinished_jobs(self, idle_s: float) -> list[str]:
        """Ids of queued/running jobs not updated for `idle_s` seconds (their process is gone)."""
        cutoff = convert.now() - timedelta(seconds=idle_s)
        with self._reading() as session:
            return list(session.scalars(select(JobRow.id).where(JobRow.status.in_(("queued", "running")),
                                                                JobRow.updated_at < cutoff)))
