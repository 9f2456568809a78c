"""Drafting as a job of the draft (issue 21): the pipeline runs in a thread of a page server, not in the page's
request, and the job lives in the drafts store (SQLite, or PostgreSQL when configured): its request, its progress
(planning, section N of M, the text streamed so far) and its end. So a reload, a second tab or a second device
reattaches to it on any page server over the same database, and follows the rest.

停止 is a flag in the store: the worker's heartbeat reads it on whichever server runs the job, and the draft ends
as at its deadline (the sections written so far kept, the section being written keeps its finished sentences, the
rest from templates, all checked). A running job holds a lease (DRAFTER_JOB_LEASE_S) its worker renews; a job
whose worker died (kill -9, a machine gone) is failed by its first reader past the lease, with a Chinese reason
and the text written so far kept as its result (issue 24).

Jobs are kept per (user, slot) (slot: the draft id, or "" for a draft not saved yet); an ended job stays until
its owner takes the result (an hour at most)."""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field

from drafter.models import DraftRequest, DraftResult
from drafter.service.generation_run import JobRunner, job_doc
from drafter.service.progress import StreamProgress

KEEP_FINISHED_S = 3600.0
LOST = "生成任务所在的服务进程已停止（进程被结束或机器故障），已保留写出的内容，可以重新生成"


@dataclass
class GenerationJob:
    """A job as read from the store at one moment (read again with GenerationJobs.get to follow it)."""
    id: str
    owner: str
    slot: str
    request: DraftRequest
    provider: str | None
    started: float
    state: str = "running"  # running, done, stopped, failed
    progress: StreamProgress = field(default_factory=StreamProgress)
    error: str | None = None
    finished: float | None = None
    now: float = 0.0  # the store's clock when read

    @property
    def result(self) -> DraftResult | None:
        return self.progress.result

    @property
    def elapsed_s(self) -> float:
        return max(0.0, (self.finished or self.now) - self.started)


class GenerationJobs:
    """The service's drafting jobs (one per user and slot), in the drafts store."""

    def __init__(self, service) -> None:
        self.service = service
        self.lease_s = service.settings.job_lease_s
        self._runners: dict[str, JobRunner] = {}  # the jobs this process runs
        self._lock = threading.Lock()

    @property
    def store(self):
        return self.service.store

    @property
    def heartbeat_s(self) -> float:
        return min(self.lease_s / 3, 1.0)  # also how soon 停止 from another server is seen

    def start(self, owner: str, slot: str | None, request: DraftRequest, provider: str | None = None,
              author=None) -> GenerationJob:
        """Start drafting; QueueFull / ProviderUnavailable are raised here, before any job exists. A job already
        running for this user and slot is stopped first (the page asks before replacing its text). With `author`
        (a user with its organisation), retrieval and pinned examples are only those that author may see."""
        old = self.get(owner, slot)
        if old is not None and old.state == "running":
            self.stop(owner, slot)
        job_id = uuid.uuid4().hex
        runner = JobRunner(self, job_id, request, provider)
        events = self.service.draft_events(request, provider, author=author, cancel=runner.cancel)
        self.store.add_generation_job(job_id, owner, slot or "", job_doc(request, provider, runner.progress),
                                      self.lease_s, KEEP_FINISHED_S)
        with self._lock:
            self._runners[job_id] = runner
        job = self.get(owner, slot)
        started = job.started if job is not None else 0.0
        threading.Thread(target=runner.run, args=(events, started), name=f"draft-{job_id[:8]}", daemon=True).start()
        return job

    def get(self, owner: str, slot: str | None) -> GenerationJob | None:
        """The user's newest job for this slot, as the store has it now; a running job past its lease lost its
        worker and is failed here, its text so far kept as the result."""
        record = self.store.generation_job(owner, slot or "")
        if record is None:
            return None
        job = _job(record)
        if record.past_lease and self._fail_lost(job):
            record = self.store.generation_job_by_id(job.id)
            job = _job(record) if record is not None else job
        return job

    def stop(self, owner: str, slot: str | None) -> GenerationJob | None:
        """停止: the model's calls end now (on this server) or at the worker's next heartbeat (on another)."""
        job = self.get(owner, slot)
        if job is not None and job.state == "running":
            self.store.ask_generation_stop(job.id)
            with self._lock:
                runner = self._runners.get(job.id)
            if runner is not None:
                runner.stop()
        return job

    def forget(self, owner: str, slot: str | None, job_id: str | None = None) -> None:
        """The owner took the result (or dropped it): the ended job is gone."""
        self.store.forget_generation_job(owner, slot or "", job_id)

    def move(self, owner: str, old_slot: str | None, new_slot: str | None) -> None:
        """The new draft was saved: its job now belongs to the saved draft's slot."""
        self.store.move_generation_jobs(owner, old_slot or "", new_slot or "")

    def ran(self, job_id: str) -> None:
        with self._lock:
            self._runners.pop(job_id, None)

    def partial(self, request: DraftRequest, progress: StreamProgress, provider: str | None, elapsed_s: float,
                why: str) -> DraftResult | None:
        """The text written before a stop, a failure or a lost worker, checked like any draft; None when empty."""
        text = progress.text.strip()
        if not text:
            return None
        total = len(progress.headings)
        done = f"已写完 {progress.done}/{total} 部分" if total else f"已写完 {progress.done} 部分"
        return DraftResult(text=text, sections=[], check=self.service.check_text(request, text),
                           provider=progress.provider or provider or "", elapsed_s=round(elapsed_s, 3),
                           warnings=[f"{why}：{done}，保留了已写出的内容"])

    def _fail_lost(self, job: GenerationJob) -> bool:
        progress = job.progress
        progress.result = self.partial(job.request, progress, job.provider, job.elapsed_s, "生成中断")
        return self.store.fail_lost_generation_job(job.id, job_doc(job.request, job.provider, progress, LOST))


def _job(record) -> GenerationJob:
    doc = record.doc
    return GenerationJob(id=record.id, owner=record.owner, slot=record.slot,
                         request=DraftRequest.model_validate(doc["request"]), provider=doc.get("provider"),
                         started=record.started_at.timestamp(), state=record.state,
                         progress=StreamProgress.model_validate(doc.get("progress") or {}), error=doc.get("error"),
                         finished=record.finished_at.timestamp() if record.finished_at else None,
                         now=time.time())
