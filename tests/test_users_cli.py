"""`drafter users create|list|passwd|disable`: passwords from stdin or a hidden prompt, never stored in clear."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from drafter.cli import app
from drafter.service import DrafterService
from drafter.settings import Settings


def _run(env: dict, *args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), env=env, input=stdin)


def _service(tmp_path) -> DrafterService:
    return DrafterService(Settings(data_dir=tmp_path / "data", _env_file=None))


def test_create_list_passwd_disable(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data")}
    created = _run(env, "users", "create", "张书记", "--role", "writer", "--password-stdin", stdin="secret-123\n")
    assert created.exit_code == 0, created.output
    assert "张书记" in created.stdout and "secret-123" not in created.stdout
    prompted = _run(env, "users", "create", "王主席", "--role", "reviewer", stdin="review-pass\nreview-pass\n")
    assert prompted.exit_code == 0, prompted.output
    service = _service(tmp_path)
    assert service.login("张书记", "secret-123").role == "writer"
    assert service.login("王主席", "review-pass").role == "reviewer"
    stored = b"".join(p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file())
    assert b"secret-123" not in stored and b"review-pass" not in stored

    rows = json.loads(_run(env, "users", "list", "--json").stdout)
    assert [(r["name"], r["role"], r["disabled"]) for r in rows] == [("张书记", "writer", False),
                                                                   ("王主席", "reviewer", False)]
    assert "password" not in json.dumps(rows)
    assert "审核人" in _run(env, "users", "list").stdout

    assert _run(env, "users", "passwd", "张书记", "--password-stdin", stdin="another-pass\n").exit_code == 0
    assert service.login("张书记", "secret-123") is None and service.login("张书记", "another-pass")
    assert _run(env, "users", "disable", "张书记").exit_code == 0
    assert service.login("张书记", "another-pass") is None
    assert json.loads(_run(env, "users", "list", "--json").stdout)[0]["disabled"] is True


def test_refusals_exit_with_chinese_messages(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data")}
    bad_role = _run(env, "users", "create", "某人", "--role", "boss", "--password-stdin", stdin="secret-123\n")
    assert bad_role.exit_code == 2 and "未知的角色" in bad_role.output
    short = _run(env, "users", "create", "某人", "--role", "writer", "--password-stdin", stdin="abc\n")
    assert short.exit_code == 2 and "密码太短" in short.output
    mismatch = _run(env, "users", "create", "某人", "--role", "writer", stdin="secret-123\nsecret-456\n")
    assert mismatch.exit_code != 0
    assert json.loads(_run(env, "users", "list", "--json").stdout) == []
    _run(env, "users", "create", "某人", "--role", "writer", "--password-stdin", stdin="secret-123\n")
    duplicate = _run(env, "users", "create", "某人", "--role", "admin", "--password-stdin", stdin="secret-456\n")
    assert duplicate.exit_code == 2 and "已存在" in duplicate.output
    assert _service(tmp_path).login("某人", "secret-123").role == "writer"
    missing = _run(env, "users", "disable", "没有此人")
    assert missing.exit_code == 1 and "没有这个用户" in missing.output
    assert _run(env, "users", "passwd", "没有此人", "--password-stdin", stdin="secret-123\n").exit_code == 1
