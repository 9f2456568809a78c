"""Background jobs (large uploads): run in a thread, their state kept in the drafts store (SQLite or
PostgreSQL), so any API worker process or machine can answer GET /v1/jobs/{id}."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, Literal

from pydantic import BaseModel, Field

from drafter.domain.errors import DrafterError, InvalidInput, NotFound

log = logging.getLogger("drafter.service.jobs")
JobStatus = Literal["queued", "running", "done", "failed"]
Progress = Callable[[int, int], None]
_ID_CHARS = set("0123456789abcdef")


class JobProgress(BaseModel):
    done: int = 0
    total: int = 0


class JobInfo(BaseModel):
    id: str
    kind: str
    status: JobStatus = "queued"
    progress: JobProgress = Field(default_factory=JobProgress)
    result: dict[str, Any] | None = Field(None, description="The job's answer once done (an upload: the upload report)")
    error: dict[str, Any] | None = Field(None, description="{code, message, fields} once failed")
    created_at: datetime
    updated_at: datetime


def _now() -> datetime:
    return datetime.now(timezone.utc)


class JobStore:
    """Jobs in the drafts store (SQLite or PostgreSQL): any API machine answers GET /v1/jobs/{id}. A running job
    is touched every HEARTBEAT_S; one untouched for STALE_S belongs to a process that is gone (kill -9, a
    machine lost) and reads as failed."""

    HEARTBEAT_S = 10.0
    STALE_S = 60.0

    def __init__(self, store) -> None:
        self.store = store
        self._lock = threading.Lock()

    def _write(self, job: JobInfo, org_id: str | None = None) -> None:
        self.store.put_job(job.id, job.model_dump(mode="json"), job.status, org_id)

    def get(self, job_id: str, within: str | None = None, orgs=None) -> JobInfo:
        """The job; NotFound for an unknown id, or one started outside the path prefix `within` (an
        organisation's reach; `orgs` looks organisations up)."""
        if len(job_id) != 32 or not set(job_id) <= _ID_CHARS:
            raise NotFound(f"任务不存在：{job_id[:40]}")
        found = self.store.get_job_row(job_id)
        if found is None:
            raise NotFound(f"任务不存在：{job_id}")
        doc, org_id, touched = found
        if within is not None and not _org_path(orgs or self.store, org_id).startswith(within):
            raise NotFound(f"任务不存在：{job_id}")
        job = JobInfo.model_validate(doc)
        if job.status in ("queued", "running") and (_now() - touched).total_seconds() > self.STALE_S:
            job = self._interrupt(job.id)
        return job

    def create(self, kind: str, total: int = 0, org_id: str | None = None) -> JobInfo:
        job = JobInfo(id=uuid.uuid4().hex, kind=kind, progress=JobProgress(total=total), created_at=_now(),
                      updated_at=_now())
        self._write(job, org_id)
        return job

    def update(self, job_id: str, **changes: Any) -> JobInfo:
        with self._lock:
            job = JobInfo.model_validate(self.store.get_job_row(job_id)[0])
            job = job.model_copy(update={**changes, "updated_at": _now()})
            self._write(job)
            return job

    def start(self, kind: str, work: Callable[[Progress], dict], total: int = 0,
              org_id: str | None = None) -> JobInfo:
        """Run `work(progress)` in a background thread; its dict becomes the job's result."""
        job = self.create(kind, total, org_id)
        threading.Thread(target=self._run, args=(job.id, work), name=f"job-{job.id[:8]}", daemon=True).start()
        return job

    def _run(self, job_id: str, work: Callable[[Progress], dict]) -> None:
        self.update(job_id, status="running")
        finished = threading.Event()
        threading.Thread(target=self._heartbeat, args=(job_id, finished), daemon=True).start()
        progress = lambda done, total: self.update(job_id, progress=JobProgress(done=done, total=total))  # noqa: E731
        try:
            result = work(progress)
        except InvalidInput as exc:
            self._finish(finished, job_id, status="failed", error={"code": "validation_error", "message": str(exc),
                                                                   "fields": exc.fields})
        except DrafterError as exc:
            self._finish(finished, job_id, status="failed", error={"code": "failed", "message": str(exc)})
        except Exception:
            log.exception("job %s failed", job_id)
            self._finish(finished, job_id, status="failed",
                         error={"code": "internal_error", "message": "任务执行失败（服务器内部错误）"})
        else:
            self._finish(finished, job_id, status="done", result=result)

    def _finish(self, finished: threading.Event, job_id: str, **changes: Any) -> None:
        finished.set()
        self.update(job_id, **changes)

    def _heartbeat(self, job_id: str, finished: threading.Event) -> None:
        while not finished.wait(self.HEARTBEAT_S):
            try:
                with self._lock:
                    if not finished.is_set():
                        job = JobInfo.model_validate(self.store.get_job_row(job_id)[0])
                        self._write(job.model_copy(update={"updated_at": _now()}))
            except Exception:  # a missed beat only makes the job look stale sooner
                log.exception("job %s heartbeat failed", job_id)

    def _interrupt(self, job_id: str) -> JobInfo:
        return self.update(job_id, status="failed",
                           error={"code": "interrupted", "message": "服务重启，任务中断，请重新上传"})

    def fail_interrupted(self) -> int:
        """Mark jobs whose process is gone (untouched for STALE_S while queued/running) as failed; jobs of
        other live machines keep running."""
        stale = self.store.unfinished_jobs(self.STALE_S)
        for job_id in stale:
            self._interrupt(job_id)
        return len(stale)


def _org_path(orgs, org_id: str | None) -> str:
    try:
        return orgs.get_org(org_id or "root").path
    except NotFound:
        return ""


def job_result(payload: Any) -> dict:
    """A pydantic model or dict as the JSON-able result of a job."""
    return payload.model_dump(mode="json") if isinstance(payload, BaseModel) else dict(payload)


__all__ = ["JobInfo", "JobStore", "JobProgress", "job_result"]
