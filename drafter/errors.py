"""Errors the service raises and every adapter maps (API status codes, Chinese messages in the UI and CLI)."""

from __future__ import annotations

from drafter.providers.base import ProviderError, ProviderUnavailable
from drafter.queue import QueueFull


class NotFound(LookupError):
    """An unknown draft, version or example (API 404)."""


class StaleVersion(RuntimeError):
    """An edit based on a version that is no longer the latest (API 409)."""


class InvalidInput(ValueError):
    """Input that cannot be used; the message says why, in Chinese (API 422)."""


__all__ = ["NotFound", "StaleVersion", "InvalidInput", "QueueFull", "ProviderError", "ProviderUnavailable"]
