"""Entry points for uvicorn: `drafter.api.main:app_from_env` (factory=True) builds Settings and the service
inside each worker process, from the DRAFTER_* environment."""

from __future__ import annotations

from fastapi import FastAPI

from drafter.api.app import create_app
from drafter.service import DrafterService
from drafter.settings import Settings


def app_from_env() -> FastAPI:
    return create_app(DrafterService(Settings()), warm=True)
