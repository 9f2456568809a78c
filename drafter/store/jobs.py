"""Background jobs' rows (large uploads): one JSON document per job, shared by every API machine.

A queued or running job holds a lease (`lease_until`) that its worker renews; a job past its lease has lost its
worker (kill -9, a machine gone) and is failed by whoever reads it first. A finished job (done or failed) never
changes again: a worker that comes back late cannot overwrite the failure a reader recorded, nor the reverse."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update

from drafter.store import convert
from drafter.store.tables import JobRow

UNFINISHED = ("queued", "running")


def _lease(status: str, lease_s: float, now: datetime) -> datetime | None:
    return now + timedelta(seconds=lease_s) if status in UNFINISHED else None


def _expired(lease_s: float, now: datetime):
    """Unfinished and past the lease (rows from before leases: silent for `lease_s`)."""
    return and_(JobRow.status.in_(UNFINISHED),
                or_(JobRow.lease_until < now,
                    and_(JobRow.lease_until.is_(None), JobRow.updated_at < now - timedelta(seconds=lease_s))))


class JobMixin:
    """Job rows for DraftStore (uses its `_reading`/`_writing` transactions)."""

    def put_job(self, job_id: str, doc: dict, status: str, org_id: str | None = None, lease_s: float = 60.0) -> bool:
        """Insert the job, or replace the document of an unfinished one and renew its lease by `lease_s`; False
        when the job had already finished (nothing written). The organisation is set when the job is created."""
        now = convert.now()

        def work(session) -> bool:
            if session.get(JobRow, job_id) is None:
                session.add(JobRow(id=job_id, org_id=org_id, status=status, doc=doc, updated_at=now,
                                   lease_until=_lease(status, lease_s, now)))
                return True
            changed = session.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status.in_(UNFINISHED))
                                      .values(doc=doc, status=status, updated_at=now,
                                              lease_until=_lease(status, lease_s, now)))
            return changed.rowcount == 1

        return self._writing(work)

    def renew_job_lease(self, job_id: str, lease_s: float) -> bool:
        """The worker's heartbeat: extend an unfinished job's lease; False when the job has finished."""
        now = convert.now()

        def work(session) -> bool:
            changed = session.execute(update(JobRow).where(JobRow.id == job_id, JobRow.status.in_(UNFINISHED))
                                      .values(lease_until=now + timedelta(seconds=lease_s)))
            return changed.rowcount == 1

        return self._writing(work)

    def fail_expired_job(self, job_id: str, doc: dict, lease_s: float) -> bool:
        """Record `doc` (the failure) when the job is unfinished and past its lease; True when this call did."""
        now = convert.now()

        def work(session) -> bool:
            changed = session.execute(update(JobRow).where(JobRow.id == job_id, _expired(lease_s, now))
                                      .values(doc=doc, status="failed", updated_at=now, lease_until=None))
            return changed.rowcount == 1

        return self._writing(work)

    def get_job_row(self, job_id: str) -> tuple[dict, str | None, bool] | None:
        """(document, organisation id, past its lease?) of the job, or None. `lease_s` is not needed here: an
        unfinished row without a lease is judged by fail_expired_job."""
        now = convert.now()
        with self._reading() as session:
            row = session.get(JobRow, job_id)
            if row is None:
                return None
            lease = convert.utc(row.lease_until) if row.lease_until is not None else None
            return dict(row.doc), row.org_id, row.status in UNFINISHED and (lease is None or lease < now)

    def expired_jobs(self, lease_s: float) -> list[str]:
        """Ids of unfinished jobs past their lease (their worker is gone)."""
        with self._reading() as session:
            return list(session.scalars(select(JobRow.id).where(_expired(lease_s, convert.now()))))
