"""Drafting as a job of the draft (drafter.service.generation, issue 21): the job outlives the request that
started it, anyone of the same user and slot reattaches, 停止 keeps the text so far (checked), a failure keeps
it too, and a finished job is forgotten once taken."""

from __future__ import annotations

import time

import pytest

from drafter.models import DraftRequest
from drafter.service import DrafterService
from drafter.settings import Settings

REQUEST = DraftRequest(org="滨江区总工会", period="2025年",
                       facts=["春节走访慰问困难职工86户", "举办职工技能竞赛3场", "新建职工书屋5个", "开展心理健康讲座8场"])


@pytest.fixture
def svc(settings, library):
    service = DrafterService(settings)
    service.__dict__["library"] = library
    return service


def wait(job, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while job.state == "running" and time.monotonic() < deadline:
        time.sleep(0.05)


def slowed(svc, pause: float, fail_after: int | None = None):
    """The real template pipeline's events, one every `pause` seconds (a slow model's pace)."""
    real = svc.draft_events

    def events(request, provider=None, author=None):
        def gen():
            for n, event in enumerate(real(request, provider, author=author)):
                if fail_after is not None and n == fail_after:
                    raise RuntimeError("连接中断")
                time.sleep(pause)
                yield event
        return gen()

    svc.draft_events = events


def test_a_job_runs_to_the_end_and_a_second_page_finds_it(svc):
    job = svc.generation.start("张秘书", None, REQUEST, "template")
    assert svc.generation.get("张秘书", None) is job, "a reload (same user, same slot) reattaches"
    assert svc.generation.get("李四", None) is None, "another user does not"
    wait(job)
    assert job.state == "done" and "86户" in job.result.text and job.result.check.ok
    svc.generation.forget("张秘书", None, job.id)
    assert svc.generation.get("张秘书", None) is None


def test_stop_keeps_what_was_written_and_checks_it(svc):
    slowed(svc, 0.15)
    job = svc.generation.start("张秘书", "d1", REQUEST, "template")
    deadline = time.monotonic() + 30
    while job.progress.done < 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert job.state == "running" and job.progress.headings, "progress: the plan, then section N of M"
    svc.generation.stop("张秘书", "d1")
    wait(job)
    assert job.state == "stopped" and job.result is not None
    assert job.result.text.strip() and job.result.text in job.progress.text
    assert job.progress.done < len(job.progress.headings), "it stopped before the end"
    assert any("已停止生成" in w for w in job.result.warnings)
    assert job.result.check is not None


def test_a_failure_keeps_the_text_so_far(svc):
    slowed(svc, 0.01, fail_after=6)
    job = svc.generation.start("张秘书", None, REQUEST, "template")
    wait(job)
    assert job.state == "failed" and "连接中断" in job.error
    assert job.result is None or any("出错" in w for w in job.result.warnings)
