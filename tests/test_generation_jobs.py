"""Drafting as a job of the draft (drafter.service.generation, issue 21): the job lives in the drafts store, so a
second page server (a real second process over the same SQLite file or PostgreSQL database) follows its progress
(planning, section N of M, the text so far) and reads the finished draft; 停止 asked on one server stops the job
running on another, keeping the finished sections and the finished sentences of the one cut; a worker killed by
SIGKILL leaves a job that reads as failed past its lease, with a Chinese reason and the text so far kept (issue 24).
The model is the scripted OpenAI-compatible server (real SSE on 127.0.0.1), slowed after its first call."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drafter.models import DraftRequest
from drafter.service import DrafterService
from processes import poll
from store_support import store_url  # noqa: F401 - fixture (sqlite, and postgresql on a throwaway cluster)
from strong_server import ScriptedServer, load_book

ROOT = Path(__file__).resolve().parent.parent
MONTHLY = ROOT / "bench" / "requests" / "monthly_2025_03.json"
REQUEST = DraftRequest(org="滨江区总工会", period="2025年",
                       facts=["春节走访慰问困难职工86户", "举办职工技能竞赛3场", "新建职工书屋5个", "开展心理健康讲座8场"])
LEASE_S = 4.0  # a busy machine (load 10 on 2 cores) can starve a worker for over a second
WORKER = """
import sys, threading
from pathlib import Path
from drafter.models import DraftRequest
from drafter.service import DrafterService
from drafter.settings import Settings
from retrieval.library import Library

url, library_dir, data_dir, base_url, lease_s, request = sys.argv[1:7]
library = Library(Settings(data_dir=library_dir, provider="template", auth="off", _env_file=None))
settings = Settings(data_dir=data_dir, database_url=url, provider="openai", openai_base_url=base_url,
                    openai_retries=0, trace="off", write_concurrency=1, auth="off", job_lease_s=float(lease_s),
                    draft_deadline_s=0, _env_file=None)
service = DrafterService(settings)
service.__dict__["library"] = library
job = service.generation.start("张秘书", "d1", DraftRequest.model_validate_json(Path(request).read_text("utf-8")))
print(job.id, flush=True)
threading.Event().wait()
"""


@pytest.fixture
def svc(settings, library):
    service = DrafterService(settings)
    service.__dict__["library"] = library
    return service


def ended(jobs, owner: str, slot: str | None, seconds: float = 120):
    return poll(lambda: jobs.get(owner, slot), lambda j: j is None or j.state != "running", seconds, every=0.1)


def test_a_job_runs_to_the_end_and_another_server_reads_it(svc, settings):
    job = svc.generation.start("张秘书", None, REQUEST, "template")
    other = DrafterService(settings).generation  # another page server over the same database
    assert other.get("张秘书", None).id == job.id, "a reload on any server reattaches"
    assert other.get("李四", None) is None, "another user does not"
    done = ended(other, "张秘书", None)
    assert done.state == "done" and "86户" in done.result.text and done.result.check.ok
    other.forget("张秘书", None, done.id)
    assert svc.generation.get("张秘书", None) is None


def test_a_failure_keeps_the_text_so_far(svc):
    real = svc.draft_events

    def failing(request, provider=None, author=None, cancel=None):
        for n, event in enumerate(real(request, provider, author=author, cancel=cancel)):
            if n == 6:
                raise RuntimeError("连接中断")
            yield event

    svc.draft_events = failing
    svc.generation.start("张秘书", None, REQUEST, "template")
    job = ended(svc.generation, "张秘书", None)
    assert job.state == "failed" and "连接中断" in job.error
    assert job.result is None or any("出错" in w for w in job.result.warnings)


@pytest.fixture
def worker(store_url, library_settings, tmp_path):  # noqa: F811 - the fixture's name
    """start(base_url) runs a page server's job in a real second process over `store_url`; the reader here."""
    started: list[subprocess.Popen] = []
    library_dir = tmp_path / "library"
    shutil.copytree(library_settings.data_dir, library_dir)
    (tmp_path / "request.json").write_text(MONTHLY.read_text("utf-8"), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}

    def start(base_url: str) -> subprocess.Popen:
        process = subprocess.Popen([sys.executable, "-c", WORKER, store_url, str(library_dir), str(tmp_path / "w"),
                                    base_url, str(LEASE_S), str(tmp_path / "request.json")],
                                   stdout=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
        started.append(process)
        return process

    yield start
    for process in started:
        process.kill()
        process.wait(timeout=30)


def reader(settings, store_url):  # noqa: F811
    configured = settings.model_copy(update={"database_url": store_url, "job_lease_s": LEASE_S})
    return DrafterService(configured).generation


def follow_until_writing(jobs):
    """The job, once the other process has finished a section and streams the next."""
    job = poll(lambda: jobs.get("张秘书", "d1"),
               lambda j: j is not None and (j.state != "running" or (j.progress.done >= 1 and j.progress.current
                                                                     and len(j.progress.text) > 60)), 180)
    assert job is not None and job.state == "running", job
    assert job.progress.headings and "正在撰写第" in job.progress.label  # section N of M, read on this server
    return job


def test_stop_on_this_server_stops_the_job_of_another(worker, settings, store_url):  # noqa: F811
    with ScriptedServer(load_book(), piece_delay_s=0.25, slow_after=1) as server:
        process = worker(server.base_url)
        assert len(process.stdout.readline().strip()) == 32
        jobs = reader(settings, store_url)
        running = follow_until_writing(jobs)
        written = running.progress.text
        jobs.stop("张秘书", "d1")  # a flag in the store: the worker's heartbeat reads it
        job = ended(jobs, "张秘书", "d1", 60)
    assert job.state == "stopped" and process.poll() is None, job
    result = job.result
    assert result.warnings[0].startswith("已停止生成：已写完") and result.check.ok
    finished = [s for s in result.sections if not s.fallback]
    assert finished and all(s.text in result.text for s in finished)
    assert written.split("\n", 1)[0] in result.text  # the opening written before 停止 is kept
    assert any(s.fallback and "已停止生成" in s.fallback_reason for s in result.sections)  # the rest: templates


def test_a_worker_killed_mid_job_leaves_a_failed_job_with_its_text(worker, settings, store_url):  # noqa: F811
    with ScriptedServer(load_book(), piece_delay_s=0.5, slow_after=1) as server:
        process = worker(server.base_url)
        job_id = process.stdout.readline().strip()
        jobs = reader(settings, store_url)
        running = follow_until_writing(jobs)
        time.sleep(LEASE_S + 1)  # the worker's heartbeat keeps its lease
        assert jobs.get("张秘书", "d1").state == "running"
        process.kill()  # SIGKILL mid-job: nothing is written on the way out
        process.wait(timeout=30)
        killed_at = time.monotonic()
        job = ended(jobs, "张秘书", "d1", 30)
    assert job.id == job_id and job.state == "failed", job
    assert time.monotonic() - killed_at < LEASE_S + 3
    assert "服务进程已停止" in job.error and "保留" in job.error
    first = running.progress.parts[min(running.progress.parts)]
    assert first and first in job.result.text  # what was written before the kill is kept
    assert job.result.warnings[0].startswith("生成中断：已写完")
