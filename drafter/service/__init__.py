"""The service layer: DrafterService, the one object every adapter (CLI, API, page) calls."""

from drafter.service.facade import DrafterService

__all__ = ["DrafterService"]
