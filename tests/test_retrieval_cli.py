"""`drafter ingest` and `drafter search` through the real CLI app."""

from __future__ import annotations

import json

from retrieval_support import CARE, DEMOCRACY, SAFETY
from typer.testing import CliRunner

from drafter.cli import app


def _run(args, data_dir, monkeypatch):
    monkeypatch.setenv("DRAFTER_DATA_DIR", str(data_dir))
    return CliRunner().invoke(app, args)


def test_ingest_reports_skips_and_search_prints_json_hits(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "care.md").write_text(CARE, encoding="utf-8")
    (corpus / "democracy.md").write_text(DEMOCRACY, encoding="utf-8")
    (corpus / "safety.md").write_text(SAFETY, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"  \n")
    data = tmp_path / "data"

    ingested = _run(["ingest", str(corpus), "--quiet"], data, monkeypatch)
    assert ingested.exit_code == 0, ingested.output
    assert "3 个文件" in ingested.output
    assert any(line.startswith("跳过") and "empty.txt" in line for line in ingested.output.splitlines())

    found = _run(["search", "职代会 集体合同", "--k", "2", "--json"], data, monkeypatch)
    assert found.exit_code == 0, found.output
    hits = json.loads(found.stdout)
    assert isinstance(hits, list) and len(hits) == 2
    assert all(set(hit) == {"text", "title", "kind", "source", "heading", "role", "score"} for hit in hits)
    assert hits[0]["title"] == "某厂工会年度工作总结" and "职代会" in hits[0]["text"]
    assert "\\u" not in found.stdout  # ensure_ascii=False

    filtered = _run(["search", "工会 职工", "--kind", "月度总结", "--mode", "bm25", "--json"], data, monkeypatch)
    assert {hit["kind"] for hit in json.loads(filtered.stdout)} == {"月度总结"}

    human = _run(["search", "隐患排查", "--role", "body"], data, monkeypatch)
    assert human.exit_code == 0 and "某矿工会安全生产月总结" in human.output

    bad_mode = _run(["search", "职工", "--mode", "fuzzy"], data, monkeypatch)
    assert bad_mode.exit_code != 0
