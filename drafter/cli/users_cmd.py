"""`drafter users create|list|passwd|disable`: people who sign in to the page (argon2-hashed passwords)."""

from __future__ import annotations

import json
import sys

import typer
from rich.console import Console
from rich.table import Table

from drafter.cli.failing import fail as _fail, outcome

users_app = typer.Typer(no_args_is_help=True, help="管理登录用户（密码只保存 argon2 哈希）")
_err = Console(stderr=True)


def _service(ctx: typer.Context):
    from drafter.cli import settings_of
    from drafter.service import DrafterService

    return DrafterService(settings_of(ctx))


def _password(from_stdin: bool) -> str:
    """The new password: the first line of stdin, or asked twice without echo."""
    if from_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    return typer.prompt("密码", hide_input=True, confirmation_prompt="再次输入密码")


@users_app.command("create")
def create_user(ctx: typer.Context, name: str = typer.Argument(..., help="用户名（登录名，也记录为作者/审核人）"),
                role: str = typer.Option(..., help="writer（起草人）| reviewer（审核人）| editor（编辑，可改他人稿件）| admin（管理员）"),
                org: str = typer.Option(None, "--org", help="所属组织的名称或 ID（默认：根组织）"),
                password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读取密码（第一行）")) -> None:
    """创建用户。"""
    info = outcome(_service(ctx).create_user, name, _password(password_stdin), role, org)
    typer.echo(f"已创建用户 {info.name}（{info.role}）")


@users_app.command("list")
def list_users(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """列出用户（不含密码）。"""
    from drafter.domain.records import ROLE_LABELS

    users = _service(ctx).list_users()
    if as_json:
        typer.echo(json.dumps([u.model_dump(mode="json") for u in users], ensure_ascii=False))
        return
    table = Table("用户名", "角色", "创建时间", "状态")
    for u in users:
        table.add_row(u.name, f"{ROLE_LABELS.get(u.role, u.role)}（{u.role}）", u.created_at.strftime("%Y-%m-%d %H:%M"),
                      "已停用" if u.disabled else "有效")
    Console().print(table)


@users_app.command("passwd")
def set_password(ctx: typer.Context, name: str = typer.Argument(..., help="用户名"),
                 password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读取密码（第一行）")) -> None:
    """修改密码。"""
    from drafter.domain.errors import InvalidInput, NotFound

    service = _service(ctx)
    if service.get_user(name) is None:
        raise _fail(NotFound(f"没有这个用户：{name}"), 1)
    try:
        service.set_password(name, _password(password_stdin))
    except InvalidInput as exc:
        raise _fail(exc, 2) from exc
    except NotFound as exc:
        raise _fail(exc, 1) from exc
    typer.echo(f"已修改 {name} 的密码")


@users_app.command("disable")
def disable_user(ctx: typer.Context, name: str = typer.Argument(..., help="用户名")) -> None:
    """停用用户：之后不能登录，其稿件与审核记录保留。"""
    from drafter.domain.errors import NotFound

    try:
        _service(ctx).disable_user(name)
    except NotFound as exc:
        raise _fail(exc, 1) from exc
    typer.echo(f"已停用 {name}")


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
