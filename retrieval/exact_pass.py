"""An exact pass over an organisation's own chunks, merged with Chroma's approximate (HNSW) answer.

HNSW can miss the exact nearest chunk: among tens of thousands of near-identical vectors it walks a graph that
behaves like random points, and a fresh upload, however near the query, may never be reached (docs/deployment.md, issue 22).
An organisation's own uploads are what it most expects to find, and they are few. So a search filtered to a
lineage (root … own organisation) also fetches the chunks uploaded by that lineage from Chroma, with the search's
filters (kind, role, examples) and the lineage inside the `where` of the get, scores them exactly, and merges
them with the HNSW answer by cosine similarity. Nothing is filtered after the fact: both sets come from Chroma
already filtered.

The fetched vectors are cached per filter and per catalog version (a write anywhere moves it; Chroma is written
before the catalog, so a version never names vectors Chroma lacks), up to BUDGET chunks over all
filters (float32: float16 halves the memory but its conversion cost 4–8 ms a search at 1,353 chunks): the scale
bench's 100 organisations of 650 own chunks each fit, so none is fetched twice per version. A filter that selects more than `limit`
chunks is left to HNSW alone: a first fetch grows with the chunks (docs/deployment.md: 156 ms at 2,029).
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

import numpy as np

EXACT_LIMIT = 2000  # chunks of one lineage scored exactly; more are left to HNSW
BUDGET = 100_000  # chunks cached over all filters (154 MB at 384 dimensions), least recently used first out


def own_clause(orgs: list[str], where: dict | None) -> dict:
    """The `where` of the exact pass: the search's other filters, and chunks uploaded by one of `orgs`."""
    own = {"org": {"$in": [o for o in orgs if o]}}
    return own if where is None else {"$and": [where, own]}


class ExactPass:
    """Exact cosine scores over the chunks one `where` selects, cached by catalog version."""

    def __init__(self, collection, limit: int = EXACT_LIMIT, budget: int = BUDGET) -> None:
        self.collection, self.limit, self.budget = collection, limit, budget
        self._cache: OrderedDict[str, tuple[object, list[str], np.ndarray | None]] = OrderedDict()
        self._lock = threading.Lock()
        self.fetches = 0  # Chroma gets made (a cached filter makes none)

    def nearest(self, embedding: list[float], n: int, where: dict, version) -> list[tuple[str, float]] | None:
        """The n nearest chunks among those `where` selects, as (id, cosine similarity), best first; None when
        the filter selects more than `limit` chunks (HNSW alone answers then)."""
        ids, matrix = self._vectors(where, version)
        if matrix is None:
            return None
        if not ids or n <= 0:
            return []
        query = np.asarray(embedding, dtype=np.float32)
        scores = matrix @ (query / (np.linalg.norm(query) or 1.0))
        best = np.argsort(-scores, kind="stable")[:n]
        return [(ids[i], float(scores[i])) for i in best]

    def _vectors(self, where: dict, version) -> tuple[list[str], np.ndarray | None]:
        key = json.dumps(where, sort_keys=True, ensure_ascii=False)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None and cached[0] == version:
                self._cache.move_to_end(key)
                return cached[1], cached[2]
        ids, matrix = self._fetch(where)
        with self._lock:
            self._cache[key] = (version, ids, matrix)
            self._cache.move_to_end(key)
            while len(self._cache) > 1 and sum(len(entry[1]) for entry in self._cache.values()) > self.budget:
                self._cache.popitem(last=False)
        return ids, matrix

    def _fetch(self, where: dict) -> tuple[list[str], np.ndarray | None]:
        self.fetches += 1
        got = self.collection.get(where=where, limit=self.limit + 1, include=["embeddings"])
        ids = list(got["ids"])
        if len(ids) > self.limit:
            return [], None
        if not ids:
            return [], np.zeros((0, 0), dtype=np.float32)
        matrix = np.asarray(got["embeddings"], dtype=np.float32)
        matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
        return ids, matrix


def merge(approximate: list[tuple[str, float]], exact: list[tuple[str, float]], n: int) -> list[tuple[str, float]]:
    """The n best of both lists by similarity (a chunk in both keeps its exact score), best first."""
    scores = dict(approximate)
    scores.update(exact)
    return sorted(scores.items(), key=lambda pair: -pair[1])[:n]
