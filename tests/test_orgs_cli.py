"""`drafter orgs create|import|list|rename`, and `--org` on `users create` and `keys create`."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from drafter.cli import app
from drafter.service import DrafterService
from drafter.settings import Settings


def _run(env: dict, *args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), env=env, input=stdin)


def test_the_tree_from_the_command_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data")}
    assert _run(env, "orgs", "create", "东城区总工会").exit_code == 0
    created = _run(env, "orgs", "create", "东城区甲街道工会", "--parent", "东城区总工会", "--json")
    assert created.exit_code == 0, created.output
    street = json.loads(created.stdout)
    (tmp_path / "orgs.csv").write_text("名称,上级\n甲机械厂工会,东城区甲街道工会\n西城区总工会,\n", encoding="utf-8")
    imported = _run(env, "orgs", "import", str(tmp_path / "orgs.csv"))
    assert imported.exit_code == 0 and "2" in imported.stdout, imported.output
    (tmp_path / "bad.csv").write_text("乙厂工会,没有的区\n", encoding="utf-8")
    refused = _run(env, "orgs", "import", str(tmp_path / "bad.csv"))
    assert refused.exit_code == 2 and "没有的区" in refused.output
    assert _run(env, "orgs", "create", "某厂", "--parent", "没有的区").exit_code == 1
    listed = json.loads(_run(env, "orgs", "list", "--json").stdout)
    assert [o["name"] for o in listed] == ["总工会", "东城区总工会", "东城区甲街道工会", "甲机械厂工会", "西城区总工会"]
    assert "    甲机械厂工会" in _run(env, "orgs", "list").stdout  # indented by depth
    assert _run(env, "orgs", "rename", "root", "某市总工会").exit_code == 0

    user = _run(env, "users", "create", "王干事", "--role", "writer", "--org", "甲机械厂工会", "--password-stdin",
                stdin="password-1\n")
    assert user.exit_code == 0, user.output
    key = _run(env, "keys", "create", "街道OA", "--role", "editor", "--org", street["id"], "--json")
    assert key.exit_code == 0, key.output
    assert _run(env, "keys", "create", "无组织", "--org", "没有的区").exit_code == 1
    service = DrafterService(Settings(data_dir=tmp_path / "data", _env_file=None))
    assert service.get_user("王干事").org_id == service.get_org("甲机械厂工会").id
    assert json.loads(key.stdout)["org_id"] == street["id"]


def test_move_rename_and_delete_from_the_command_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    env = {"DRAFTER_DATA_DIR": str(tmp_path / "data"), "DRAFTER_SAMPLES_DIR": str(tmp_path / "no-samples")}
    (tmp_path / "no-samples").mkdir()
    (tmp_path / "orgs.csv").write_text("东城区总工会,\n甲街道工会,东城区总工会\n甲厂工会,甲街道工会\n西城区总工会,\n",
                                       encoding="utf-8")
    assert _run(env, "orgs", "import", str(tmp_path / "orgs.csv")).exit_code == 0
    moved = _run(env, "orgs", "move", "甲街道工会", "--parent", "西城区总工会")
    assert moved.exit_code == 0 and "西城区总工会" in moved.stdout, moved.output
    looped = _run(env, "orgs", "move", "西城区总工会", "--parent", "甲厂工会")
    assert looped.exit_code == 2 and "下级组织" in looped.output
    assert _run(env, "orgs", "move", "甲街道工会", "--parent", "没有的区").exit_code == 1
    assert _run(env, "users", "create", "王干事", "--role", "writer", "--org", "甲厂工会", "--password-stdin",
                stdin="password-1\n").exit_code == 0
    refused = _run(env, "orgs", "delete", "甲厂工会")
    assert refused.exit_code == 2 and "1 个用户" in refused.output and "--to-parent" in refused.output
    deleted = _run(env, "orgs", "delete", "甲厂工会", "--to-parent")
    assert deleted.exit_code == 0, deleted.output
    service = DrafterService(Settings(data_dir=tmp_path / "data", _env_file=None))
    street = service.get_org("甲街道工会")
    assert street.parent_id == service.get_org("西城区总工会").id
    assert service.get_user("王干事").org_id == street.id
    assert [o["name"] for o in json.loads(_run(env, "orgs", "list", "--json").stdout)] == [
        "总工会", "东城区总工会", "西城区总工会", "甲街道工会"]
