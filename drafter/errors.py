"""Errors the service raises and every adapter maps (API status codes, Chinese messages in the UI and CLI)."""

from __future__ import annotations

from drafter.providers.base import ProviderError, ProviderUnavailable
from drafter.queue import QueueFull


class NotFound(LookupError):
    """An unknown draft, version or example (API 404)."""


class StaleVersion(RuntimeError):
    """An edit based on a version that is no longer the latest (API 409, with the latest version's number)."""

    def __init__(self, message: str = "", latest_version: int | None = None) -> None:
        super().__init__(message)
        self.latest_version = latest_version


class Forbidden(PermissionError):
    """The caller may not do this to this draft, e.g. save a version of someone else's draft (API 403)."""


class InvalidInput(ValueError):
    """Input that cannot be used; the message says why, in Chinese (API 422)."""


__all__ = ["NotFound", "StaleVersion", "Forbidden", "InvalidInput", "QueueFull", "ProviderError", "ProviderUnavailable"]
