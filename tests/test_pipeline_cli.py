"""`drafter draft`: text and JSON output, --out, bad request files, a forced provider that is unavailable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli import app
from drafter.models import DraftResult
from drafter.service import DrafterService

REQUESTS = Path(__file__).resolve().parent.parent / "bench" / "requests"


@pytest.fixture
def cli(settings, library, monkeypatch):
    """The CLI over the test's data dir, sharing the session's ingested library."""
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("DRAFTER_PROVIDER", "template")
    monkeypatch.setattr(DrafterService, "library", property(lambda self: library))
    runner = CliRunner()
    return lambda *args: runner.invoke(app, list(args))


def test_draft_text_request_prints_draft_and_check_summary(cli):
    result = cli("draft", str(REQUESTS / "annual_2025_county.txt"))
    assert result.exit_code == 0, result.output
    assert "安平县供电公司工会" in result.stdout
    assert "一、" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("数字核对通过")


def test_draft_json_prints_exactly_the_result(cli, tmp_path):
    out = tmp_path / "draft.json"
    result = cli("draft", str(REQUESTS / "annual_2025.json"), "--json", "--provider", "template", "--out", str(out))
    assert result.exit_code == 0, result.output
    printed = DraftResult.model_validate(json.loads(result.stdout))
    assert printed.check.ok and printed.provider == "template"
    assert set(json.loads(result.stdout)) == set(DraftResult.model_fields)
    assert DraftResult.model_validate_json(out.read_text(encoding="utf-8")) == printed


def test_out_writes_the_draft_text(cli, tmp_path):
    out = tmp_path / "draft.txt"
    result = cli("draft", str(REQUESTS / "monthly_2025_03.json"), "--out", str(out))
    assert result.exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "滨海新区第二人民医院工会" in text and "347人" in text
    assert "数字核对" not in text


@pytest.mark.parametrize("content, suffix, message", [
    ('{"org": "某工会", "period": "2025年", "facts": []}', ".json", "至少需要一条事实"),
    ('{"org": "某工会", ', ".json", "不是有效的 JSON"),
    ("类型：年度\n- 发展会员12人", ".txt", "单位"),
])
def test_bad_request_file_is_a_clear_message_and_exit_2(cli, tmp_path, content, suffix, message):
    path = tmp_path / f"request{suffix}"
    path.write_text(content, encoding="utf-8")
    result = cli("draft", str(path))
    assert result.exit_code == 2
    assert message in result.output


def test_missing_and_non_utf8_files(cli, tmp_path):
    assert cli("draft", str(tmp_path / "nope.json")).exit_code == 2
    path = tmp_path / "gbk.txt"
    path.write_bytes("单位：某工会\n期间：2025年\n- 发展会员12人".encode("gbk"))
    result = cli("draft", str(path))
    assert result.exit_code == 2 and "UTF-8" in result.output


def test_forced_local_provider_unavailable_says_how_to_install(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("DRAFTER_LOCAL_MODEL", str(tmp_path / "missing.gguf"))
    result = cli("draft", str(REQUESTS / "annual_2025.json"), "--provider", "local")
    assert result.exit_code == 3
    assert "drafter model install" in result.output


def test_forced_openai_provider_unconfigured(cli, monkeypatch):
    monkeypatch.delenv("DRAFTER_OPENAI_BASE_URL", raising=False)
    result = cli("draft", str(REQUESTS / "annual_2025.json"), "--provider", "openai")
    assert result.exit_code == 3
    assert "DRAFTER_OPENAI_BASE_URL" in result.output
