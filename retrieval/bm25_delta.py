"""The BM25 delta: chunks changed since the main (bm25s) index was built, scored beside it.

bm25s cannot add documents to a built index (xhluca/bm25s issues #5, #98, #129), and rebuilding it takes seconds
at 100,000 chunks. So an upload or a removal only changes the delta: the changed examples' chunks (tokens and
filter fields), and the set of examples whose chunks in the main index are no longer current (removed, replaced
or re-shared); those main positions are masked out of every search.

Scores stay comparable: a delta chunk is scored with bm25s's own formula (Lucene variant, k1 and b of the main
model) and the main index's statistics (number of chunks N, each token's document frequency, mean chunk length),
so a token weighs the same in a delta chunk as in a main one, and a delta chunk scores what it would score in the
main index if adding it had not moved those statistics. A token only the delta holds gets its document frequency
from the delta, over N plus the delta's chunks. The drift (statistics that ignore the delta's chunks and still
count the masked ones) is bounded by the delta's size: past `limit(main)` changed chunks (5 % of the main index)
the refresh merges everything into a new main index in the background.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

FIELDS = ("kind", "role", "example_id", "org", "shared")
SHARE = 20  # the delta may hold up to main / SHARE changed chunks (5 %) before a merge


def limit(main_count: int) -> int:
    """Changed chunks the delta may hold for a main index of this size (0 for a tiny one: rebuild instead)."""
    return main_count // SHARE


@dataclass(frozen=True)
class Entry:
    chunk_id: str
    tokens: tuple[str, ...]
    fields: dict


class Delta:
    """Changed examples → their current chunks (an empty list: the example is gone), immutable once built."""

    def __init__(self, examples: dict[str, list[Entry]] | None = None) -> None:
        self.examples = dict(examples or {})
        self.dropped = frozenset(self.examples)  # their chunks in the main index are no longer current
        entries = [entry for group in self.examples.values() for entry in group]
        self.ids = [entry.chunk_id for entry in entries]
        self.fields = {name: [entry.fields[name] for entry in entries] for name in FIELDS}
        self.lengths = np.asarray([len(entry.tokens) for entry in entries], dtype=np.float32)
        postings: dict[str, tuple[list[int], list[int]]] = {}
        for position, entry in enumerate(entries):
            for token, count in Counter(entry.tokens).items():
                holders, counts = postings.setdefault(token, ([], []))
                holders.append(position)
                counts.append(count)
        self.postings = {token: (np.asarray(h, dtype=np.int64), np.asarray(c, dtype=np.float32))
                         for token, (h, c) in postings.items()}

    def changed(self, examples: dict[str, list[Entry]]) -> "Delta":
        """A new delta with these examples' chunks replaced (or removed)."""
        return Delta({**self.examples, **examples})

    def size(self, dead_in_main: int) -> int:
        """Changed chunks: in the delta, plus those masked out of the main index."""
        return len(self.ids) + dead_in_main

    def holders(self, token: str) -> np.ndarray:
        found = self.postings.get(token)
        return found[0] if found is not None else np.empty(0, dtype=np.int64)

    def scores(self, tokens: list[str], stats: "Stats") -> np.ndarray:
        """BM25 score of every delta chunk for the query tokens (repeats count again, as in bm25s)."""
        out = np.zeros(len(self.ids), dtype=np.float32)
        if not self.ids or stats.avgdl <= 0:
            return out
        norm = stats.k1 * ((1 - stats.b) + stats.b * self.lengths / stats.avgdl)
        for token in tokens:
            found = self.postings.get(token)
            if found is not None:
                holders, counts = found
                out[holders] += stats.idf(token, self) * counts / (norm[holders] + counts)
        return out


@dataclass(frozen=True)
class Stats:
    """The main index's statistics and parameters, which the delta scores with."""

    docs: int
    avgdl: float
    k1: float
    b: float
    vocab: dict
    df: np.ndarray

    @classmethod
    def of(cls, index) -> "Stats":
        model = index._model
        if model is None:
            return cls(0, index.avgdl, 1.5, 0.75, {}, np.zeros(0))
        cached = getattr(model, "_drafter_stats", None)
        if cached is None or cached.avgdl != index.avgdl:
            cached = cls(int(model.scores["num_docs"]), index.avgdl, float(model.k1), float(model.b),
                         model.vocab_dict, np.diff(model.scores["indptr"]))
            model._drafter_stats = cached
        return cached

    def idf(self, token: str, delta: Delta | None) -> float:
        """Lucene idf: the main index's for a token it holds, else from the delta over N plus its chunks; a token
        in no chunk weighs log(1 + N) (the rarest possible word, for coverage)."""
        token_id = self.vocab.get(token)
        if token_id is not None:
            df, docs = int(self.df[token_id]), self.docs
        else:
            df = len(delta.holders(token)) if delta is not None else 0
            docs = self.docs + (len(delta.ids) if delta is not None else 0)
        if df == 0:
            return math.log(1 + docs)
        return math.log(1 + (docs - df + 0.5) / (df + 0.5))
