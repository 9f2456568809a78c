"""How a command ends on the service's errors: a red Chinese message on stderr and an exit code."""

from __future__ import annotations

import typer
from rich.console import Console

_err = Console(stderr=True)


def fail(exc: Exception | str, code: int) -> typer.Exit:
    """Print `exc` in red on stderr; raise the returned Exit."""
    _err.print(f"[red]{exc}[/red]")
    return typer.Exit(code)


def outcome(call, *args, **kwargs):
    """`call(*args, **kwargs)`, or exit 2 on bad input or a conflict and 1 on something not found."""
    from drafter.domain.errors import Conflict, InvalidInput, NotFound

    try:
        return call(*args, **kwargs)
    except (InvalidInput, Conflict) as exc:
        raise fail(exc, 2) from exc
    except NotFound as exc:
        raise fail(exc, 1) from exc
