"""Page drafting jobs' rows (issue 21): one JSON document per job, shared by every page server over the same
database (SQLite or PostgreSQL), so a reload on any server reattaches, 停止 reaches the worker on another server,
and a job whose worker died (kill -9, a machine gone) is seen: its lease runs out and the first reader fails it.

A running job's row changes only through its worker (progress, lease, end) or a reader past its lease (failure);
an ended job (done, stopped, failed) never changes again, so a worker that comes back late cannot overwrite the
failure a reader recorded, nor the reverse."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from drafter.store import convert
from drafter.store.tables import GenerationJobRow as Row

RUNNING = "running"


@dataclass(frozen=True)
class GenerationJobRecord:
    id: str
    owner: str
    slot: str
    state: str
    doc: dict
    stop_asked: bool
    started_at: datetime
    finished_at: datetime | None
    past_lease: bool


def _record(row: Row, now: datetime) -> GenerationJobRecord:
    lease = convert.utc(row.lease_until) if row.lease_until is not None else None
    return GenerationJobRecord(id=row.id, owner=row.owner, slot=row.slot, state=row.state, doc=dict(row.doc),
                               stop_asked=bool(row.stop_asked), started_at=convert.utc(row.started_at),
                               finished_at=convert.utc(row.finished_at) if row.finished_at else None,
                               past_lease=row.state == RUNNING and (lease is None or lease < now))


class GenerationJobMixin:
    """Generation job rows for DraftStore (uses its `_reading`/`_writing` transactions)."""

    def add_generation_job(self, job_id: str, owner: str, slot: str, doc: dict, lease_s: float,
                           forget_after_s: float = 3600.0) -> None:
        """A new running job; the slot's ended jobs and every job ended over `forget_after_s` ago are dropped."""
        now = convert.now()

        def work(session) -> None:
            session.execute(delete(Row).where(Row.owner == owner, Row.slot == slot, Row.state != RUNNING))
            session.execute(delete(Row).where(Row.state != RUNNING,
                                              Row.finished_at < now - timedelta(seconds=forget_after_s)))
            session.add(Row(id=job_id, owner=owner, slot=slot, state=RUNNING, doc=doc, stop_asked=False,
                            started_at=now, updated_at=now, lease_until=now + timedelta(seconds=lease_s)))

        self._writing(work)

    def save_generation_job(self, job_id: str, lease_s: float, doc: dict | None = None) -> tuple[bool, bool]:
        """The worker's write: the progress (`doc`, when given) and a renewed lease. (still running, 停止 asked)."""
        now = convert.now()

        def work(session) -> tuple[bool, bool]:
            values = {"updated_at": now, "lease_until": now + timedelta(seconds=lease_s)}
            if doc is not None:
                values["doc"] = doc
            changed = session.execute(update(Row).where(Row.id == job_id, Row.state == RUNNING).values(**values))
            asked = session.scalar(select(Row.stop_asked).where(Row.id == job_id))
            return changed.rowcount == 1, bool(asked)

        return self._writing(work)

    def end_generation_job(self, job_id: str, state: str, doc: dict) -> bool:
        """The worker's last write; False when the job had already ended (a reader failed it past its lease)."""
        return self._end(job_id, state, doc, lost_only=False)

    def fail_lost_generation_job(self, job_id: str, doc: dict) -> bool:
        """Record the failure `doc` when the job is running and past its lease; True when this call did."""
        return self._end(job_id, "failed", doc, lost_only=True)

    def _end(self, job_id: str, state: str, doc: dict, lost_only: bool) -> bool:
        now = convert.now()

        def work(session) -> bool:
            where = [Row.id == job_id, Row.state == RUNNING]
            if lost_only:
                where.append(Row.lease_until < now)
            changed = session.execute(update(Row).where(*where).values(
                state=state, doc=doc, updated_at=now, finished_at=now, lease_until=None))
            return changed.rowcount == 1

        return self._writing(work)

    def ask_generation_stop(self, job_id: str) -> bool:
        """停止 from any server: the worker sees it at its next write or heartbeat. False when already ended."""
        def work(session) -> bool:
            changed = session.execute(update(Row).where(Row.id == job_id, Row.state == RUNNING)
                                      .values(stop_asked=True))
            return changed.rowcount == 1

        return self._writing(work)

    def generation_job(self, owner: str, slot: str) -> GenerationJobRecord | None:
        """The newest job of this user and slot, or None."""
        with self._reading() as session:
            row = session.scalars(select(Row).where(Row.owner == owner, Row.slot == slot)
                                  .order_by(Row.started_at.desc()).limit(1)).first()
            return _record(row, convert.now()) if row is not None else None

    def generation_job_by_id(self, job_id: str) -> GenerationJobRecord | None:
        with self._reading() as session:
            row = session.get(Row, job_id)
            return _record(row, convert.now()) if row is not None else None

    def forget_generation_job(self, owner: str, slot: str, job_id: str | None = None) -> None:
        """The owner took the result: the slot's ended job (that one, with `job_id`) is dropped."""
        def work(session) -> None:
            where = [Row.owner == owner, Row.slot == slot, Row.state != RUNNING]
            if job_id is not None:
                where.append(Row.id == job_id)
            session.execute(delete(Row).where(*where))

        self._writing(work)

    def move_generation_jobs(self, owner: str, old_slot: str, new_slot: str) -> None:
        """The new draft was saved: its jobs now belong to the saved draft's slot."""
        self._writing(lambda session: session.execute(
            update(Row).where(Row.owner == owner, Row.slot == old_slot).values(slot=new_slot)))
