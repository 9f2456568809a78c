"""The vector store: Chroma, embedded (PersistentClient under data_dir/chroma) or a server (HttpClient).

Embeddings are always computed by our Embedder and passed in, so both modes behave the same and Chroma's
default embedding function is never used. chromadb is imported when a store is opened, not with this module.

Two collections: the main one holds every chunk with its org/shared metadata; the shared one holds the shared
chunks again (the shipped corpus, uploads marked shared), so that a search filtered to an organisation can ask
it with no visibility filter (retrieval/dense.py). Every write keeps both.
"""

from __future__ import annotations

import json
import logging
import re
import time
from urllib.parse import urlparse

from retrieval.config import RetrievalSettings
from retrieval.embedder import Embedder
from retrieval.models import Chunk

_DEFAULT_BATCH = 1000
_LOCKED_RETRIES = 100  # tries 0.1 s apart while Chroma's SQLite file is locked by another writer (10 s)
_BUILT_WITH = ("ef_construction", "max_neighbors")  # fixed when a collection is created
_COPIED = ["embeddings", "documents", "metadatas"]
log = logging.getLogger(__name__)


def collection_name(base: str, embedder_name: str) -> str:
    """One collection per embedder, so switching models never mixes vector spaces or dimensions."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", f"{base}-{embedder_name}").strip("-._")
    return slug[:200] or "examples"


def make_client(settings: RetrievalSettings):
    """HttpClient when settings.chroma_url is set, else a PersistentClient under data_dir/chroma."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url if "://" in settings.chroma_url else f"http://{settings.chroma_url}")
        ssl = url.scheme == "https"
        port = url.port or (443 if ssl else 8000)
        return chromadb.HttpClient(host=url.hostname or "localhost", port=port, ssl=ssl, settings=chroma_settings)
    path = settings.data_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def hnsw_configuration(settings: RetrievalSettings) -> dict:
    """The HNSW configuration a new collection is created with. Chroma's defaults (ef_search 100,
    max_neighbors 16) miss the exact nearest chunk among tens of thousands of near-duplicate ones (docs/deployment.md)."""
    return {"space": "cosine", "ef_search": settings.chroma_ef_search,
            "ef_construction": settings.chroma_ef_construction, "max_neighbors": settings.chroma_max_neighbors}


def visibility_clause(orgs: list[str]) -> dict:
    """Chunks visible to a member of the organisation whose lineage (root … own) is `orgs`: the shared ones
    (the shipped corpus, uploads marked shared) and those uploaded by one of these organisations."""
    if not orgs:
        return {"shared": True}
    return {"$or": [{"shared": True}, {"org": {"$in": list(orgs)}}]}


def where_clause(kind: str | None = None, role: str | None = None,
                 example_ids: list[str] | None = None, orgs: list[str] | None = None) -> dict | None:
    """A Chroma `where` filter for the given metadata constraints (None when unconstrained); `orgs` (a lineage)
    keeps only the chunks visible to that organisation, inside the vector query."""
    conditions: list[dict] = []
    if kind:
        conditions.append({"kind": kind})
    if role:
        conditions.append({"role": role})
    if example_ids is not None:
        conditions.append({"example_id": {"$in": list(example_ids)}})
    if orgs is not None:
        conditions.append(visibility_clause(orgs))
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else {"$and": conditions}


def _metadata(chunk: Chunk) -> dict:
    meta = {"example_id": chunk.example_id, "title": chunk.title, "kind": chunk.kind, "source": chunk.source,
            "heading": chunk.heading, "heading_path": json.dumps(chunk.heading_path, ensure_ascii=False),
            "role": chunk.role, "order": chunk.order,
            "placeholders": json.dumps(chunk.placeholders, ensure_ascii=False),
            "org": chunk.org or "", "shared": bool(chunk.shared)}
    if chunk.topic:
        meta["topic"] = chunk.topic
    return meta


def _chunk(chunk_id: str, text: str, meta: dict) -> Chunk:
    return Chunk(id=chunk_id, example_id=meta["example_id"], title=meta["title"], kind=meta["kind"],
                 topic=meta.get("topic"), source=meta["source"], heading=meta.get("heading", ""),
                 heading_path=json.loads(meta.get("heading_path") or "[]"), role=meta["role"],
                 order=int(meta.get("order", 0)), text=text,
                 placeholders=json.loads(meta.get("placeholders") or "[]"), org=meta.get("org") or "",
                 shared=bool(meta.get("shared", True)))


