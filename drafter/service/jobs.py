"""Background jobs (large uploads): run in a thread, their state kept as small JSON files under
data_dir/jobs, so any API worker process can answer GET /v1/jobs/{id}."""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
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
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lock = threading.Lock()

    def _path(self, job_id: str) -> Path:
        return self.directory / f"{job_id}.json"

    def _write(self, job: JobInfo) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        temporary = self._path(job.id).with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(job.model_dump_json(), encoding="utf-8")
        temporary.replace(self._path(job.id))

    def get(self, job_id: str) -> JobInfo:
        if len(job_id) != 32 or not set(job_id) <= _ID_CHARS:
            raise NotFound(f"任务不存在：{job_id[:40]}")
        try:
            return JobInfo.model_validate_json(self._path(job_id).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise NotFound(f"任务不存在：{job_id}") from None

    def create(self, kind: str, total: int = 0) -> JobInfo:
        job = JobInfo(id=uuid.uuid4().hex, kind=kind, progress=JobProgress(total=total), created_at=_now(),
                      updated_at=_now())
        self._write(job)
        return job

    def update(self, job_id: str, **changes: Any) -> JobInfo:
        with self._lock:
            job = self.get(job_id).model_copy(update={**changes, "updated_at": _now()})
            self._write(job)
            return job

    def start(self, kind: str, work: Callable[[Progress], dict], total: int = 0) -> JobInfo:
        """Run `work(progress)` in a background thread; its dict becomes the job's result."""
        job = self.create(kind, total)
        threading.Thread(target=self._run, args=(job.id, work), name=f"job-{job.id[:8]}", daemon=True).start()
        return job

    def _run(self, job_id: str, work: Callable[[Progress], dict]) -> None:
        self.update(job_id, status="running")
        progress = lambda done, total: self.update(job_id, progress=JobProgress(done=done, total=total))  # noqa: E731
        try:
            result = work(progress)
        except InvalidInput as exc:
            self.update(job_id, status="failed", error={"code": "validation_error", "message": str(exc),
                                                        "fields": exc.fields})
        except DrafterError as exc:
            self.update(job_id, status="failed", error={"code": "failed", "message": str(exc)})
        except Exception:
            log.exception("job %s failed", job_id)
            self.update(job_id, status="failed", error={"code": "internal_error", "message": "任务执行失败（服务器内部错误）"})
        else:
            self.update(job_id, status="done", result=result)

    def fail_interrupted(self, keep_days: float = 7) -> int:
        """Mark jobs left queued/running by a stopped process as failed (call at start, before new jobs); forget
        jobs finished more than `keep_days` ago."""
        count = 0
        for path in self.directory.glob("*.json") if self.directory.is_dir() else []:
            try:
                job = JobInfo.model_validate_json(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if (_now() - job.updated_at).total_seconds() > keep_days * 86_400:
                path.unlink(missing_ok=True)
                continue
            if job.status in ("queued", "running"):
                self.update(job.id, status="failed",
                            error={"code": "interrupted", "message": "服务重启，任务中断，请重新上传"})
                count += 1
        return count


def job_result(payload: Any) -> dict:
    """A pydantic model or dict as the JSON-able result of a job."""
    return payload.model_dump(mode="json") if isinstance(payload, BaseModel) else dict(payload)


__all__ = ["JobInfo", "JobStore", "JobProgress", "job_result"]
