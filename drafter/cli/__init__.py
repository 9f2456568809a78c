"""The `drafter` command line: a thin adapter over the service. Each command group lives in its own module."""

from __future__ import annotations

import typer

from drafter.settings import Settings

app = typer.Typer(no_args_is_help=True, add_completion=False, help="drafter: 工会工作总结起草助手")


@app.callback()
def _root(ctx: typer.Context) -> None:
    """Build the settings once per invocation; commands read them from ctx.obj."""
    ctx.obj = Settings()


def settings_of(ctx: typer.Context) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings()


def _register_all() -> None:
    from drafter.cli import (check_cmd, draft_cmds, orgs_cmd, retrieval_cmds, serve_cmds, trace_cmd, ui_cmd,
                             users_cmd)

    for module in (retrieval_cmds, check_cmd, draft_cmds, serve_cmds, ui_cmd, users_cmd, trace_cmd, orgs_cmd):
        module.register(app)


_register_all()


def main() -> None:
    from drafter.cli.usage import run

    run(app)  # usage errors in Chinese, exit 2 (issue 24)
