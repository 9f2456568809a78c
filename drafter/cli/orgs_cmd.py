"""`drafter orgs create|import|list|rename|move|delete`: the organisation tree (总工会 → 区/产业工会 → 基层工会)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from drafter.cli.failing import fail as _fail, outcome

orgs_app = typer.Typer(no_args_is_help=True, help="管理组织（总工会 → 区/产业工会 → 基层工会）")
_err = Console(stderr=True)


def _service(ctx: typer.Context):
    from drafter.cli import settings_of
    from drafter.service import DrafterService

    return DrafterService(settings_of(ctx))


@orgs_app.command("create")
def create_org(ctx: typer.Context, name: str = typer.Argument(..., help="组织名称（全局唯一）"),
               parent: str = typer.Option(None, "--parent", help="上级组织的名称或 ID（默认：根组织）"),
               as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """创建组织。"""
    org = outcome(_service(ctx).create_org, name, parent)
    if as_json:
        typer.echo(org.model_dump_json())
        return
    typer.echo(f"已创建组织 {org.name}（ID {org.id}）")


@orgs_app.command("import")
def import_orgs(ctx: typer.Context, file: Path = typer.Argument(..., help="CSV：每行 名称,上级组织（上级为空即根组织；可有表头）")) -> None:
    """从 CSV 导入组织（一次事务：任何一行有误则全部不导入）。"""
    from drafter.domain.errors import InvalidInput

    try:
        data = file.read_bytes()
    except OSError as exc:
        raise _fail(f"无法读取文件：{file}（{exc.strerror or exc}）", 2) from exc
    try:
        created, notes = _service(ctx).import_orgs(data)
    except InvalidInput as exc:
        raise _fail(exc, 2) from exc
    for note in notes:
        _err.print(note)
    typer.echo(f"已导入 {len(created)} 个组织")


@orgs_app.command("list")
def list_orgs(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="以 JSON 输出")) -> None:
    """按层级列出组织。"""
    orgs = _service(ctx).list_orgs()
    if as_json:
        typer.echo(json.dumps([o.model_dump(mode="json") for o in orgs], ensure_ascii=False))
        return
    table = Table("组织", "ID", "上级 ID")
    for org in orgs:
        table.add_row("  " * (len(org.lineage) - 1) + org.name, org.id, org.parent_id or "")
    Console().print(table)


@orgs_app.command("rename")
def rename_org(ctx: typer.Context, org: str = typer.Argument(..., help="组织名称或 ID（根组织为 root）"),
               name: str = typer.Argument(..., help="新名称")) -> None:
    """重命名组织。"""
    renamed = outcome(_service(ctx).rename_org, org, name)
    typer.echo(f"已重命名为 {renamed.name}（ID {renamed.id}）")


@orgs_app.command("move")
def move_org(ctx: typer.Context, org: str = typer.Argument(..., help="组织名称或 ID"),
             parent: str = typer.Option(..., "--parent", help="新的上级组织的名称或 ID（不能是它自己或它的下级）")) -> None:
    """把组织（连同它的下级组织）移到另一个上级组织之下；权限范围随即改变。"""
    moved = outcome(_service(ctx).move_org, org, parent)
    typer.echo(f"已把 {moved.name} 移到 {parent} 之下")


@orgs_app.command("delete")
def delete_org(ctx: typer.Context, org: str = typer.Argument(..., help="组织名称或 ID"),
               to_parent: bool = typer.Option(False, "--to-parent",
                                              help="把它的下级组织、用户、API 密钥、稿件和任务一并移到上级组织")) -> None:
    """删除组织：它下面还有下级组织、用户、API 密钥、稿件或上传的示例时拒绝，并说明要先移走什么。"""
    deleted = outcome(_service(ctx).delete_org, org, to_parent=to_parent)
    typer.echo(f"已删除组织 {deleted.name}（ID {deleted.id}）")


def register(app: typer.Typer) -> None:
    app.add_typer(orgs_app, name="orgs")
