"""`drafter keys create|list|revoke`: the key is printed once, only its hash is stored, revoking disables it."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from drafter.cli import app
from drafter.service import DrafterService
from drafter.settings import Settings


def _run(env: dict, *args: str):
    return CliRunner().invoke(app, list(args), env=env)


def test_create_list_revoke(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data")}
    created = _run(env, "keys", "create", "审核员王五", "--role", "reviewer")
    assert created.exit_code == 0, created.output
    key = created.stdout.strip().splitlines()[-1]
    service = DrafterService(Settings(data_dir=tmp_path / "data", _env_file=None))
    info = service.authenticate(key)
    assert info is not None and info.name == "审核员王五" and info.role == "reviewer"
    stored = b"".join(p.read_bytes() for p in (tmp_path / "data").rglob("*") if p.is_file())
    assert stored and key.encode() not in stored  # only a hash is kept (database and its WAL)

    listed = _run(env, "keys", "list", "--json")
    rows = json.loads(listed.stdout)
    assert [(r["id"], r["role"], r["revoked"]) for r in rows] == [(info.id, "reviewer", False)]
    assert key not in listed.stdout

    assert _run(env, "keys", "revoke", info.id).exit_code == 0
    assert service.authenticate(key) is None
    assert json.loads(_run(env, "keys", "list", "--json").stdout)[0]["revoked"] is True
    assert _run(env, "keys", "revoke", "no-such-id").exit_code == 1


def test_bad_role_or_empty_name_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data")}
    assert _run(env, "keys", "create", "某人", "--role", "superuser").exit_code == 2
    assert _run(env, "keys", "create", "  ").exit_code == 2
    assert json.loads(_run(env, "keys", "list", "--json").stdout) == []
