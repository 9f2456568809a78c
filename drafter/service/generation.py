"""Drafting as a job of the draft (issue 21): the pipeline runs in a thread of the server, not in the page's
request, so a reload, a second tab or a second device on the same server reattaches to it and follows the rest;
停止 ends it after the current step and keeps the text written so far as the result.

Jobs are kept per (user, slot) in this process (slot: the draft id, or "" for a draft not saved yet); a finished
job stays until its owner takes the result. The API can use the same jobs (start / get / stop)."""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field

from drafter.models import DraftEvent, DraftRequest, DraftResult
from drafter.service.progress import StreamProgress

KEEP_FINISHED_S = 3600.0


@dataclass
class GenerationJob:
    id: str
    owner: str
    slot: str
    request: DraftRequest
    provider: str | None
    started: float = field(default_factory=time.time)
    state: str = "running"  # running, done, stopped, failed
    progress: StreamProgress = field(default_factory=StreamProgress)
    error: str | None = None
    finished: float | None = None
    stop_asked: threading.Event = field(default_factory=threading.Event)

    @property
    def result(self) -> DraftResult | None:
        return self.progress.result

    @property
    def elapsed_s(self) -> float:
        return (self.finished or time.time()) - self.started


class GenerationJobs:
    """The service's running and finished drafting jobs (one per user and slot)."""

    def __init__(self, service) -> None:
        self.service = service
        self._jobs: dict[tuple[str, str], GenerationJob] = {}
        self._lock = threading.Lock()

    def start(self, owner: str, slot: str | None, request: DraftRequest, provider: str | None = None,
              author=None) -> GenerationJob:
        """Start drafting; QueueFull / ProviderUnavailable are raised here, before any job exists. A job already
        running for this user and slot is stopped first (its text so far is dropped with it: the page asks).
        With `author` (a user with its organisation), retrieval and pinned examples are only those that author
        may see (DrafterService.draft_events)."""
        key = (owner, slot or "")
        old = self.get(owner, slot)
        if old is not None and old.state == "running":
            old.stop_asked.set()
        events = self.service.draft_events(request, provider, author=author)
        job = GenerationJob(id=uuid.uuid4().hex, owner=owner, slot=key[1], request=request, provider=provider)
        with self._lock:
            self._forget_old()
            self._jobs[key] = job
        threading.Thread(target=self._run, args=(job, events), name=f"draft-{job.id[:8]}", daemon=True).start()
        return job

    def get(self, owner: str, slot: str | None) -> GenerationJob | None:
        with self._lock:
            return self._jobs.get((owner, slot or ""))

    def stop(self, owner: str, slot: str | None) -> GenerationJob | None:
        """Ask the job to stop after its current step; the text so far becomes its result."""
        job = self.get(owner, slot)
        if job is not None and job.state == "running":
            job.stop_asked.set()
        return job

    def forget(self, owner: str, slot: str | None, job_id: str | None = None) -> None:
        """The owner took the result (or dropped it): the job is gone."""
        with self._lock:
            job = self._jobs.get((owner, slot or ""))
            if job is not None and (job_id is None or job.id == job_id) and job.state != "running":
                del self._jobs[(owner, slot or "")]

    def move(self, owner: str, old_slot: str | None, new_slot: str | None) -> None:
        """The new draft was saved: its job now belongs to the saved draft's slot."""
        with self._lock:
            job = self._jobs.pop((owner, old_slot or ""), None)
            if job is not None:
                job.slot = new_slot or ""
                self._jobs[(owner, job.slot)] = job

    def _forget_old(self) -> None:
        now = time.time()
        for key, job in list(self._jobs.items()):
            if job.finished is not None and now - job.finished > KEEP_FINISHED_S:
                del self._jobs[key]

    def _run(self, job: GenerationJob, events) -> None:
        try:
            for event in events:
                job.progress.apply(event if isinstance(event, DraftEvent) else DraftEvent.model_validate(event))
                if job.progress.result is not None:
                    break
                if job.stop_asked.is_set():
                    break
        except Exception as exc:  # noqa: BLE001 - kept on the job for the page, with the text so far
            job.error = str(exc) or exc.__class__.__name__
        finally:
            close = getattr(events, "close", None)
            if close is not None:
                try:
                    close()
                except Exception:  # noqa: BLE001 - the job ends either way
                    pass
        self._finish(job)

    def _finish(self, job: GenerationJob) -> None:
        """Set the final state (always: a page follows the job until it is no longer running)."""
        state = "done" if job.progress.result is not None else "stopped" if job.stop_asked.is_set() else "failed"
        try:
            text = job.progress.text.strip()
            if state != "done" and text:
                job.progress.result = self._partial(job, text, state)
        except Exception as exc:  # noqa: BLE001 - the text so far stays in job.progress
            job.error = job.error or str(exc)
        finally:
            job.finished = time.time()
            job.state = state

    def _partial(self, job: GenerationJob, text: str, state: str) -> DraftResult:
        """The text written before 停止 (or a failure), checked like any draft."""
        total = len(job.progress.headings)
        done = f"已写完 {job.progress.done}/{total} 部分" if total else f"已写完 {job.progress.done} 部分"
        why = "已停止生成" if state == "stopped" else "生成中途出错"
        return DraftResult(text=text, sections=[], check=self.service.check_text(job.request, text),
                           provider=job.progress.provider or job.provider or "", elapsed_s=job.elapsed_s,
                           warnings=[f"{why}：{done}，保留了已写出的内容"])
