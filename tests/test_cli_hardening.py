"""Issue 13 defect 1, 3 and 9 in the CLI: deep JSON and bad requests exit 2 with Chinese messages, OS errors in
Chinese, `--out` checked before drafting, symlink loops in `drafter ingest` reported instead of crashing."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from api_support import REQUEST, small_samples
from drafter.cli import app

ENGLISH = ("Traceback", "Error", "No such file", "Is a directory", "Input should", "Field required", "codec",
           "Expecting", "Symlink loop")


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data"), "DRAFTER_PROVIDER": "template",
           "DRAFTER_SAMPLES_DIR": str(small_samples(tmp_path / "samples", count=2))}

    def invoke(*args: str):
        result = CliRunner().invoke(app, list(args), env=env)
        output = result.output + (result.stderr if result.stderr_bytes is not None else "")
        assert not any(word in output for word in ENGLISH), output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        return result.exit_code, output

    return invoke


def _write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_deeply_nested_or_invalid_requests_exit_2_in_chinese(run, tmp_path):
    deep = _write(tmp_path / "deep.json", '{"org": "a", "period": "b", "facts": ' + "[" * 5000 + "]" * 5000 + "}")
    code, output = run("draft", str(deep))
    assert code == 2 and "嵌套层数过深" in output
    missing = _write(tmp_path / "missing.json", json.dumps({"org": "某厂工会", "facts": [1]}, ensure_ascii=False))
    code, output = run("draft", str(missing))
    assert code == 2 and "请填写期间" in output and "事实第 1 条应为文本" in output
    surrogate = _write(tmp_path / "s.json", json.dumps(REQUEST, ensure_ascii=False).replace("86户", "\\ud80086户"))
    code, output = run("draft", str(surrogate))
    assert code == 2 and "无效字符" in output
    (tmp_path / "gbk.json").write_bytes(json.dumps(REQUEST, ensure_ascii=False).encode("gbk"))
    code, output = run("draft", str(tmp_path / "gbk.json"))
    assert code == 2 and "UTF-8" in output


def test_os_errors_are_reported_in_chinese(run, tmp_path):
    code, output = run("draft", str(tmp_path / "nowhere.json"))
    assert code == 2 and "不存在" in output
    (tmp_path / "folder.json").mkdir()
    code, output = run("draft", str(tmp_path / "folder.json"))
    assert code == 2 and "目录" in output
    code, output = run("check", "--facts", str(tmp_path / "nowhere.txt"), str(tmp_path / "nowhere2.txt"))
    assert code == 2 and "不存在" in output


def test_out_is_checked_before_drafting(run, tmp_path):
    request = _write(tmp_path / "good.json", json.dumps(REQUEST, ensure_ascii=False))
    for out, words in ((tmp_path / "nonexistent" / "x.txt", "所在目录不存在"), (tmp_path, "目录")):
        code, output = run("draft", str(request), "--out", str(out))
        assert code == 2 and words in output, output
        assert "数字核对" not in output  # nothing was drafted
    assert not (tmp_path / "data").exists()  # not even the service was built


def test_symlink_loops_are_reported_not_crashing(run, tmp_path):
    loop = tmp_path / "loop.md"
    os.symlink(loop, loop)
    x, y = tmp_path / "x", tmp_path / "y"
    os.symlink(y, x)
    os.symlink(x, y)
    code, output = run("ingest", "-q", str(loop), str(x))
    assert code == 2 and output.count("符号链接循环") == 2, output
    folder = tmp_path / "examples"
    folder.mkdir()
    os.symlink(folder / "a.md", folder / "b.md")
    os.symlink(folder / "b.md", folder / "a.md")
    (folder / "good.md").write_text("# 某厂工会工作总结\n\n走访慰问困难职工86户，发放慰问金12.6万元。\n", encoding="utf-8")
    code, output = run("ingest", "-q", str(folder), str(loop))
    assert code == 0 and "入库完成：1 个文件" in output and "符号链接循环" in output, output


def test_check_jsonl_goes_through_the_service_with_context_and_refuses_surrogates(run, tmp_path):
    lines = [json.dumps({"facts": ["走访慰问困难职工86户"], "draft": "2025年走访慰问困难职工86户。", "context": ["2025年"]},
                        ensure_ascii=False),
             '{"facts": ["慰问\\ud800职工86户"], "draft": "慰问职工86户。"}',
             json.dumps({"facts": ["走访慰问困难职工86户"], "draft": "走访慰问困难职工86户，发放慰问金9万元。"},
                        ensure_ascii=False)]
    code, output = run("check", "--jsonl", str(_write(tmp_path / "in.jsonl", "\n".join(lines))))
    results = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert code == 2 and len(results) == 3
    assert results[0]["ok"] is True  # 2025 is given by the context line
    assert results[1]["error"]["line"] == 2 and "无效字符" in results[1]["error"]["message"]
    assert results[2]["ok"] is False and any(n["status"] == "unsupported" for n in results[2]["numbers"])
