"""The HTTP API (FastAPI) over DrafterService. The only place in drafter/ that imports a web framework."""

from drafter.api.app import create_app

__all__ = ["create_app"]
