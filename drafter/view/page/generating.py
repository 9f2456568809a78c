"""Generation on the page (issue 21): the writer chooses how to write (快速模板 / 本地模型 / 在线模型, each with
its expected time); the draft is written by a job of the service (drafter.service.generation), which the page
follows: progress from the first second (planning, then section N of M, seconds so far) and the text as it
comes. A reload, a second tab or a second device of the same user reattaches to a running job; 停止 ends it
and keeps what is written so far."""

from __future__ import annotations

import time

import streamlit as st

from drafter.models import DraftRequest
from drafter.view import actions
from drafter.view import labels as vl
from drafter.view.page.common import flash, ss
from drafter.view.safe import plain

CHOICES = {"template": "快速模板（约 1 秒，按固定格式写）", "local": "本地模型（约 30 秒到 1 分半，写得更自然）",
           "openai": "在线模型（约 10 到 30 秒）"}
POLL_S = 0.4


def provider_choice(svc, settings) -> None:
    """The ways of writing available here, with their expected time (the configured one first)."""
    try:
        available = [n for n, info in svc.readiness().get("providers", {}).items() if info.get("available")]
    except Exception:  # noqa: BLE001 - the sidebar shows the error; the template always works
        available = ["template"]
    options = [n for n in CHOICES if n in available] or ["template"]
    preferred = settings.provider if settings.provider in options else (
        "openai" if "openai" in options else "local" if "local" in options else "template")
    if ss.get("f_provider") not in options:
        ss.f_provider = preferred
    st.radio("写作方式", options, key="f_provider", format_func=CHOICES.get, horizontal=True)


def start(svc, request: DraftRequest, user) -> None:
    """Start the job of the open draft's slot (an error is shown when the queue is full or the way is missing)."""
    try:
        svc.generation.start(user.name, ss.get("draft_id"), request, ss.get("f_provider"))
    except Exception as exc:  # noqa: BLE001 - QueueFull, ProviderUnavailable: the form is kept
        st.error(plain(actions.error_text(exc)))
        return
    ss.gen_request = request.model_dump()
    follow(svc, user)


def _stop(svc, user) -> None:
    svc.generation.stop(user.name, ss.get("draft_id"))


def follow(svc, user) -> None:
    """Show the running (or just finished) job of this user's open draft and take its result when it ends."""
    job = svc.generation.get(user.name, ss.get("draft_id"))
    if job is None:
        return
    with st.container(border=True, key="gen_box"):
        if job.state == "running":
            st.button("停止生成（保留已写出的内容）", key="gen_stop", on_click=lambda: _stop(svc, user))
        bar, live = st.progress(0.0, text=_label(job)), st.empty()
        while job is not None and job.state == "running":
            bar.progress(job.progress.fraction, text=_label(job))
            live.text(job.progress.text[-1200:] or "（正文会在这里陆续出现）")
            time.sleep(POLL_S)
            job = svc.generation.get(user.name, job.slot)  # the store's copy: any page server may run the job
        if job is None:  # taken by another tab of the same user
            return
        bar.progress(1.0, text=_label(job))
    take(svc, user, job)


def _label(job) -> str:
    seconds = int(job.elapsed_s)
    if job.state == "stopped":
        return plain(f"已停止（用时 {seconds} 秒）")
    if job.state == "failed":
        return plain(f"生成中途出错（用时 {seconds} 秒）")
    return plain(f"{job.progress.label}（已用 {seconds} 秒）")


def take(svc, user, job) -> None:
    """The job's result goes into the editor (the same facts stay on the same saved draft; changed facts start a
    new draft); the job is then forgotten."""
    svc.generation.forget(user.name, job.slot, job.id)
    if job.error and job.state == "failed":
        flash("generate", ("error", f"生成失败：{job.error}"))
    if job.result is None:
        if job.state == "stopped":
            flash("generate", ("info", "已停止生成：还没有写出内容"))
        st.rerun()
    request = job.request
    same = ss.get("draft_id") and ss.get("request") == request.model_dump()
    ss.update(request=request.model_dump(), result=job.result.model_dump(), draft_text=job.result.text,
              editor_rev=int(ss.get("editor_rev", 0)) + 1, scroll_to_editor=int(ss.get("scroll_to_editor", 0)) + 1)
    if not same:
        ss.update(draft_id=None, base_version=None, saved_text=None, stale=False)
    done = {"done": "初稿已生成", "stopped": "已停止，保留了已写出的内容"}.get(job.state, "生成中断，保留了已写出的内容")
    flash("generate", ("success" if job.state != "failed" else "warning", f"{done}（{vl.provider_label(job.result.provider)}，用时 {job.elapsed_s:.0f} 秒）"))
    st.rerun()
