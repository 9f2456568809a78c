"""Usage errors in Chinese (issue 24, D12): the command line's own messages for what Click reports in English
(unknown option or command, missing argument, bad value), with Click's exit code 2."""

from __future__ import annotations

import re
import sys

from typer import Abort  # typer 0.29.3 moved Abort out of its vendored click into typer.exceptions

try:  # typer ≥ 0.20 vendors its own copy of click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older typer over the click package
    from click import exceptions as click_errors

EXIT_USAGE = 2


def _name(param) -> str:
    if param is None:
        return ""
    opts = getattr(param, "opts", None) or []
    if getattr(param, "param_type_name", "") == "argument" or not opts:
        return (getattr(param, "name", "") or "").upper()
    return "/".join(opts)


def chinese(exc: Exception) -> str:
    """The Chinese message for one usage error."""
    message = getattr(exc, "message", "") or str(exc)
    if isinstance(exc, click_errors.NoSuchOption):
        hint = f"（是否想用 {'、'.join(exc.possibilities)}？）" if getattr(exc, "possibilities", None) else ""
        return f"没有这个选项：{exc.option_name}{hint}"
    if isinstance(exc, click_errors.MissingParameter):
        kind = "参数" if getattr(exc.param, "param_type_name", "") == "argument" else "选项"
        return f"缺少{kind} {_name(exc.param)}".rstrip()
    if isinstance(exc, click_errors.BadOptionUsage) and "requires an argument" in message:
        return f"选项 {exc.option_name} 需要一个值"
    if isinstance(exc, click_errors.BadParameter):
        return f"参数 {_name(exc.param)} 的取值无效：{message}".replace("  ", " ")
    found = re.match(r"No such command '(.+)'", message)
    if found:
        return f"没有这个命令：{found.group(1)}（drafter --help 列出全部命令）"
    found = re.match(r"Got unexpected extra arguments? \((.+)\)", message)
    if found:
        return f"多余的参数：{found.group(1)}"
    return f"用法有误：{message}"


def run(app) -> None:
    """Run the typer app; usage errors are printed in Chinese (with the command's usage line) and exit 2."""
    try:
        code = app(standalone_mode=False)
    except click_errors.UsageError as exc:
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            print(ctx.get_usage().replace("Usage:", "用法："), file=sys.stderr)
            print(f"运行 {ctx.command_path} --help 查看帮助。", file=sys.stderr)
        print(f"错误：{chinese(exc)}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
    except Abort:
        print("已中止。", file=sys.stderr)
        sys.exit(1)
    except click_errors.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
