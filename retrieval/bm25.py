"""BM25 over chunk texts (bm25s), tokenised with jieba; a local cache under data_dir/bm25/<collection>.

The main index is saved with the catalog version and change number (`seq`) it was built from. bm25s cannot add
documents to an index, so chunks changed since then are kept in a small delta (retrieval.bm25_delta), scored
beside the main index with the main index's statistics; retrieval.bm25_refresh keeps both at the catalog's
version and merges the delta into a new main index past a threshold.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import uuid
from pathlib import Path

import numpy as np

from retrieval.chinese_tokens import TOKENIZER_VERSION, ChineseTokenizer

__all__ = ["BM25Index", "ChineseTokenizer", "chunk_set_signature"]
IDS_FILE = "chunk_ids.json"


def chunk_set_signature(ids: list[str]) -> str:
    """Identifies a set of chunk ids (order-insensitive)."""
    digest = hashlib.sha1(TOKENIZER_VERSION.encode())
    for chunk_id in sorted(ids):
        digest.update(chunk_id.encode())
    return digest.hexdigest()


class BM25Index:
    """A bm25s index over chunk ids, saved in `directory` with the id list it was built from, plus (in memory)
    a delta of the chunks changed since: positions 0..main-1 are the main index's, the rest the delta's."""

    def __init__(self, directory: Path, tokenizer: ChineseTokenizer) -> None:
        self.directory = directory
        self.tokenizer = tokenizer
        self.ids: list[str] = []
        self.fields: dict[str, np.ndarray] = {}
        self._model = None
        self._positions: dict[str, int] | None = None
        self._loaded = False
        self.version: str | None = None  # the catalog version the index (with its delta) reflects
        self.seq: int | None = None  # the catalog's last change number it reflects (None: unknown, rebuild)
        self.main_seq: int | None = None  # … that the main index (on disk) was built at
        self.catalog_id: str | None = None  # the catalog it was built from (Catalog.identity)
        self.avgdl = 0.0  # the main index's mean chunk length in tokens (its delta scores with it)
        self.delta = None  # retrieval.bm25_delta.Delta, or None
        self._live = None  # main positions still current (False: removed or changed since the main build)

    @property
    def signature(self) -> str | None:
        """Signature of the saved chunk set, or None if nothing is saved."""
        path = self.directory / IDS_FILE
        if not path.exists():
            return None
        return json.loads(path.read_text(encoding="utf-8")).get("signature")

    @property
    def main_count(self) -> int:
        return len(self.ids) - (len(self.delta.ids) if self.delta is not None else 0)

    def build(self, ids: list[str], texts: list[str] | None, fields: dict[str, list] | None = None,
              tokens: list[list[str]] | None = None, version: str | None = None, seq: int | None = None,
              catalog_id: str | None = None) -> None:
        """Index these chunks (their `texts`, or their `tokens` when already tokenised) and save the index
        (replacing any previous one) with the catalog (`catalog_id`), `version` and change number `seq` it reflects.

        `fields` are per-chunk metadata columns (kind, role, example_id, org, shared …) kept for filter masks.
        """
        fields = fields or {}
        import bm25s

        model = None
        if ids:
            model = bm25s.BM25()
            if tokens is None:
                self.tokenizer.warm()  # the full dictionary: many texts, and short ones would each read a subset
                tokens = [self.tokenizer.tokens(t) for t in texts or []]
            model.index(tokens, show_progress=False)
        avgdl = float(np.mean([len(t) for t in tokens])) if ids else 0.0
        tmp = self.directory.with_name(f"{self.directory.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if model is not None:
            model.save(str(tmp), show_progress=False)
        payload = {"signature": chunk_set_signature(ids), "ids": ids, "fields": fields, "version": version,
                   "seq": seq, "avgdl": avgdl, "catalog": catalog_id}
        (tmp / IDS_FILE).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        shutil.rmtree(self.directory, ignore_errors=True)
        try:
            tmp.rename(self.directory)
        except OSError:  # another builder saved its index meanwhile: as good a cache (it carries its own seq)
            shutil.rmtree(tmp, ignore_errors=True)
        self._set(payload, model)

    def _set(self, payload: dict, model) -> None:
        self.ids, self._model, self._loaded, self._positions = list(payload["ids"]), model, True, None
        self.version, self.seq, self.catalog_id = payload.get("version"), payload.get("seq"), payload.get("catalog")
        self.main_seq, self.avgdl, self.delta, self._live = self.seq, payload.get("avgdl") or 0.0, None, None
        self.fields = {name: np.asarray(values, dtype=object) for name, values in payload.get("fields", {}).items()}

    def load(self) -> bool:
        """Load the saved index once; False when there is none."""
        if self._loaded:
            return True
        path = self.directory / IDS_FILE
        if not path.exists():
            return False
        import bm25s

        payload = json.loads(path.read_text(encoding="utf-8"))
        self._set(payload, bm25s.BM25.load(str(self.directory)) if payload["ids"] else None)
        return True

    def with_delta(self, delta, version: str, seq: int) -> "BM25Index":
        """A new index: this one's main index with `delta` (replacing any delta it had) beside it."""
        index = BM25Index(self.directory, self.tokenizer)
        index._model, index._loaded, index.version, index.seq = self._model, True, version, seq
        index.main_seq, index.avgdl, index.delta, index.catalog_id = self.main_seq, self.avgdl, delta, self.catalog_id
        main = self.main_count
        index.ids = self.ids[:main] + delta.ids
        index.fields = {name: np.concatenate([column[:main], np.asarray(delta.fields[name], dtype=object)])
                        for name, column in self.fields.items()}
        if main and delta.dropped:
            index._live = ~np.isin(self.fields["example_id"][:main], list(delta.dropped))
        return index

    def visible(self, orgs: list[str]) -> np.ndarray | None:
        """Positions visible to the organisation whose lineage is `orgs`: shared, or uploaded by one of them."""
        shared, org = self.fields.get("shared"), self.fields.get("org")
        if shared is None or org is None:
            return None
        return ((shared == True) | np.isin(org, list(orgs))).astype(bool)  # noqa: E712 - elementwise, object array

    def mask(self, **equals: str | list[str] | None) -> np.ndarray | None:
        """Positions whose field equals the value (or is in the list); None when unconstrained."""
        allowed = None
        for name, value in equals.items():
            if value is None:
                continue
            column = self.fields.get(name)
            if column is None:  # empty index: nothing to mask
                continue
            hit = np.isin(column, list(value)) if isinstance(value, list) else column == value
            allowed = hit if allowed is None else allowed & hit
        return allowed

    def mask_ids(self, ids: list[str]) -> np.ndarray | None:
        """Positions of these chunk ids (unknown ids are ignored; a chunk in the delta masks its delta copy);
        None when the index is empty."""
        if not self.ids:
            return None
        if self._positions is None:
            self._positions = {chunk_id: n for n, chunk_id in enumerate(self.ids)}
        allowed = np.zeros(len(self.ids), dtype=bool)
        allowed[[self._positions[i] for i in ids if i in self._positions]] = True
        return allowed

    def _postings(self, token: str) -> tuple[float, np.ndarray]:
        """(idf, positions holding the token) over the main index and its delta, with the main index's
        statistics; a token in neither is the rarest possible word."""
        from retrieval.bm25_delta import Stats

        stats = Stats.of(self)
        main = np.empty(0, dtype=np.int64)
        if self._model is not None and token in self._model.vocab_dict:
            token_id, scores = self._model.vocab_dict[token], self._model.scores
            main = scores["indices"][scores["indptr"][token_id]:scores["indptr"][token_id + 1]]
        extra = self.delta.holders(token) + self.main_count if self.delta is not None else main[:0]
        return stats.idf(token, self.delta), np.concatenate([main, extra]).astype(np.int64)

    def coverage(self, query: str, allowed: np.ndarray | None = None) -> float:
        """How much of the query the best-covered (allowed) chunk contains: the IDF-weighted share of the
        query's distinct tokens, 0..1. Low for paraphrases, where BM25 only matches incidental words."""
        if not self.load() or not self.ids:
            return 0.0
        total, covered = 0.0, np.zeros(len(self.ids))
        for token in dict.fromkeys(self.tokenizer.tokens(query)):
            idf, holders = self._postings(token)
            total += idf
            covered[holders] += idf
        allowed = self._live_mask(allowed)
        if allowed is not None:
            covered = np.where(allowed, covered, 0.0)
        return float(covered.max() / total) if total else 0.0

    def _live_mask(self, allowed: np.ndarray | None) -> np.ndarray | None:
        if self._live is None:
            return allowed
        live = np.concatenate([self._live, np.ones(len(self.ids) - self.main_count, dtype=bool)])
        return live if allowed is None else allowed & live

    def _scores(self, tokens: list[str]) -> np.ndarray | None:
        main = np.zeros(self.main_count, dtype=np.float32)
        if self._model is not None:
            token_ids = self._model.get_tokens_ids(tokens)
            if token_ids:
                main = self._model.get_scores_from_ids(token_ids)
        if self.delta is None:
            return main
        from retrieval.bm25_delta import Stats

        return np.concatenate([main, self.delta.scores(tokens, Stats.of(self))])

    def search(self, query: str, n: int, allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """Up to n (chunk id, score) with a positive score, best first; `allowed` masks positions out."""
        if not self.load() or not self.ids or n <= 0:
            return []
        tokens = self.tokenizer.tokens(query)
        if not tokens:
            return []
        scores = self._scores(tokens)
        allowed = self._live_mask(allowed)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        n = min(n, int(np.count_nonzero(scores > 0)))
        if n == 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top]
