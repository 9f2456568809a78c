"""The BM25 delta is a cache (issue 22): an upload is acknowledged only once its chunks and tokens are committed
to the catalog, and a fresh process (a restarted machine, or another one) rebuilds what the writer held in memory
from the catalog's change log. Here a writer uploads and removes examples that only its in-memory delta holds (its
saved main index predates them); then `drafter search --mode bm25` in new processes, on the writer's data dir and
(PostgreSQL) on an empty one, finds every acknowledged upload and not the removed one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from api_support import DRAFTER, shared_embedder, small_samples
from retrieval_support import example_md
from store_support import _new_pg_database

from drafter.settings import Settings
from retrieval.bm25 import BM25Index
from retrieval.bm25_refresh import rebuild
from retrieval.library import Library

TOPICS = ["无人机植保飞手培训", "冷链物流司机技能比武", "光伏电站运维班组创建", "高铁乘务员礼仪大赛"]


def _fresh_search(data_dir: Path, database_url: str | None, query: str) -> list[str]:
    """The sources `drafter search --mode bm25` finds, in a new process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRAFTER_")}
    env.update(DRAFTER_DATA_DIR=str(data_dir), PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    if database_url:
        env["DRAFTER_DATABASE_URL"] = database_url
    done = subprocess.run([DRAFTER, "search", query, "--mode", "bm25", "--k", "5",
                           "--json"], capture_output=True, text=True, env=env, cwd=data_dir.parent, timeout=300)
    assert done.returncode == 0, done.stderr
    return [hit["source"] for hit in json.loads(done.stdout)]


def _saved_seq(library: Library) -> int | None:
    saved = BM25Index(library.bm25.directory, library.tokenizer)
    return saved.seq if saved.load() else None


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def writer(request, library, tmp_path):
    """A machine over a copy of the ingested samples (SQLite), or over a PostgreSQL catalog they were moved into;
    its main index saved on disk, and a delta that may hold every upload (never merged into a new main index)."""
    data_dir = tmp_path / "a"
    shutil.copytree(library.settings.data_dir, data_dir)
    database_url = _new_pg_database(request.getfixturevalue("pg_cluster")) if request.param == "postgresql" else None
    settings = Settings(data_dir=data_dir, database_url=database_url, _env_file=None)
    machine = Library(settings, embedder=shared_embedder(settings))
    machine.search("困难职工帮扶", k=1, mode="bm25")
    machine.bm25 = rebuild(machine)  # a main index saved at the catalog's last change
    request.getfixturevalue("monkeypatch").setattr("retrieval.bm25_refresh.limit", lambda main_count: 10_000)
    return machine, database_url


def test_a_fresh_process_finds_every_acknowledged_upload_by_keyword_and_not_a_removed_one(writer, tmp_path):
    machine, database_url = writer
    saved = _saved_seq(machine)
    words, chunks = {}, set()
    for n, topic in enumerate(TOPICS):
        words[n] = f"{topic}{uuid.uuid4().hex[:6]}"
        text = example_md(f"专项总结{n}", "专项总结", [(f"一、{topic}", f"组织开展{words[n]}，职工踊跃参加。")])
        report = machine.add_files([(f"topic{n}.md", text.encode())], org="east", shared=n % 2 == 0)
        assert report.files == 1  # acknowledged
        hit = machine.search(words[n], k=1, mode="bm25")[0]
        assert hit.source == f"topic{n}.md"
        chunks.add(hit.chunk_id)
    assert machine.remove_example(hit.example_id)  # the last one
    # on disk nothing of it: the uploads and the removal live in this process's memory (its delta) only
    assert _saved_seq(machine) == saved and chunks <= set(machine.bm25.delta.ids) | {hit.chunk_id}
    assert not chunks & set(machine.bm25.ids[:machine.bm25.main_count])
    for data_dir in [machine.settings.data_dir] + ([tmp_path / "b"] if database_url else []):
        for n in range(3):
            assert f"topic{n}.md" in _fresh_search(data_dir, database_url, words[n]), (data_dir, n)
        assert "topic3.md" not in _fresh_search(data_dir, database_url, words[3]), data_dir
    assert _saved_seq(machine) == saved  # the restarted machine caught up from the change log, no rebuild


@pytest.mark.parametrize("move", ["catalog file copied in", pytest.param("pointed at postgresql", marks=pytest.mark.slow)])
def test_a_data_dir_pointed_at_another_catalog_finds_all_of_that_catalogs_examples_by_keyword(move, tmp_path,
                                                                                               request, monkeypatch):
    """A machine's saved index reflects its old catalog up to change n; the new catalog's changes after n say
    nothing about its first n: the saved index is dropped and rebuilt, not caught up (even where a delta could
    hold every change)."""
    monkeypatch.setattr("retrieval.bm25_refresh.limit", lambda main_count: 10_000)
    samples = small_samples(tmp_path / "samples", count=5)
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    mine.mkdir()
    theirs.mkdir()
    for n, path in enumerate(sorted(samples.glob("*.md"))):
        shutil.copy(path, (mine if n < 2 else theirs) / path.name)
    url = _new_pg_database(request.getfixturevalue("pg_cluster")) if move == "pointed at postgresql" else None

    def machine(name: str, database_url: str | None = None) -> Library:
        settings = Settings(data_dir=tmp_path / name, database_url=database_url, collection="moved", _env_file=None)
        return Library(settings, embedder=shared_embedder(settings))

    old = machine("x")
    old.ingest([mine], progress=False)  # its saved index: 2 examples, change numbers 1-2
    other = machine("y", url)
    other.ingest([theirs], progress=False)  # 3 examples, change numbers 1-3
    if url is None:  # their catalog file over mine, both closed (SQLite's WAL checkpointed)
        target = Path(old.catalog.url.removeprefix("sqlite:///"))
        old.catalog.close()
        other.catalog.close()
        for leftover in target.parent.glob(f"{target.name}-*"):
            leftover.unlink()
        shutil.copy(other.catalog.url.removeprefix("sqlite:///"), target)
        other = machine("y")
    moved = machine("x", url)
    for example in other.list_examples():
        title = other.example_chunks(example.id)[0].text[:40]
        assert example.id in {h.example_id for h in moved.search(title, k=10, mode="bm25")}, example.id
