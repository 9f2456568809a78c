"""`drafter serve` (the HTTP API under uvicorn) and `drafter keys create|list|revoke` (API keys)."""

from __future__ import annotations

import functools
import json

import typer
from rich.console import Console
from rich.table import Table

keys_app = typer.Typer(no_args_is_help=True, help="管理 API 密钥（只保存哈希，明文只显示一次）")
APP_FACTORY = "drafter.api.main:app_from_env"
SERVER_HEADER_CAP = 1_048_576  # bytes of request line + headers h11 buffers before it drops the connection


def _settings(ctx: typer.Context):
    from drafter.cli import settings_of

    return settings_of(ctx)


def _service(ctx: typer.Context):
    from drafter.service import DrafterService

    return DrafterService(_settings(ctx))


def serve(ctx: typer.Context,
          host: str = typer.Option("127.0.0.1", help="监听地址（对外服务请放在反向代理之后）"),
          port: int = typer.Option(8000, min=1, max=65535, help="端口"),
          workers: int = typer.Option(1, min=1, max=64, help="工作进程数（每个进程各自加载服务）"),
          log_level: str = typer.Option("info", help="uvicorn 日志级别")) -> None:
    """启动 HTTP API（OpenAPI 文档在 /docs）。"""
    import uvicorn

    settings = _settings(ctx)
    service = _service(ctx)
    err = Console(stderr=True)
    if settings.auth == "off":
        err.print("[yellow]注意：DRAFTER_AUTH=off，接口不校验密钥，仅供本机单人使用。[/yellow]")
    elif not [k for k in service.list_api_keys() if not k.revoked]:
        err.print("[yellow]尚无可用的 API 密钥：请先运行 drafter keys create NAME --role writer[/yellow]")
    _prepare_index(service, err)
    # Each worker builds Settings and the service from the same DRAFTER_* environment. h11 parses requests with
    # a hard cap on the request line plus headers (SERVER_HEADER_CAP): up to that they reach the app, which
    # answers 414/431 in JSON above max_header_bytes; beyond it h11 drops them. httptools has no such cap.
    # Issue 24 (D6, D7): X-Forwarded-For is read by the app from DRAFTER_TRUSTED_PROXIES only (uvicorn's own
    # proxy headers off); a request head must arrive within DRAFTER_REQUEST_DEADLINE_S (h11 protocol below);
    # kept-alive connections idle for DRAFTER_IDLE_TIMEOUT_S are closed.
    http = settings.http_parser
    if http == "h11":
        from drafter.api.server_protocol import DeadlineH11Protocol

        http = functools.partial(DeadlineH11Protocol, deadline_s=settings.request_deadline_s)
    uvicorn.run(APP_FACTORY, factory=True, host=host, port=port, workers=workers, log_level=log_level,
                http=http, h11_max_incomplete_event_size=max(SERVER_HEADER_CAP, 4 * settings.max_header_bytes),
                proxy_headers=False, timeout_keep_alive=max(1, int(settings.idle_timeout_s)))


def _prepare_index(service, err: Console) -> None:
    """Build the example index once here, so that several workers never ingest the same data dir at once; and
    clean up what a killed server left (orphan upload files, jobs that were running)."""
    try:
        count = service.library.count()
        cleaned = service.start_up()
    except Exception as exc:  # the API still starts; /readyz reports the problem
        err.print(f"示例索引未就绪：{exc}", style="yellow", markup=False)
        return
    err.print(f"示例索引就绪：{count} 个片段")
    if cleaned["orphans"] or cleaned["interrupted_jobs"]:
        err.print(f"已清理上次异常退出的遗留：{len(cleaned['orphans'])} 个未入库的上传文件，"
                  f"{cleaned['interrupted_jobs']} 个中断的后台任务")


@keys_app.command("create")
def create_key(ctx: typer.Context, name: str = typer.Argument(..., help="密钥名称（记录为作者/审核人）"),
               role: str = typer.Option("writer", help="writer（起草修改）| editor（可改他人稿件）| reviewer（审核）| admin（全部）| reader（只读）"),
               org: str = typer.Option(None, "--org", help="密钥所属组织的名称或 ID（默认：根组织）；角色只在本组织及下级组织内有效"),
               as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """创建密钥；明文只打印这一次。"""
    from drafter.domain.errors import InvalidInput, NotFound

    try:
        info, key = _service(ctx).create_api_key(name, role, org)
    except (InvalidInput, NotFound) as exc:
        Console(stderr=True).print(f"[red]{exc}[/red]")
        raise typer.Exit(2 if isinstance(exc, InvalidInput) else 1) from exc
    if as_json:
        typer.echo(json.dumps({**info.model_dump(mode="json"), "key": key}, ensure_ascii=False))
        return
    Console(stderr=True).print(f"已创建密钥 {info.id}（{info.name}，{info.role}）。请立即保存，之后无法再次查看：")
    typer.echo(key)


@keys_app.command("list")
def list_keys(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """列出密钥（不含明文）。"""
    keys = _service(ctx).list_api_keys()
    if as_json:
        typer.echo(json.dumps([k.model_dump(mode="json") for k in keys], ensure_ascii=False))
        return
    table = Table("ID", "名称", "角色", "创建时间", "状态")
    for k in keys:
        table.add_row(k.id, k.name, k.role, k.created_at.strftime("%Y-%m-%d %H:%M"), "已吊销" if k.revoked else "有效")
    Console().print(table)


@keys_app.command("revoke")
def revoke_key(ctx: typer.Context, key_id: str = typer.Argument(..., help="密钥 ID（见 drafter keys list）")) -> None:
    """吊销密钥；之后用它的请求得到 401。"""
    if not _service(ctx).revoke_api_key(key_id):
        Console(stderr=True).print(f"[red]没有这个密钥：{key_id}[/red]")
        raise typer.Exit(1)
    typer.echo(f"已吊销 {key_id}")


def register(app: typer.Typer) -> None:
    """Add `serve` and the `keys` group."""
    app.command("serve")(serve)
    app.add_typer(keys_app, name="keys")
