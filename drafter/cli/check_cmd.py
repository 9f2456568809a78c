"""`drafter check`: the number check from the command line (fixed contract, issue 3).

    drafter check --facts FACTS.txt DRAFT.txt [--context CONTEXT.txt] [--json]
    drafter check --jsonl IN.jsonl      # {"facts": [...], "draft": "..."} per line -> one result per line

The result carries the number check (ok, numbers with their items, missing) and the clause check (claims,
sentences, faithful = ok and no claims); the human report shows both. Context lines (period, org, problems,
plans) support numbers and clauses but are never missing.
Exit codes: 0 every number supported and nothing missing (`ok`); 1 problems found; 2 bad input (unreadable or
non-UTF-8 file, bad arguments, any malformed JSONL line — the other lines are still checked and printed).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from drafter.cli import settings_of
from textkit.decoding import DecodeError, decode_utf8
from drafter.cli.files import DEFAULT_LIMIT, InputFileError, read_input

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2


def _fail(message: str) -> typer.Exit:
    typer.echo(f"错误：{message}", err=True)
    return typer.Exit(EXIT_BAD_INPUT)


def read_utf8(path: Path, limit: int = DEFAULT_LIMIT) -> str:
    """The file's text; a clear error naming the file when it is missing, no regular file, larger than `limit`
    bytes or not UTF-8."""
    try:
        data = read_input(path, limit)
    except InputFileError as exc:
        raise _fail(str(exc)) from None
    try:
        return decode_utf8(data)
    except DecodeError as exc:
        raise _fail(f"文件 {path} {exc}，请另存为 UTF-8 后重试") from exc


def _service(ctx: typer.Context):
    """The service (the number check goes through it, like every adapter); exit 2 on an unusable lexicon."""
    from drafter.domain.errors import LexiconError
    from drafter.service import DrafterService

    service = DrafterService(settings_of(ctx))
    try:
        service.lexicon()
    except LexiconError as exc:
        raise _fail(str(exc)) from exc
    return service


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _parse_line(raw: str) -> tuple[list[str], str, list[str]]:
    """facts, draft, context of one JSONL line; ValueError with a Chinese message when malformed."""
    from drafter.domain.validation import parse_json

    item = parse_json(raw)  # InvalidInput (a ValueError) in Chinese: malformed or nested too deeply
    if not isinstance(item, dict):
        raise ValueError("每行应是一个对象 {\"facts\": [...], \"draft\": \"...\"}")
    facts, draft, context = item.get("facts"), item.get("draft"), item.get("context", [])
    if not isinstance(facts, list) or not all(isinstance(f, str) for f in facts):
        raise ValueError("facts 应是字符串列表")
    if not isinstance(draft, str):
        raise ValueError("draft 应是字符串")
    if not isinstance(context, list) or not all(isinstance(c, str) for c in context):
        raise ValueError("context 应是字符串列表")
    from drafter.domain.input_text import clean_text  # BadText (a ValueError) on a lone surrogate

    return [clean_text(f) for f in facts], clean_text(draft), [clean_text(c) for c in context]


def run_jsonl(path: Path, service) -> int:
    text = read_utf8(path, service.settings.max_input_file_bytes)
    code = EXIT_OK
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            facts, draft, context = _parse_line(raw)
        except ValueError as exc:
            typer.echo(_dump({"error": {"line": number, "message": str(exc)}}))
            code = EXIT_BAD_INPUT
            continue
        result = service.check(facts, draft, context=context)
        typer.echo(_dump(result.model_dump()))
        if not result.ok and code == EXIT_OK:
            code = EXIT_PROBLEMS
    return code


def check_command(
    ctx: typer.Context,
    draft: Path | None = typer.Argument(None, help="初稿文本文件（UTF-8）", show_default=False),
    facts: Path | None = typer.Option(None, "--facts",
                                      help="事实文件（UTF-8，一行一条事实，可带 - / 1. / （1） 等编号）"),
    context: Path | None = typer.Option(None, "--context",
                                        help="背景信息文件（UTF-8，一行一条：期间、单位、存在问题、下一步打算）"),
    as_json: bool = typer.Option(False, "--json", help="只输出结果 JSON 对象"),
    judge: bool = typer.Option(False, "--judge", help="由配置的模型复核规则无法判定的表述（较慢；见 DRAFTER_JUDGE）"),
    jsonl: Path | None = typer.Option(None, "--jsonl",
                                      help="批量：每行一个 {\"facts\": [...], \"draft\": \"...\"}，每行输出一个结果"),
) -> None:
    """核对初稿中的每个数字是否有事实依据（退出码：0 通过，1 有问题，2 输入有误）。"""
    service = _service(ctx)
    if jsonl is not None:
        if facts is not None or draft is not None:
            raise _fail("--jsonl 不能与 --facts / 初稿文件同时使用")
        raise typer.Exit(run_jsonl(jsonl, service))
    if facts is None or draft is None:
        raise _fail("用法：drafter check --facts FACTS.txt DRAFT.txt [--json]，或 drafter check --jsonl IN.jsonl")
    from drafter.numcheck import human_report

    limit = service.settings.max_input_file_bytes
    fact_lines = read_utf8(facts, limit).splitlines()
    draft_text = read_utf8(draft, limit)
    context_lines = read_utf8(context, limit).splitlines() if context is not None else []
    result = service.check(fact_lines, draft_text, context=context_lines, judge=judge)
    lexicon = service.lexicon()
    if as_json:
        typer.echo(_dump(result.model_dump()))
    else:
        sys.stdout.flush()
        typer.echo(human_report(fact_lines, draft_text, result, lexicon=lexicon))
    raise typer.Exit(EXIT_OK if result.ok else EXIT_PROBLEMS)


def register(app: typer.Typer) -> None:
    """Add `drafter check` to the app."""
    app.command("check")(check_command)