class ChunkStore:
    """Chunks with their vectors in a cosine-space Chroma collection, and the shared ones again in a second."""

    def __init__(self, settings: RetrievalSettings, embedder: Embedder) -> None:
        from retrieval.chroma_embedding import ChromaEmbeddingFunction  # chromadb: imported only when opened

        self.client = make_client(settings)
        self.name = collection_name(settings.collection, embedder.name)
        self.collection = self.client.get_or_create_collection(
            self.name, embedding_function=ChromaEmbeddingFunction(embedder),
            configuration={"hnsw": hnsw_configuration(settings)}, metadata={"embedder": embedder.name})
        self._set_search_breadth(settings.chroma_ef_search)
        self._report_build_settings(settings)
        self.shared = self.client.get_or_create_collection(  # the shared chunks again: searched with no filter
            collection_name(f"{settings.collection}-shared", embedder.name), embedding_function=ChromaEmbeddingFunction(embedder),
            configuration={"hnsw": hnsw_configuration(settings)}, metadata={"embedder": embedder.name, "mirror_of": self.name})
        try:
            self.batch = min(_DEFAULT_BATCH, int(self.client.get_max_batch_size()))
        except Exception:  # older servers do not report it
            self.batch = _DEFAULT_BATCH

    def hnsw(self) -> dict:
        """The collection's HNSW configuration as Chroma stores it (space, ef_search, ef_construction, …)."""
        return dict((self.collection.configuration_json or {}).get("hnsw") or {})

    def _set_search_breadth(self, ef_search: int) -> None:
        """An existing collection keeps the configuration it was created with: set its ef_search when it differs.
        Chroma reads ef_search when it loads the index, so it applies at once where the index is not loaded yet
        (this process's embedded store; a server started since), else from the server's next start."""
        if self.hnsw().get("ef_search") == ef_search:
            return
        for attempt in range(_LOCKED_RETRIES + 1):
            try:
                self.collection.modify(configuration={"hnsw": {"ef_search": ef_search}})
                return
            except Exception as error:  # e.g. a SPANN collection: searching still works with its own setting
                if "database is locked" in str(error) and attempt < _LOCKED_RETRIES:
                    time.sleep(0.1)  # another handle or process is writing Chroma's SQLite file: wait for it
                    continue
                log.warning("collection %s: ef_search not changed to %s: %s", self.name, ef_search, error)
                return

    def _report_build_settings(self, settings: RetrievalSettings) -> None:
        built = self.hnsw()
        differ = {k: built.get(k) for k in _BUILT_WITH if built.get(k) not in (None, getattr(settings, f"chroma_{k}"))}
        if differ:
            log.info("collection %s keeps the HNSW build settings it was created with (%s); a new collection "
                     "(another DRAFTER_COLLECTION, then drafter ingest) takes the configured ones", self.name, differ)

    def count(self) -> int:
        return self.collection.count()

    def set_visibility(self, visibility: dict[str, tuple[str, bool]]) -> None:
        """Set (org, shared) on these chunk ids' metadata (other metadata is kept), and keep the shared collection
        in step: chunks made private leave the shared collection before their metadata changes, chunks made shared join it
        after, so a failure half-way never shows a chunk wider than its metadata says."""
        ids = list(visibility)
        self.shared_delete([i for i in ids if not visibility[i][1]])
        for start in range(0, len(ids), self.batch):
            part = ids[start:start + self.batch]
            present = self.collection.get(ids=part, include=[])["ids"]
            if present:
                self.collection.update(ids=present, metadatas=[{"org": visibility[i][0], "shared": visibility[i][1]}
                                                                for i in present])
        self.copy_to_shared([i for i in ids if visibility[i][1]])

    def copy_to_shared(self, ids: list[str] | None = None) -> int:
        """Copy these chunks (default: every shared chunk) from the main collection into the shared one."""
        where = {"shared": True} if ids is None else None
        copied, start = 0, 0
        while ids is None or start < len(ids):
            got = (self.collection.get(where=where, limit=self.batch, offset=start, include=_COPIED) if ids is None
                   else self.collection.get(ids=ids[start:start + self.batch], include=_COPIED))
            start += self.batch
            if got["ids"]:
                self.shared.upsert(ids=got["ids"], embeddings=got["embeddings"], documents=got["documents"],
                                   metadatas=got["metadatas"])
                copied += len(got["ids"])
            elif ids is None:
                break
        return copied

    def shared_delete(self, ids: list[str]) -> None:
        for start in range(0, len(ids), self.batch):
            self.shared.delete(ids=ids[start:start + self.batch])

    def upsert(self, chunks: list[Chunk], embeddings: list[list[float]]) -> None:
        for start in range(0, len(chunks), self.batch):
            part = chunks[start:start + self.batch]
            vectors = embeddings[start:start + self.batch]
            self.collection.upsert(ids=[c.id for c in part], documents=[c.text for c in part],
                                   metadatas=[_metadata(c) for c in part], embeddings=vectors)
            shared = [n for n, c in enumerate(part) if c.shared]
            self.shared_delete([c.id for c in part if not c.shared])
            if shared:
                self.shared.upsert(ids=[part[n].id for n in shared], documents=[part[n].text for n in shared],
                                   metadatas=[_metadata(part[n]) for n in shared],
                                   embeddings=[vectors[n] for n in shared])

    def delete(self, ids: list[str]) -> None:
        for start in range(0, len(ids), self.batch):
            self.collection.delete(ids=ids[start:start + self.batch])
            self.shared.delete(ids=ids[start:start + self.batch])

    def existing_ids(self, ids: list[str]) -> set[str]:
        """Which of these ids the collection holds."""
        found: set[str] = set()
        for start in range(0, len(ids), self.batch):
            found.update(self.collection.get(ids=ids[start:start + self.batch], include=[])["ids"])
        return found

    def get(self, ids: list[str]) -> list[Chunk]:
        """Chunks by id, in the order given (missing ids are left out)."""
        found: dict[str, Chunk] = {}
        for start in range(0, len(ids), self.batch):
            got = self.collection.get(ids=ids[start:start + self.batch], include=["documents", "metadatas"])
            for cid, text, meta in zip(got["ids"], got["documents"], got["metadatas"]):
                found[cid] = _chunk(cid, text, meta)
        return [found[i] for i in ids if i in found]

    def query(self, embedding: list[float], n: int, where: dict | None = None,
              shared_only: bool = False) -> list[tuple[str, float]]:
        """Nearest chunks as (id, cosine similarity), best first; with `shared_only`, among the shared chunks (the
        shared collection: no visibility filter, whose cost in Chroma grows with the chunks it selects)."""
        collection = self.shared if shared_only else self.collection
        total = collection.count()
        if total == 0 or n <= 0:
            return []
        result = collection.query(query_embeddings=[embedding], n_results=min(n, total), where=where,
                                  include=["distances"])
        return [(cid, 1.0 - float(dist)) for cid, dist in zip(result["ids"][0], result["distances"][0])]
