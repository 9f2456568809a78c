"""Request-scoped access to the one service the app was built with."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, TypeVar

import anyio
from fastapi import Depends, Request

from drafter.service import DrafterService


async def get_service(request: Request) -> DrafterService:
    """Async on purpose: a sync dependency would cost a thread hop on every request."""
    return request.app.state.service


# What every route takes to reach the service: `service: Service` (an editor follows it into DrafterService).
Service = Annotated[DrafterService, Depends(get_service)]


T = TypeVar("T")


async def run_cpu_bound(request: Request, func: Callable[..., T], *args, **kwargs) -> T:
    """Run pure-Python CPU work (the number check) in a worker thread, one at a time per process.

    Under the GIL more threads add no speed, only contention that starves the event loop; one thread keeps
    the loop responsive and gives the best throughput (run more `--workers` to use more cores).
    """
    state = request.app.state
    if getattr(state, "cpu_limiter", None) is None:
        state.cpu_limiter = anyio.CapacityLimiter(1)
    return await anyio.to_thread.run_sync(functools.partial(func, *args, **kwargs), limiter=state.cpu_limiter)
