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
    """Jobs in the drafts store (SQLite or PostgreSQL): any API machine answers GET /v1/jobs/{id}. An unfinished
    job holds a lease of `lease_s` seconds that its worker's heartbeat renews every third of it; a job past its
    lease has lost its worker (kill -9, a machine gone) and the first reader marks it failed, on any machine,
    without waiting for a restart (issue 24)."""

    def __init__(self, store, lease_s: float = 30.0) -> None:
        self.store = store
        self.lease_s = lease_s
        self._lock = threading.Lock()

    @property
    def heartbeat_s(self) -> float:
        return self.lease_s / 3

    def _write(self, job: JobInfo, org_id: str | None = None) -> bool:
        return self.store.put_job(job.id, job.model_dump(mode="json"), job.status, org_id, self.lease_s)

    def get(self, job_id: str, within: str | None = None, orgs=None) -> JobInfo:
        """The job; NotFound for an unknown id, or one started outside the path prefix `within` (an
        organisation's reach; `orgs` looks organisations up). A job past its lease is failed here."""
        if len(job_id) != 32 or not set(job_id) <= _ID_CHARS:
            raise NotFound(f"任务不存在：{job_id[:40]}")
        found = self.store.get_job_row(job_id)
        if found is None:
            raise NotFound(f"任务不存在：{job_id}")
        doc, org_id, past_lease = found
        if within is not None and not _org_path(orgs or self.store, org_id).startswith(within):
            raise NotFound(f"任务不存在：{job_id}")
        job = JobInfo.model_validate(doc)
        if past_lease and self._fail_lost(job):
            return JobInfo.model_validate(self.store.get_job_row(job_id)[0])
        return job

    def create(self, kind: str, total: int = 0, org_id: str | None = None) -> JobInfo:
        job = JobInfo(id=uuid.uuid4().hex, kind=kind, progress=JobProgress(total=total), created_at=_now(),
                      updated_at=_now())
        self._write(job, org_id)
        return job

    def update(self, job_id: str, **changes: Any) -> JobInfo:
        """Apply `changes` to an unfinished job; a finished one is returned as it is (its end is final)."""
        with self._lock:
            job = JobInfo.model_validate(self.store.get_job_row(job_id)[0])
            changed = job.model_copy(update={**changes, "updated_at": _now()})
            if not self._write(changed):
                return JobInfo.model_validate(self.store.get_job_row(job_id)[0])
            return changed

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
        while not finished.wait(self.heartbeat_s):
            try:
                if not self.store.renew_job_lease(job_id, self.lease_s):
                    return  # finished, or failed by a reader after a missed lease
            except Exception:  # a missed beat only brings the lease's end nearer
                log.exception("job %s heartbeat failed", job_id)

    def _fail_lost(self, job: JobInfo) -> bool:
        """Fail a job whose worker let its lease run out; True when this call recorded it."""
        again = "请重新上传" if job.kind == "upload" else "请重新提交"
        failed = job.model_copy(update={"status": "failed", "updated_at": _now(), "error": {
            "code": "interrupted",
            "message": f"处理该任务的服务进程已停止（进程被结束或机器故障），任务中断，{again}"}})
        return self.store.fail_expired_job(job.id, failed.model_dump(mode="json"), self.lease_s)

    def fail_interrupted(self) -> int:
        """Fail every job whose worker is gone (past its lease); jobs of live workers keep running."""
        failed = 0
        for job_id in self.store.expired_jobs(self.lease_s):
            found = self.store.get_job_row(job_id)
            failed += bool(found and self._fail_lost(JobInfo.model_validate(found[0])))
        return failed


def _org_path(orgs, org_id: str | None) -> str:
    try:
        return orgs.get_org(org_id or "root").path
    except NotFound:
        return ""


def job_result(payload: Any) -> dict:
    """A pydantic model or dict as the JSON-able result of a job."""
    return payload.model_dump(mode="json") if isinstance(payload, BaseModel) else dict(payload)


__all__ = ["JobInfo", "JobStore", "JobProgress", "job_result"]
