"""Issue 24: a job whose worker died is failed at once, on any machine, without a restart. A queued or running job
holds a lease its worker renews; the first reader past the lease marks it failed with a Chinese reason, and a
finished job never changes again. Proven with simulated leases and with a real worker process killed by
SIGKILL mid-job (SQLite file and a real PostgreSQL)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from drafter.service.jobs import JobStore
from drafter.store import DraftStore
from drafter.store.tables import JobRow
from processes import poll
from store_support import store, store_url  # noqa: F401 - fixtures (sqlite, and postgresql on a throwaway cluster)

ROOT = Path(__file__).resolve().parent.parent
WORKER = """
import sys, threading
from drafter.service.jobs import JobStore
from drafter.store import DraftStore

jobs = JobStore(DraftStore(sys.argv[1]), lease_s=float(sys.argv[2]))

def work(progress):
    progress(1, 10)
    threading.Event().wait()  # mid-job until killed

print(jobs.start("upload", work, total=10).id, flush=True)
threading.Event().wait()
"""


def _expire(store, job_id: str) -> None:  # noqa: F811 - the fixture's name
    with store.engine.begin() as conn:
        conn.execute(JobRow.__table__.update().where(JobRow.id == job_id)
                     .values(lease_until=datetime.now(UTC) - timedelta(minutes=5)))


def _wait_for(read, done, timeout: float):
    return poll(read, done, timeout, every=0.1)


def test_a_job_past_its_lease_reads_as_failed_with_a_chinese_reason(store):  # noqa: F811
    jobs = JobStore(store, lease_s=30)
    lost = jobs.update(jobs.create("upload", total=4).id, status="running")
    live = jobs.update(jobs.create("upload").id, status="running")
    _expire(store, lost.id)
    failed = jobs.get(lost.id)
    assert failed.status == "failed" and failed.error["code"] == "interrupted"
    assert "服务进程已停止" in failed.error["message"] and "重新上传" in failed.error["message"]
    assert failed.progress.total == 4  # the rest of the job is kept
    assert jobs.get(live.id).status == "running"
    late = jobs.update(lost.id, status="done", result={"files": 1})  # the worker was only slow: too late
    assert late.status == "failed" and jobs.get(lost.id).status == "failed"


def test_a_finished_job_is_never_failed_by_a_reader(store):  # noqa: F811
    jobs = JobStore(store, lease_s=30)
    done = jobs.update(jobs.update(jobs.create("upload").id, status="running").id, status="done", result={"files": 2})
    _expire(store, done.id)
    assert jobs.get(done.id).status == "done" and jobs.fail_interrupted() == 0


def test_a_heartbeat_keeps_a_slow_job_running_past_its_lease(store):  # noqa: F811
    jobs = JobStore(store, lease_s=0.6)
    release = threading.Event()
    job = jobs.start("upload", lambda progress: release.wait(10) and {"files": 1})
    time.sleep(1.5)  # well past one lease: only the renewals keep it alive
    assert jobs.get(job.id).status == "running"
    release.set()
    assert _wait_for(lambda: jobs.get(job.id).status, lambda s: s == "done", 10) == "done"


def test_a_worker_killed_mid_job_leaves_a_failed_job_for_every_other_process(store_url, tmp_path):  # noqa: F811
    lease_s = 1.5
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    worker = subprocess.Popen([sys.executable, "-c", WORKER, store_url, str(lease_s)], stdout=subprocess.PIPE,
                              text=True, env=env, cwd=tmp_path)
    try:
        job_id = worker.stdout.readline().strip()
        assert len(job_id) == 32, job_id
        reader = JobStore(DraftStore(store_url), lease_s=lease_s)  # another machine on the same database
        progress = _wait_for(lambda: reader.get(job_id), lambda j: j.progress.done == 1, 30)
        assert progress.status == "running"
        time.sleep(2 * lease_s)  # the worker's heartbeat keeps its lease
        assert reader.get(job_id).status == "running"
    finally:
        worker.kill()  # SIGKILL mid-job: no handler runs, nothing is written on the way out
        worker.wait(timeout=30)
    killed_at = time.monotonic()
    failed = _wait_for(lambda: reader.get(job_id), lambda j: j.status == "failed", 30)
    assert failed.status == "failed" and failed.error["code"] == "interrupted", failed
    assert time.monotonic() - killed_at < lease_s + 2  # within the lease, no restart of anything
    assert "服务进程已停止" in failed.error["message"]
