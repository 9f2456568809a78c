"""`drafter draft REQUEST(.json|.txt)`: draft a summary and print it with its number check (and the `model` group)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer
from rich.console import Console

from drafter.cli import settings_of
from drafter.models import DraftRequest, DraftResult

EXIT_BAD_INPUT = 2
EXIT_PROVIDER = 3
EXIT_WRITE = 4  # --out could not be written (the draft is still printed)


def register(app: typer.Typer) -> None:
    """Add `draft` and the `model` group to the app."""
    from drafter.cli.model_cmds import register_model

    app.command("draft")(draft)
    register_model(app)


def read_request(path: Path) -> DraftRequest:
    """A request from a .json file (the API's body) or a .txt file (the typed form); InvalidInput in Chinese.
    Parsed and validated by DrafterService.parse_request, exactly as the API does."""
    from drafter.domain.errors import InvalidInput
    from drafter.service import DrafterService

    from drafter.cli.files import InputFileError, read_input

    try:
        raw = read_input(path)
    except InputFileError as exc:
        raise InvalidInput(f"请求文件：{exc}") from None
    try:
        return DrafterService.parse_request(raw, "json" if path.suffix.lower() == ".json" else "text")
    except InvalidInput as exc:
        raise InvalidInput(f"请求文件 {path} 内容有误：{exc}", exc.fields) from None


def out_problem(out: Path) -> str | None:
    """Why the result could not be written to `out` (checked before drafting), or None."""
    from drafter.domain.errors import os_reason

    parent = out.parent if str(out.parent) else Path(".")
    try:
        if out.is_dir():
            return "这是一个目录，不是文件"
        if not parent.is_dir():
            return "所在目录不存在" if not parent.exists() else "所在路径不是目录"
        if out.exists() and not os.access(out, os.W_OK):
            return "没有写入权限"
        if not out.exists() and not os.access(parent, os.W_OK | os.X_OK):
            return "所在目录没有写入权限"
    except (OSError, RuntimeError) as exc:
        return os_reason(exc)
    return None


def draft(ctx: typer.Context,
          request_file: Path = typer.Argument(..., metavar="REQUEST", help="请求文件：.json 或 .txt（单位：/期间：/类型： 加逐行事实）"),
          provider: str = typer.Option(None, "--provider", "-p", help="auto | local | openai | template（默认取设置）"),
          as_json: bool = typer.Option(False, "--json", help="输出完整结果对象（JSON）"),
          out: Path = typer.Option(None, "--out", "-o", help="把初稿（或 --json 时的 JSON）写入文件")) -> None:
    """起草工会工作总结：按范文结构分节写作，逐个核对数字，输出初稿和核对结果。"""
    from drafter.domain.errors import ProviderUnavailable, QueueFull
    from drafter.service import DrafterService

    err = Console(stderr=True)
    if provider is not None and provider not in ("auto", "local", "openai", "template"):
        err.print(f"[red]未知的模型提供方“{provider}”：可选 auto / local / openai / template[/red]")
        raise typer.Exit(EXIT_BAD_INPUT)
    try:
        request = read_request(request_file)
    except ValueError as exc:
        err.print(str(exc), style="red", highlight=False, markup=False)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    problem = out_problem(out) if out is not None else None
    if problem:
        err.print(f"无法写入 --out {out}：{problem}", style="red", highlight=False, markup=False)
        raise typer.Exit(EXIT_BAD_INPUT)
    service = DrafterService(settings_of(ctx))
    try:
        result = _run_with_progress(service, request, provider, err)
    except ProviderUnavailable as exc:
        err.print(f"[red]模型不可用：{exc}[/red]\n可改用 --provider template（模板写作），或按提示安装后重试。", highlight=False)
        raise typer.Exit(EXIT_PROVIDER) from None
    except QueueFull as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(EXIT_PROVIDER) from None
    output = json.dumps(result.model_dump(), ensure_ascii=False, indent=2) if as_json else result.text
    written = _write_out(out, output, err) if out is not None else True
    if as_json:
        typer.echo(output)
    else:
        typer.echo(result.text)
        typer.echo("")
        typer.echo(check_summary(result))
    if not written:  # the draft was printed, but the file the user asked for is not there: say so by the code
        raise typer.Exit(EXIT_WRITE)


def _write_out(out: Path, output: str, err: Console) -> bool:
    """Write the result to `out`; False (after saying why) when that failed."""
    from drafter.domain.errors import os_reason

    try:
        out.write_text(output + "\n", encoding="utf-8")
    except OSError as exc:  # e.g. the disk filled up while drafting; the draft is still printed below
        err.print(f"无法写入 {out}：{os_reason(exc)}", style="red", highlight=False, markup=False)
        return False
    err.print(f"已写入 {out}", highlight=False, markup=False)
    return True


def check_summary(result: DraftResult) -> str:
    """One line: 数字核对通过, or how many problems (and where)."""
    if result.check.ok:
        base = f"数字核对通过（{sum(1 for n in result.check.numbers)}个数字均有事实依据）"
    else:
        bad = sum(1 for n in result.check.numbers if n.status != "supported")
        base = f"数字核对未通过：{bad}个数字有问题，{len(result.check.missing)}条事实遗漏"
    repaired = sum(1 for s in result.sections if s.attempts > 1 and not s.fallback)
    fallback = sum(1 for s in result.sections if s.fallback)
    return f"{base}；写作：{result.provider}，重写{repaired}节，模板兜底{fallback}节，用时{result.elapsed_s:.1f}秒"


def _run_with_progress(service, request: DraftRequest, provider: str | None, err: Console) -> DraftResult:
    """Stream the pipeline's events, one progress line per section on stderr; return the final result."""
    events = service.draft_events(request, provider)
    headings: dict[int, str] = {}
    result = None
    with err.status("正在规划结构、检索范文…") as status:
        for event in events:
            data = event.data
            if event.type == "plan":
                headings = {s["index"]: s["heading"] or {"opening": "开头", "closing": "结尾"}.get(s["role"], s["role"])
                            for s in data["sections"]}
                for warning in data.get("warnings", []):
                    err.print(f"[yellow]注意：{warning}[/yellow]", highlight=False)
                err.print(f"结构：{len(headings)}部分，{data['facts']}条事实", highlight=False)
            elif event.type == "section_started":
                again = f"（第{data['attempt']}次）" if data.get("attempt", 1) > 1 else ""
                status.update(f"正在写：{headings.get(data['index'], '')}{again}")
            elif event.type == "section_done":
                err.print(_section_line(headings.get(data["index"], ""), data["section"]), highlight=False)
            elif event.type == "done":
                result = DraftResult.model_validate(data["result"])
    assert result is not None
    return result


def _section_line(heading: str, section: dict) -> str:
    mark = "[green]✓[/green]" if section["check"]["ok"] else "[red]✗[/red]"
    how = section["provider"]
    if section["fallback"]:
        how = f"[yellow]模板兜底：{section.get('fallback_reason') or ''}[/yellow]"
    elif section["attempts"] > 1:
        how += f"，重写{section['attempts'] - 1}次"
    if not section["fallback"] and section.get("cut_note"):
        how += f"；[yellow]{section['cut_note']}[/yellow]"
    return f"{mark} {heading}（{how}）"
