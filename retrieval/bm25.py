"""BM25 over chunk texts (bm25s), tokenised with jieba; a local cache under data_dir/bm25/<collection>.

The index is saved with the catalog version it was built from (retrieval.bm25_refresh rebuilds it when the
catalog's version moves, from the tokens the catalog stores).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import shutil
import sqlite3
import sys
import unicodedata
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

import numpy as np

from retrieval.query_words import QUERY_MAX_CHARS, WordLookup

IDS_FILE = "chunk_ids.json"
TOKENIZER_VERSION = "jieba-search/no-stopwords/no-single-chars/1"  # part of the signature: a change rebuilds


def chunk_set_signature(ids: list[str]) -> str:
    """Identifies a set of chunk ids (order-insensitive)."""
    digest = hashlib.sha1(TOKENIZER_VERSION.encode())
    for chunk_id in sorted(ids):
        digest.update(chunk_id.encode())
    return digest.hexdigest()


def _load_stopwords() -> frozenset[str]:
    text = resources.files("retrieval").joinpath("data/stopwords_zh.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _is_noise(token: str) -> bool:
    """Whitespace and punctuation/symbol tokens."""
    return all(ch.isspace() or unicodedata.category(ch)[0] in "PSZC" for ch in token)


def _dictionary_version() -> str:
    """Identifies jieba's dictionary without importing jieba: the tokenizer version and dict.txt's size."""
    spec = find_spec("jieba")
    size = Path(spec.origin).with_name("dict.txt").stat().st_size if spec and spec.origin else 0
    return f"{TOKENIZER_VERSION}/dict-{size}"


def _import_jieba():
    """jieba, imported without pkg_resources: jieba falls back to plain open() for its dictionary when that
    import fails, and importing pkg_resources (deprecated) costs about 0.3 s of every CLI search's start."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError, for this import only
    try:
        import jieba
    finally:
        if sys.modules.get("pkg_resources", 0) is None:
            del sys.modules["pkg_resources"]
    return jieba


