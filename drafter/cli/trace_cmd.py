"""`drafter trace DRAFT_ID`: the model calls that produced a stored draft (prompt, reply, tokens, time, step).

    drafter trace 3f2a…            # each call: step, provider/model, tokens, time, then the prompt and the reply
    drafter trace 3f2a… --json     # the calls as a JSON list (drafter.providers.trace_log.TraceCall)
"""

from __future__ import annotations

import json

import typer

EXIT_NOT_FOUND = 1


def _tokens(value: int | None) -> str:
    return "?" if value is None else str(value)


def format_call(number: int, call) -> str:
    """One call as readable text: a header line, then each message and the reply."""
    head = (f"#{number} {call.step} · {call.provider}/{call.model} · 读 {_tokens(call.tokens_in)} 词元，"
            f"写 {_tokens(call.tokens_out)} 词元 · {call.elapsed_s:.1f} 秒")
    lines = [head + (f" · 失败：{call.error}" if call.error else "")]
    for message in call.messages:
        lines += [f"--- {message['role']} ---", message["content"]]
    lines += ["--- 回复 ---", call.reply or "（空）", ""]
    return "\n".join(lines)


def trace(ctx: typer.Context,
          draft_id: str = typer.Argument(..., help="Draft id (from the API or the page)."),
          as_json: bool = typer.Option(False, "--json", help="Print the calls as a JSON list.")) -> None:
    """Show every model call that produced a stored draft: prompt, reply, tokens, time and pipeline step."""
    from drafter.cli import settings_of
    from drafter.domain.errors import NotFound
    from drafter.service import DrafterService

    settings = settings_of(ctx)
    try:
        calls = DrafterService(settings).trace(draft_id)
    except NotFound as exc:
        typer.echo(f"错误：{exc}", err=True)
        raise typer.Exit(EXIT_NOT_FOUND) from exc
    if as_json:
        typer.echo(json.dumps([call.model_dump() for call in calls], ensure_ascii=False, indent=2))
        return
    if not calls:
        off = "（DRAFTER_TRACE=off，未记录）" if settings.trace == "off" else "（模板写作或记录前的稿件）"
        typer.echo(f"稿件 {draft_id} 没有模型调用记录{off}。")
        return
    for number, call in enumerate(calls, start=1):
        typer.echo(format_call(number, call))


def register(app: typer.Typer) -> None:
    app.command("trace")(trace)
