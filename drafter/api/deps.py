"""Request-scoped access to the one service the app was built with."""

from __future__ import annotations

from fastapi import Request

from drafter.service import DrafterService


def get_service(request: Request) -> DrafterService:
    return request.app.state.service
