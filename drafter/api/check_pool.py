"""Long checks in a process of their own (issue 24, bounded work): a check of a long draft runs in one child
process at a time, which the API kills when the call's deadline passes or its client goes away. The worker's
event loop keeps its GIL to itself, so /healthz and every other request go on answering meanwhile; checks that
find the child busy wait in a short queue, and beyond it get 429 at once.

The child is started (spawn: no fork of a threaded server) on the first long check and reused; it is built
from the same Settings, so it uses the same lexicons.
"""

from __future__ import annotations

import logging
import multiprocessing
import time

import anyio
from starlette.requests import Request

from drafter.api.errors import ApiError
from drafter.domain.errors import DrafterError, QueueFull
from drafter.models import CheckResult
from drafter.settings import Settings

log = logging.getLogger("drafter.api")
POLL_S = 0.02  # how often the waiting request looks for the answer and for its client's disconnect


class ClientGone(Exception):
    """The client disconnected while its check ran; the check was stopped (nobody reads an answer)."""


def _serve(connection, settings_json: str) -> None:
    """The child: check what arrives, answer (ok, CheckResult JSON or error text), until the pipe closes. It checks
    through the service, as every adapter does."""
    from drafter.service import DrafterService

    service = DrafterService(Settings.model_validate_json(settings_json))
    service.check(["1人"], "1人")
    while True:
        try:
            facts, draft = connection.recv()
        except (EOFError, OSError):
            return
        try:
            connection.send((True, service.check(facts, draft).model_dump_json()))
        except Exception as exc:  # noqa: BLE001 - reported to the request, the child goes on
            connection.send((False, str(exc) if isinstance(exc, DrafterError) else "核对失败（服务器内部错误）"))


class CheckPool:
    def __init__(self, settings: Settings, deadline_s: float, queue_size: int) -> None:
        self.settings = settings
        self.deadline_s = deadline_s
        self.queue_size = queue_size
        self._lock = anyio.Lock()
        self._waiting = 0
        self._process = None
        self._connection = None

    def _child(self):
        if self._process is None or not self._process.is_alive():
            context = multiprocessing.get_context("spawn")
            parent, child = context.Pipe()
            self._process = context.Process(target=_serve, args=(child, self.settings.model_dump_json()),
                                            name="drafter-check", daemon=True)
            self._process.start()
            child.close()
            self._connection = parent
        return self._connection

    def stop(self) -> None:
        """Kill the child (a check past its deadline, or a client gone); the next check starts a new one."""
        process, self._process = self._process, None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if process is not None and process.is_alive():
            process.kill()
            process.join(5)

    async def check(self, request: Request | None, facts: list[str], draft: str) -> CheckResult:
        """The check's result; QueueFull (429) when `queue_size` checks already wait, 503 check_timeout past
        the deadline (the child is killed). A client that disconnects stops its check the same way (ClientGone)."""
        if self._lock.locked() and self._waiting >= self.queue_size:
            raise QueueFull("核对队列已满，请稍后再试")
        self._waiting += 1
        try:
            await self._lock.acquire()
        finally:
            self._waiting -= 1
        try:
            return await self._run(request, facts, draft)
        finally:
            self._lock.release()

    async def _run(self, request: Request | None, facts: list[str], draft: str) -> CheckResult:
        connection = self._child()
        deadline = time.monotonic() + self.deadline_s
        answered = False
        try:
            # in a thread: a long draft fills the pipe, and a child still starting up reads it only later
            await anyio.to_thread.run_sync(connection.send, (facts, draft))
            while not connection.poll():
                if time.monotonic() > deadline:
                    raise ApiError(503, f"核对超时（超过 {self.deadline_s:g} 秒）：文稿过长或过于复杂，请缩短后重试",
                                   code="check_timeout")
                if not self._process.is_alive():
                    raise ApiError(503, "核对进程意外退出，请重试", code="check_failed")
                if request is not None and await request.is_disconnected():
                    log.info("check stopped: the client went away")
                    raise ClientGone()
                await anyio.sleep(POLL_S)
            ok, payload = connection.recv()
            answered = True
        finally:
            if not answered:
                self.stop()
        if not ok:
            raise ApiError(422 if "词表" in payload else 503, payload, code="check_failed")
        return CheckResult.model_validate_json(payload)
