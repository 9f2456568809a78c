"""Which keyword index API machines on shared stores should use (issue 22): each machine's BM25 cache (bm25s over the
catalog's stored jieba tokens, brought up to date through the change log), or PostgreSQL full-text search over the
same jieba tokens (a `tsvector` of the 'simple' configuration: no server extension, GIN-indexed, ranked by
ts_rank), both with the visibility filter (shared, or uploaded by the lineage) inside the query.

Usage: flock /tmp/drafter-model.lock .venv/bin/python bench/keyword_store_bench.py [--examples 10000] [--orgs 100]

- quality: precision@5 of each on the labelled queries (tests/data/queries.json) over the shipped samples;
- latency p50/p95 with N replica examples (the samples copied with a number, over M organisations, a fifth
  shared: bench/scale_bench.py's library, without vectors), each query filtered to a random lineage;
- a fresh upload: how long after its commit another connection finds it (PostgreSQL), beside the BM25 figure
  that bench/scale_bench.py measures across machines.
Chroma's own sparse search is not compared: local Chroma 1.5.9 answers "Search is not implemented for Local Chroma".
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from scale_support import pg_cluster  # noqa: E402
from store_support import _new_pg_database  # noqa: E402

from retrieval.bm25 import BM25Index, ChineseTokenizer  # noqa: E402
from retrieval.chunking import chunk_example  # noqa: E402
from retrieval.evaluation import QuerySet  # noqa: E402
from retrieval.ingest import passage_text, unique_chunks  # noqa: E402
from retrieval.loader import iter_files, load_file  # noqa: E402

SCHEMA = """CREATE TABLE chunks (pos integer PRIMARY KEY, id text, org text, shared boolean, body tsvector);
CREATE INDEX chunks_body ON chunks USING gin (body); CREATE INDEX chunks_org ON chunks (org);"""
SEARCH = """SELECT pos FROM chunks, to_tsquery('simple', %(q)s) query
WHERE body @@ query AND (shared OR org = ANY(%(orgs)s)) ORDER BY ts_rank(body, query) DESC LIMIT %(n)s"""


def samples(tokenizer) -> list[tuple[str, str, list[str]]]:
    """(id, text, tokens) of every chunk of the shipped samples."""
    rows = []
    for path in iter_files([ROOT / "samples"]):
        for chunk in unique_chunks(chunk_example(load_file(path, ROOT / "samples"))):
            rows.append((chunk.id, chunk.text, tokenizer.tokens(passage_text(chunk))))
    return rows


def replicas(originals, examples: int, orgs: int, per_example: int = 7):
    """(id, text, tokens, org, shared) of `examples` replica examples cut from the samples' chunks."""
    out = []
    for n in range(examples):
        org, shared = f"o{n % orgs}", n % 5 == 0
        for k in range(per_example):
            cid, text, tokens = originals[(n * per_example + k) % len(originals)][:3]
            out.append((f"{cid}/{n}", f"{text}（{n}）", tokens + [str(n)], org, shared))
    return out


def tsquery(tokens: list[str]) -> str:
    return " | ".join("'" + t.replace("\\", "\\\\").replace("'", "''") + "'" for t in dict.fromkeys(tokens)) or "''"


class Postgres:
    def __init__(self, url: str, rows) -> None:
        import psycopg

        self.conn = psycopg.connect(url.replace("+psycopg", ""), autocommit=True)
        self.conn.execute(SCHEMA)
        with self.conn.cursor() as cur:
            cur.executemany("INSERT INTO chunks VALUES (%s, %s, %s, %s, to_tsvector('simple', %s))",
                            [(pos, r[0], r[3], r[4], " ".join(r[2])) for pos, r in enumerate(rows)])
        self.conn.execute("ANALYZE chunks")

    def search(self, tokens: list[str], n: int, orgs: list[str]) -> list[int]:
        return [row[0] for row in self.conn.execute(SEARCH, {"q": tsquery(tokens), "orgs": orgs, "n": n})]


