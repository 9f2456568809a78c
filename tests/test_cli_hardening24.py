"""Issue 24, D10-D12 and file modes through the real `drafter` command: input files must be regular files under
a size cap, a failed --out write exits non-zero, usage errors are Chinese with exit 2, and a new data dir and
database are readable by their owner only."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from api_support import small_samples
from processes import env_without_settings

DRAFTER = str(Path(sys.executable).with_name("drafter"))
REQUEST = "单位：某某公司工会\n期间：2025年\n类型：年度总结\n事实：\n- 春节走访慰问困难职工86户，发放慰问金12.6万元\n"


def _run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environ = env_without_settings()
    environ.update(DRAFTER_DATA_DIR=str(tmp_path / "data"), DRAFTER_PROVIDER="template",
                   DRAFTER_SAMPLES_DIR=str(small_samples(tmp_path / "samples", count=2)), **env)
    return subprocess.run([DRAFTER, *args], cwd=tmp_path, env=environ, capture_output=True, text=True, timeout=300)


def test_a_device_as_input_is_refused_at_once(tmp_path):
    (tmp_path / "f.txt").write_text("走访86户\n", encoding="utf-8")
    done = _run(tmp_path, "check", "--facts", "f.txt", "/dev/zero")
    assert done.returncode == 2 and "不是普通文件" in done.stderr, done.stderr


def test_an_input_over_the_size_cap_is_refused(tmp_path):
    (tmp_path / "f.txt").write_text("走访86户\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("走访86户。" * 1000, encoding="utf-8")
    done = _run(tmp_path, "check", "--facts", "f.txt", "d.txt", DRAFTER_MAX_INPUT_FILE_BYTES="1000")
    assert done.returncode == 2 and "过大" in done.stderr, done.stderr


@pytest.mark.skipif(not Path("/proc/version").exists(), reason="needs /proc")
def test_a_failed_write_exits_non_zero_and_still_prints_the_draft(tmp_path):
    (tmp_path / "req.txt").write_text(REQUEST, encoding="utf-8")
    done = _run(tmp_path, "draft", "req.txt", "--out", "/proc/version")
    assert done.returncode == 4, (done.returncode, done.stderr)
    assert "无法写入" in done.stderr and "86户" in done.stdout


@pytest.mark.parametrize("args, words", [(("draft", "--bogus"), "没有这个选项：--bogus"),
                                         (("draft",), "缺少参数"),
                                         (("check", "--facts"), "需要一个值"),
                                         (("nosuch",), "没有这个命令：nosuch")])
def test_usage_errors_are_chinese_with_exit_2(tmp_path, args, words):
    done = _run(tmp_path, *args)
    assert done.returncode == 2 and words in done.stderr, done.stderr
    assert "No such option" not in done.stderr and "Missing argument" not in done.stderr


def test_a_new_data_dir_and_database_are_private(tmp_path):
    done = _run(tmp_path, "keys", "create", "甲", "--role", "reader")
    assert done.returncode == 0, done.stderr
    data = tmp_path / "data"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "drafter.db").stat().st_mode) == 0o600


def test_help_into_a_closed_pipe_ends_quietly(tmp_path):
    """`drafter --help | head -1`: the reader goes away; no traceback (typer 0.29.3 moved Abort, and every error that
    was not a usage error then ended in AttributeError while the except clauses were read)."""
    environ = env_without_settings()
    environ.update(DRAFTER_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run(f"'{DRAFTER}' --help | head -1", shell=True, cwd=tmp_path, env=environ,
                          capture_output=True, text=True, timeout=300)
    assert "Traceback" not in done.stderr and "AttributeError" not in done.stderr, done.stderr


@pytest.mark.parametrize("error, code, words", [("abort", 1, "已中止"), ("click", 1, "读不了")])
def test_errors_other_than_usage_keep_their_message_and_code(error, code, words, capsys, monkeypatch):
    import typer

    from drafter.cli.usage import click_errors, run

    app = typer.Typer()

    @app.command()
    def fail() -> None:
        if error == "abort":
            raise typer.Abort()
        raise click_errors.ClickException("读不了这个文件")

    monkeypatch.setattr(sys, "argv", ["drafter"])
    with pytest.raises(SystemExit) as ended:
        run(app)
    assert ended.value.code == code and words in capsys.readouterr().err
