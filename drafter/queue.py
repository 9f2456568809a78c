"""A bounded generation queue: at most `workers` drafts generate at once and `size` wait; more are refused."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator


class QueueFull(RuntimeError):
    """Raised when the generation queue has no room (the API answers 429)."""


class GenerationQueue:
    def __init__(self, workers: int = 1, size: int = 8) -> None:
        self._slots = threading.BoundedSemaphore(max(1, workers))
        self._room = threading.BoundedSemaphore(max(1, workers) + max(0, size))

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold a generation slot for the duration of the block; raise QueueFull when nobody may wait."""
        if not self._room.acquire(blocking=False):
            raise QueueFull("生成队列已满，请稍后再试")
        try:
            with self._slots:
                yield
        finally:
            self._room.release()
