"""Request-scoped access to the one service the app was built with."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from drafter.service import DrafterService


async def get_service(request: Request) -> DrafterService:
    """Async on purpose: a sync dependency would cost a thread hop on every request."""
    return request.app.state.service


# What every route takes to reach the service: `service: Service` (an editor follows it into DrafterService).
Service = Annotated[DrafterService, Depends(get_service)]

