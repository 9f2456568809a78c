"""`drafter check`: the exact CLI contract (json, human report, jsonl with a malformed line, bad files)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from drafter.cli import app

FACTS = "- 春节走访慰问困难职工86户，发放慰问金12.6万元\n2. 组织312人参加职工运动会\n"


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    facts = tmp_path / "facts.txt"
    facts.write_text(FACTS, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("走访慰问困难职工86户，发放慰问金12.6万元，300余人参加职工运动会。", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("走访慰问困难职工68户，发放慰问金12.6万元，312人参加职工运动会，XX万元。", encoding="utf-8")
    return facts, good, bad


def test_json_ok_exit_0(runner, files):
    facts, good, _ = files
    result = runner.invoke(app, ["check", "--facts", str(facts), str(good), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"ok", "numbers", "missing", "claims", "sentences", "faithful", "cleared", "unverified"} and data["ok"] is True
    assert set(data["numbers"][0]) == {"start", "end", "text", "value", "unit", "status", "fact_line", "note",
                                       "item", "fact_item", "judge"}  # judge: the item judge's verdict (null here)
    assert data["numbers"][0]["item"] == "走访慰问困难职工" and data["faithful"] is True and data["claims"] == []
    assert [s["fact_lines"] for s in data["sentences"]] == [[1, 2]]
    assert "户" in result.stdout  # ensure_ascii=False


def test_json_problems_exit_1(runner, files):
    facts, _, bad = files
    result = runner.invoke(app, ["check", "--facts", str(facts), str(bad), "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(n["text"], n["status"], n["fact_line"]) for n in data["numbers"]] == [
        ("68户", "mismatch", 1), ("12.6万元", "supported", 1), ("312人", "supported", 2),
        ("XX万元", "placeholder", None)]
    assert data["missing"] == [{"fact_line": 1, "text": "春节走访慰问困难职工86户，发放慰问金12.6万元"}]


def test_human_report(runner, files):
    facts, _, bad = files
    result = runner.invoke(app, ["check", "--facts", str(facts), str(bad)])
    assert result.exit_code == 1
    assert "第1行事实为 86户，初稿写成 68户" in result.stdout
    assert "【68户⚠不符】" in result.stdout


def test_non_utf8_file_names_the_file_exit_2(runner, files, tmp_path):
    facts, good, _ = files
    gbk = tmp_path / "gbk_draft.txt"
    gbk.write_bytes("走访慰问困难职工86户".encode("gbk"))
    result = runner.invoke(app, ["check", "--facts", str(facts), str(gbk)])
    assert result.exit_code == 2
    assert "gbk_draft.txt" in result.stderr and "UTF-8" in result.stderr
    result = runner.invoke(app, ["check", "--facts", str(tmp_path / "nope.txt"), str(good)])
    assert result.exit_code == 2 and "nope.txt" in result.stderr


def test_jsonl_checks_every_line_and_reports_malformed_ones(runner, tmp_path):
    lines = [
        json.dumps({"facts": ["慰问困难职工86户"], "draft": "慰问困难职工86户"}, ensure_ascii=False),
        "{not json",
        json.dumps({"facts": "86户", "draft": "86户"}, ensure_ascii=False),
        "",
        json.dumps({"facts": ["慰问困难职工86户"], "draft": "慰问困难职工68户"}, ensure_ascii=False),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--jsonl", str(path)])
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 4
    assert out[0]["ok"] is True
    assert out[1]["error"]["line"] == 2 and out[1]["error"]["message"]
    assert out[2]["error"]["line"] == 3
    assert out[3]["ok"] is False and out[3]["numbers"][0]["status"] == "mismatch"
    assert result.exit_code == 2


def test_jsonl_all_good_exit_0(runner, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"facts": ["86户"], "draft": "86户"}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--jsonl", str(path)])
    assert result.exit_code == 0 and json.loads(result.stdout)["ok"] is True


def test_missing_arguments_exit_2(runner, files):
    facts, good, _ = files
    assert runner.invoke(app, ["check", str(good)]).exit_code == 2
    assert runner.invoke(app, ["check", "--jsonl", str(facts), "--facts", str(facts)]).exit_code == 2


def test_extra_lexicon_from_settings(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    facts = tmp_path / "f.txt"
    facts.write_text("慰问86户\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("慰问86户，推行6S管理", encoding="utf-8")
    assert runner.invoke(app, ["check", "--facts", str(facts), str(draft), "--json"]).exit_code == 1
    extra = tmp_path / "words.toml"
    extra.write_text('[mine]\nwords = ["6S管理"]\n', encoding="utf-8")
    monkeypatch.setenv("DRAFTER_NUMBERS_LEXICON", str(extra))
    result = runner.invoke(app, ["check", "--facts", str(facts), str(draft), "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["ok"] is True
    monkeypatch.setenv("DRAFTER_NUMBERS_LEXICON", str(tmp_path / "missing.toml"))
    result = runner.invoke(app, ["check", "--facts", str(facts), str(draft)])
    assert result.exit_code == 2 and "missing.toml" in result.stderr
