"""A bounded generation queue: at most `workers` drafts generate at once and `size` wait; more are refused."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from drafter.domain.errors import QueueFull  # noqa: F401 - re-exported; defined in drafter.domain.errors


class Ticket:
    """A place in the queue, taken eagerly; released exactly once."""

    def __init__(self, room: threading.BoundedSemaphore) -> None:
        self._room = room
        self._lock = threading.Lock()
        self._held = True

    def release(self) -> None:
        with self._lock:
            if self._held:
                self._held = False
                self._room.release()


class GenerationQueue:
    def __init__(self, workers: int = 1, size: int = 8) -> None:
        self._slots = threading.BoundedSemaphore(max(1, workers))
        self._room = threading.BoundedSemaphore(max(1, workers) + max(0, size))

    def reserve(self) -> Ticket:
        """Take a place in the queue now or raise QueueFull."""
        if not self._room.acquire(blocking=False):
            raise QueueFull("生成队列已满，请稍后再试")
        return Ticket(self._room)

    @contextmanager
    def slot(self, ticket: Ticket | None = None) -> Iterator[None]:
        """Hold a generation slot for the block (waiting for a worker); the place is released afterwards."""
        ticket = ticket or self.reserve()
        try:
            with self._slots:
                yield
        finally:
            ticket.release()

    def stream(self, events: Iterator, ticket: Ticket | None = None) -> "QueuedStream":
        """Wrap an event iterator so it runs inside a slot; the place is reserved now (QueueFull now)."""
        return QueuedStream(self, events, ticket or self.reserve())


class QueuedStream:
    """An iterator that generates inside a queue slot and always gives its place back, even if never started."""

    def __init__(self, queue: GenerationQueue, events: Iterator, ticket: Ticket) -> None:
        self._ticket = ticket
        self._inner = self._run(queue, events, ticket)

    @staticmethod
    def _run(queue: GenerationQueue, events: Iterator, ticket: Ticket) -> Iterator:
        with queue.slot(ticket):
            yield from events

    def __iter__(self) -> "QueuedStream":
        return self

    def __next__(self):
        return next(self._inner)

    def close(self) -> None:
        self._inner.close()
        self._ticket.release()

    def __del__(self) -> None:
        self._ticket.release()
