"""The worker side of a page drafting job (drafter.service.generation): it follows the pipeline's events in a thread
of the page server that started the job, and writes the job's progress to the drafts store (at most every
FLUSH_S, and at every section's start and end), so that every page server reads it. A heartbeat renews the job's
lease and reads 停止 asked on any server; 停止 ends the model's calls as the draft deadline does (the section being
written keeps its finished sentences, the rest come from templates, drafter.pipeline.writer), and the draft is
checked whole. The end (done, stopped, failed) is written once and never changes."""

from __future__ import annotations

import logging
import threading
import time

from drafter.models import DraftEvent, DraftResult
from drafter.pipeline.deadline import Cancel
from drafter.service.progress import StreamProgress

log = logging.getLogger(__name__)
FLUSH_S = 0.5  # the text streamed so far reaches the store at least this often
STOP_REASON = "已停止生成，本节改用模板"


def job_doc(request, provider, progress: StreamProgress, error: str | None = None) -> dict:
    return {"request": request.model_dump(mode="json"), "provider": provider,
            "progress": progress.model_dump(mode="json"), "error": error}


class JobRunner:
    """One job's worker: `run(events)` in a thread of its own."""

    def __init__(self, jobs, job_id: str, request, provider: str | None) -> None:
        self.jobs, self.store, self.service = jobs, jobs.store, jobs.service
        self.id, self.request, self.provider = job_id, request, provider
        self.cancel = Cancel(STOP_REASON)
        self.progress = StreamProgress()
        self.error: str | None = None
        self.lost = False  # a reader failed the job past its lease: nothing more is written
        self.done_at_stop: int | None = None  # sections finished when 停止 was seen
        self._flushed = 0.0
        self._lock = threading.Lock()  # one store write at a time from this job

    @property
    def stopped(self) -> bool:
        return self.cancel.is_set()

    def stop(self) -> None:
        self.cancel.set()

    def run(self, events, started: float) -> None:
        beating = threading.Event()
        threading.Thread(target=self._heartbeat, args=(beating,), name=f"draft-beat-{self.id[:8]}",
                         daemon=True).start()
        try:
            for event in events:
                event = event if isinstance(event, DraftEvent) else DraftEvent.model_validate(event)
                if self.stopped and self.done_at_stop is None:
                    self.done_at_stop = self.progress.done
                self.progress.apply(event)
                if self.progress.result is not None or self.lost:
                    break
                self._flush(force=event.type in ("plan", "section_started", "section_done"))
        except Exception as exc:  # noqa: BLE001 - kept on the job for the page, with the text so far
            log.warning("drafting job %s failed: %s", self.id, exc)
            self.error = str(exc) or exc.__class__.__name__
        finally:
            close = getattr(events, "close", None)
            if close is not None:
                try:
                    close()
                except Exception:  # noqa: BLE001 - the job ends either way
                    pass
            beating.set()
            self._end(started)

    def _flush(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._flushed < FLUSH_S:
            return
        self._flushed = now
        self._save(job_doc(self.request, self.provider, self.progress))

    def _save(self, doc: dict | None) -> None:
        try:
            with self._lock:
                running, asked = self.store.save_generation_job(self.id, self.jobs.lease_s, doc)
        except Exception:  # noqa: BLE001 - a missed write only brings the lease's end nearer
            log.exception("drafting job %s: progress not written", self.id)
            return
        if not running:
            self.lost = True
            self.cancel.set()  # failed by a reader past the lease: the work is of no use any more
        elif asked:
            self.cancel.set()

    def _heartbeat(self, finished: threading.Event) -> None:
        while not finished.wait(self.jobs.heartbeat_s):
            self._save(None)

    def _end(self, started: float) -> None:
        """The final state: done (or stopped) with the pipeline's whole checked draft; else the text so far."""
        state = "stopped" if self.stopped and not self.lost else "done"
        result = self.progress.result
        try:
            if result is not None and state == "stopped":
                result = result.model_copy(update={"warnings": [self._stop_note(result), *result.warnings]})
            elif result is None:
                state = "stopped" if self.stopped and not self.error else "failed"
                result = self.jobs.partial(self.request, self.progress, self.provider, time.time() - started,
                                           "已停止生成" if state == "stopped" else "生成中途出错")
        except Exception as exc:  # noqa: BLE001 - the text so far stays in the progress
            log.exception("drafting job %s: no result", self.id)
            self.error = self.error or str(exc)
        self.progress.result = result
        try:
            with self._lock:
                self.store.end_generation_job(self.id, state, job_doc(self.request, self.provider, self.progress,
                                                                      self.error))
        except Exception:  # noqa: BLE001 - unwritten, the job ends at its lease with the text last written
            log.exception("drafting job %s: end not written", self.id)
        self.jobs.ran(self.id)

    def _stop_note(self, result: DraftResult) -> str:
        total = len(result.sections)
        by_model = sum(1 for s in result.sections if not s.fallback and s.provider != "template")
        cut = sum(1 for s in result.sections if s.cut_note and not s.fallback)
        done = self.progress.done if self.done_at_stop is None else self.done_at_stop
        written = f"已写完 {done}/{total} 部分" if total else "已写完"
        kept = f"，其中 {by_model} 部分由模型写成" if by_model else ""
        part = f"，写到一半的 {cut} 部分保留了写完的句子" if cut else ""
        return f"已停止生成：{written}{kept}{part}；没有写的部分按模板补全，请核对"