def bm25_index(directory: Path, tokenizer, rows) -> BM25Index:
    index = BM25Index(directory, tokenizer)
    index.build([str(pos) for pos in range(len(rows))], None, tokens=[r[2] for r in rows],
                fields={"org": [r[3] for r in rows], "shared": [r[4] for r in rows]})
    return index


def precision(rank, rows, queries: QuerySet, k: int = 5) -> dict:
    """precision@k per query kind: `rank(query) -> positions`, relevance by the query set's term rule."""
    sums, counts = {}, {}
    for item in queries.queries:
        hits = rank(item["query"])[:k]
        sums[item["kind"]] = sums.get(item["kind"], 0) + sum(queries.is_relevant(item["topic"], rows[p][1]) for p in hits) / k
        counts[item["kind"]] = counts.get(item["kind"], 0) + 1
    return {kind: round(sums[kind] / counts[kind], 3) for kind in sums}


def latency(search, queries: list[str], lineages: list[list[str]], count: int) -> dict:
    rng, times = random.Random(3), []
    search(queries[0], lineages[0])
    for n in range(count):
        started = time.perf_counter()
        search(queries[n % len(queries)], rng.choice(lineages))
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(times[int(count * .95) - 1], 1),
            "load_average": os.getloadavg()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--orgs", type=int, default=100)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    print("load average", os.getloadavg(), flush=True)
    root = Path(tempfile.mkdtemp(prefix="drafter-keyword-"))
    tokenizer = ChineseTokenizer(root / "cache")
    tokenizer.warm()
    queries = QuerySet(ROOT / "tests/data/queries.json")
    texts = [q["query"] for q in queries.queries]
    cluster, stop = pg_cluster(root)
    out: dict = {}
    try:
        shipped = [(cid, text, tokens, "", True) for cid, text, tokens in samples(tokenizer)]
        small_pg, small_bm25 = Postgres(_new_pg_database(cluster), shipped), bm25_index(root / "s", tokenizer, shipped)
        out["precision_at_5_shipped_samples"] = {
            "bm25": precision(lambda q: [int(i) for i, _ in small_bm25.search(q, 5)], shipped, queries),
            "postgres_fts": precision(lambda q: small_pg.search(tokenizer.tokens(q), 5, []), shipped, queries),
            "chunks": len(shipped)}
        print(out, flush=True)
        rows = replicas(shipped, args.examples, args.orgs)
        started = time.perf_counter()
        pg = Postgres(_new_pg_database(cluster), rows)
        out["postgres_load_s"] = round(time.perf_counter() - started, 1)
        started = time.perf_counter()
        bm25 = bm25_index(root / "b", tokenizer, rows)
        out["bm25_build_s"] = round(time.perf_counter() - started, 1)
        lineages = [["root", f"o{i}"] for i in range(args.orgs)]
        out["chunks"] = len(rows)
        out["postgres_fts"] = latency(lambda q, orgs: pg.search(tokenizer.tokens(q), 30, orgs), texts, lineages, args.queries)
        out["bm25"] = latency(lambda q, orgs: bm25.search(q, 30, bm25.visible(orgs)), texts, lineages, args.queries)
        print(out, flush=True)
        word = f"标记{uuid.uuid4().hex[:8]}"
        other = Postgres.__new__(Postgres)
        other.conn = type(pg.conn).connect(pg.conn.info.dsn, autocommit=True)
        pg.conn.execute("INSERT INTO chunks VALUES (%s, 'fresh', 'o1', false, to_tsvector('simple', %s))",
                        (len(rows), f"无人机 植保 {word}"))
        started = time.perf_counter()
        while len(rows) not in other.search([word], 30, ["root", "o1"]):
            time.sleep(0.001)
        out["postgres_fresh_upload_found_by_another_connection_s"] = round(time.perf_counter() - started, 4)
        out["postgres_fresh_upload_hidden_from_another_org"] = len(rows) not in other.search([word], 30, ["root", "o2"])
    finally:
        stop()
    out["load_average_after"] = os.getloadavg()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
