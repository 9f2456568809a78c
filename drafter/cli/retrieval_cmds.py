"""`drafter ingest`, `drafter search` and `drafter share`: thin adapters over the example library."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer


class Mode(str, Enum):
    hybrid = "hybrid"
    bm25 = "bm25"
    dense = "dense"


def _service(ctx: typer.Context):
    from drafter.cli import settings_of
    from drafter.service import DrafterService

    return DrafterService(settings_of(ctx))


def usable_paths(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The given paths that can be resolved, and (path, Chinese reason) for the others (e.g. a symlink loop)."""
    from drafter.domain.errors import os_reason

    good, bad = [], []
    for path in paths:
        try:
            path.expanduser().resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            bad.append((path, os_reason(exc)))
            continue
        good.append(path)
    return good, bad


def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(None, help="Files or folders (.md .txt .docx); default: the shipped samples/."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Ingest example summaries into the library (idempotent; removed files lose their chunks)."""
    from drafter.cli import settings_of

    service = _service(ctx)
    good, bad = usable_paths(list(paths) if paths else [settings_of(ctx).samples_dir])
    for path, reason in bad:
        typer.echo(f"跳过 {path}：{reason}")
    if not good:
        typer.echo("没有可入库的路径。", err=True)
        raise typer.Exit(2)
    report = service.ingest_examples(good, progress=not quiet)
    typer.echo(f"入库完成：{report.files} 个文件，新增 {report.added_chunks} 段，未变 {report.unchanged_chunks} 段，"
               f"移除 {report.removed_chunks} 段，跳过 {len(report.skipped) + len(bad)} 个文件，用时 {report.elapsed_s:.1f} 秒；"
               f"库中共 {service.count_examples()} 段。")
    for skipped in report.skipped:
        typer.echo(f"跳过 {skipped.path}：{skipped.reason}")


def search(
    ctx: typer.Context,
    query: str = typer.Argument(..., help="What to look for, e.g. 送温暖 慰问困难职工."),
    k: int = typer.Option(5, "--k", min=1, max=100, help="Number of hits."),
    kind: str | None = typer.Option(None, "--kind", help="Only this kind: 年度总结 | 半年总结 | 月度总结 | 专项总结."),
    role: str | None = typer.Option(None, "--role", help="Only this role: opening | body | problems | plans | closing."),
    mode: Mode = typer.Option(Mode.hybrid, "--mode", help="Ranking: hybrid (BM25 + dense, fused), bm25 or dense."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list of hits (text, title, kind, source, heading, role, score)."),
) -> None:
    """Search the example library (hybrid BM25 + dense by default); ingests the shipped samples if it is empty."""
    hits = _service(ctx).search_examples(query, k=k, kind=kind, role=role, mode=mode.value)
    if as_json:
        typer.echo(json.dumps([hit.public() for hit in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo("没有找到相关范文片段。")
        return
    for number, hit in enumerate(hits, start=1):
        snippet = " ".join(hit.text.split())[:160]
        typer.echo(f"{number}. [{hit.score:.4f}] {hit.title}（{hit.kind}）{hit.heading or '开头'} · {hit.role}")
        typer.echo(f"   {snippet}")


def share(ctx: typer.Context, example_id: str = typer.Argument(..., help="示例 ID（接口检索结果中的 example_id）"),
          off: bool = typer.Option(False, "--off", help="取消共享：只给上传者的组织及其下级组织用")) -> None:
    """Share an uploaded example with every organisation (--off: take that back), in place, at once on every
    machine; no delete and re-upload."""
    from drafter.cli.failing import fail
    from drafter.domain.errors import Forbidden

    try:
        example = _service(ctx).share_example(example_id, not off)
    except Forbidden as exc:
        raise fail(exc, 2) from exc
    if example is None:
        raise fail(f"示例不存在：{example_id}", 1)
    typer.echo(f"{example.title}：{'已与所有组织共享' if example.shared else '已取消共享，仅本组织及下级组织可见'}")


def register(app: typer.Typer) -> None:
    """Add `ingest`, `search` and `share` to the app."""
    app.command("ingest")(ingest)
    app.command("search")(search)
    app.command("share")(share)