class ChineseTokenizer:
    """jieba search-mode segmentation without stopwords, punctuation and single characters (mostly function
    words or fragments in search mode; they add noise to BM25); one jieba dictionary per instance."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self._jieba = None
        self.stopwords = _load_stopwords()
        self.words = WordLookup(cache_dir, _dictionary_version())

    def _segmenter(self):
        if self._jieba is None:
            jieba = _import_jieba()

            logging.getLogger("jieba").setLevel(logging.WARNING)  # no "Building prefix dict" chatter
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            tokenizer = jieba.Tokenizer()
            tokenizer.tmp_dir = str(self.cache_dir.resolve())
            tokenizer.cache_file = "jieba.cache"  # jieba joins it onto tmp_dir
            tokenizer.initialize()
            self._jieba = tokenizer
            if not self.words.ready():
                try:
                    self.words.build(tokenizer.FREQ, tokenizer.total)
                except (OSError, sqlite3.Error):
                    pass  # short texts then load the full dictionary too
        return self._jieba

    def _short_text_segmenter(self, text: str):
        """A jieba tokenizer holding only the dictionary entries inside `text` (None: use the full one)."""
        if self._jieba is not None or len(text) > QUERY_MAX_CHARS:
            return None
        found = self.words.subset(text)
        if found is None:
            return None
        tokenizer = _import_jieba().Tokenizer()
        tokenizer.FREQ, tokenizer.total = found
        tokenizer.initialized = True
        return tokenizer

    def tokens(self, text: str) -> list[str]:
        text = text.lower()
        words = (self._short_text_segmenter(text) or self._segmenter()).lcut_for_search(text)
        return [w for w in (w.strip() for w in words)
                if len(w) > 1 and w not in self.stopwords and not _is_noise(w)]

    def warm(self) -> None:
        self._segmenter()


class BM25Index:
    """A bm25s index over chunk ids, saved in `directory` with the id list it was built from."""

    def __init__(self, directory: Path, tokenizer: ChineseTokenizer) -> None:
        self.directory = directory
        self.tokenizer = tokenizer
        self.ids: list[str] = []
        self.fields: dict[str, np.ndarray] = {}
        self._model = None
        self._positions: dict[str, int] | None = None
        self._loaded = False
        self._stamp: float | None = None  # mtime of the ids file that was loaded
        self.version: str | None = None  # the catalog version the loaded index was built from

    @property
    def signature(self) -> str | None:
        """Signature of the saved chunk set, or None if nothing is saved."""
        path = self.directory / IDS_FILE
        if not path.exists():
            return None
        return json.loads(path.read_text(encoding="utf-8")).get("signature")

    def build(self, ids: list[str], texts: list[str] | None, fields: dict[str, list] | None = None,
              tokens: list[list[str]] | None = None, version: str | None = None) -> None:
        """Index these chunks (their `texts`, or their `tokens` when already tokenised) and save the index
        (replacing any previous one) with the catalog `version` it reflects.

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
        tmp = self.directory.with_name(f"{self.directory.name}.{os.getpid()}.tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        if model is not None:
            model.save(str(tmp), show_progress=False)
        payload = {"signature": chunk_set_signature(ids), "ids": ids, "fields": fields, "version": version}
        (tmp / IDS_FILE).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
        shutil.rmtree(self.directory, ignore_errors=True)
        tmp.rename(self.directory)
        self.ids, self._model, self._loaded, self._positions = list(ids), model, True, None
        self._stamp, self.version = self._mtime(), version
        self.fields = {name: np.asarray(values, dtype=object) for name, values in fields.items()}

    def load(self) -> bool:
        """Load the saved index once; False when there is none."""
        if self._loaded:
            return True
        path = self.directory / IDS_FILE
        if not path.exists():
            return False
        import bm25s

        self._stamp = self._mtime()
        payload = json.loads(path.read_text(encoding="utf-8"))
        self.ids, self._positions, self.version = payload["ids"], None, payload.get("version")
        self.fields = {name: np.asarray(values, dtype=object) for name, values in payload.get("fields", {}).items()}
        self._model = bm25s.BM25.load(str(self.directory)) if self.ids else None
        self._loaded = True
        return True

    def _mtime(self) -> float | None:
        try:
            return (self.directory / IDS_FILE).stat().st_mtime
        except OSError:
            return None

    def reload(self) -> bool:
        """Load the saved index again (another worker process may have rebuilt it)."""
        self._loaded = False
        return self.load()

    def reload_if_changed(self) -> None:
        """Pick up an index rebuilt by another process (an API worker that took an upload); one stat call."""
        if self._loaded and self._mtime() != self._stamp:
            self._loaded = False
            self.load()

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
        """Positions of these chunk ids (unknown ids are ignored); None when the index is empty."""
        if not self.ids:
            return None
        if self._positions is None:
            self._positions = {chunk_id: n for n, chunk_id in enumerate(self.ids)}
        allowed = np.zeros(len(self.ids), dtype=bool)
        allowed[[self._positions[i] for i in ids if i in self._positions]] = True
        return allowed

    def coverage(self, query: str, allowed: np.ndarray | None = None) -> float:
        """How much of the query the best-covered (allowed) chunk contains: the IDF-weighted share of the
        query's distinct tokens, 0..1. Low for paraphrases, where BM25 only matches incidental words."""
        if not self.load() or self._model is None:
            return 0.0
        vocab, scores = self._model.vocab_dict, self._model.scores
        indptr, indices, docs = scores["indptr"], scores["indices"], scores["num_docs"]
        total, covered = 0.0, np.zeros(docs)
        for token in dict.fromkeys(self.tokenizer.tokens(query)):
            token_id = vocab.get(token)
            if token_id is None:  # in no chunk: the rarest possible word, never covered
                total += math.log(1 + docs)
                continue
            holders = indices[indptr[token_id]:indptr[token_id + 1]]
            idf = math.log(1 + (docs - len(holders) + 0.5) / (len(holders) + 0.5))
            total += idf
            covered[holders] += idf
        if allowed is not None:
            covered = np.where(allowed, covered, 0.0)
        return float(covered.max() / total) if total and docs else 0.0

    def search(self, query: str, n: int, allowed: np.ndarray | None = None) -> list[tuple[str, float]]:
        """Up to n (chunk id, score) with a positive score, best first; `allowed` masks positions out."""
        if not self.load() or self._model is None or n <= 0:
            return []
        token_ids = self._model.get_tokens_ids(self.tokenizer.tokens(query))
        if not token_ids:
            return []
        scores = self._model.get_scores_from_ids(token_ids)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        n = min(n, int(np.count_nonzero(scores > 0)))
        if n == 0:
            return []
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.ids[i], float(scores[i])) for i in top]
