"""The example library: one object per process (built by the service), over Chroma, BM25 and the catalog.

Everything is opened once (Chroma and the embedding model at their first use). The catalog (SQLite under
data_dir, or PostgreSQL shared by every API machine) holds the library's version and a log of the examples each
write changed; the BM25 index is a local cache of the catalog's chunks and stored tokens: a main bm25s index plus
a delta of the examples changed since (retrieval.bm25_refresh). A search that finds the version moved (one
indexed lookup) first brings the delta up to date (milliseconds: an upload on any machine is found by keyword
search on every machine at once; a bulk ingest elsewhere makes it rebuild instead); the delta is merged into a
new main index in the background past 5 % of it.

Visibility by organisation: `search(..., orgs=lineage)` keeps only chunks that are shared or uploaded by one of
the lineage's organisations, inside the Chroma query (`where`) and in the BM25 mask, never after ranking.
"""

from __future__ import annotations

import threading
import time
from functools import cached_property
from pathlib import Path

from retrieval.config import RetrievalSettings, cache_dir
from retrieval.bm25 import BM25Index, ChineseTokenizer
from retrieval.catalog import Catalog, catalog_url
from retrieval.embedder import Embedder, make_embedder
from retrieval.dense import dense_ranking
from retrieval.exact_pass import EXACT_LIMIT, ExactPass
from retrieval.heading_bank import HeadingBank
from retrieval.models import Chunk, Example, Hit, IngestReport
from retrieval.search import MODES, FusionParams, diversify, rank
from retrieval.store import ChunkStore, collection_name

_VISIBILITY = "visibility"  # meta key: "1" once Chroma's metadata carries org/shared for every chunk
_MIRROR = "shared_mirror"  # meta key: "1" once the shared collection holds every shared chunk (retrieval/dense.py)


class Library:
    def __init__(self, settings: RetrievalSettings, embedder: Embedder | None = None,
                 fusion: FusionParams | None = None) -> None:
        self.settings = settings
        settings.ensure_dirs()
        self.embedder = embedder or make_embedder(settings)
        self.name = collection_name(settings.collection, self.embedder.name)
        self.catalog = Catalog(*catalog_url(settings.data_dir, self.name, getattr(settings, "database_url", None)))
        if not self.catalog.url.startswith("sqlite"):  # moving to a shared catalog: bring this machine's along
            from retrieval.catalog_import import import_local_catalog

            import_local_catalog(self.catalog, settings.data_dir / "catalog" / f"{self.name}.sqlite")
        if self.catalog.meta(_VISIBILITY) is None and self.catalog.chunk_count() == 0:
            self.catalog.set_meta(_VISIBILITY, "1")  # a new library: every chunk it gets carries org/shared
            self.catalog.set_meta(_MIRROR, "1")  # and every shared chunk goes into the shared collection too
        self.shared_mirrored = self.catalog.meta(_MIRROR) == "1"
        self.tokenizer = ChineseTokenizer(cache_dir(settings))
        self.bm25 = BM25Index(settings.data_dir / "bm25" / self.name, self.tokenizer)
        self.fusion = fusion or FusionParams()
        self._write_lock = threading.Lock()
        self._index_lock = threading.Lock()  # one refresh of `bm25` at a time; searches never wait on writes
        self._ready = False
        self._refreshing = threading.Event()
        self._bank: tuple[str, HeadingBank] | None = None
        self._bank_lock = threading.Lock()

    @cached_property
    def store(self) -> ChunkStore:
        """The Chroma collection, opened at first use: BM25-only searches never import chromadb."""
        return ChunkStore(self.settings, self.embedder)

    @cached_property
    def exact(self) -> ExactPass:
        """The exact pass over a lineage's own chunks (retrieval/exact_pass.py), merged with Chroma's HNSW answer."""
        return ExactPass(self.store.collection, getattr(self.settings, "exact_pass_chunks", EXACT_LIMIT))

    # --- ingestion -------------------------------------------------------------------
    def ingest(self, paths: list[Path], progress: bool = True) -> IngestReport:
        """Ingest files and directories (idempotent); files gone from a scanned directory lose their chunks."""
        from retrieval.ingest import Ingestor

        started = time.perf_counter()
        with self._write_lock:
            self.tokenizer.warm()  # the chunks' BM25 tokens are stored with them
            ingestor = Ingestor(self.catalog, self.store, self.embedder, self.tokenizer.tokens)
            report = ingestor.run([Path(p) for p in paths], progress)
            self._refresh_bm25(merge_now=True)  # the CLI exits after an ingest: no background merge
        self._embed_bank()
        report.elapsed_s = round(time.perf_counter() - started, 3)
        return report

    def _embed_bank(self) -> None:
        """The heading bank and the examples' section sentences embedded now (cached on disk by content), not at
        the first plan: the sentences of the shipped corpus take about a minute on a busy 2-core machine."""
        try:
            bank = self.heading_bank()
            bank.vectors()
            bank.sentences.vectors()
        except Exception:  # a cache only: the first plan embeds them
            pass

    def ensure_ingested(self, samples_dir: Path) -> None:
        """Ingest the shipped samples if the library is empty."""
        if self.count() == 0:
            self.ingest([samples_dir], progress=False)

    def add_files(self, files: list[tuple[str, bytes]], progress=None, org: str = "",
                  shared: bool = True) -> IngestReport:
        """Uploaded files of organisation `org` (shared with every organisation, or not): checked and parsed
        outside the write lock, then ingested with their bytes kept in the catalog. `progress(done, total)` is
        called as they go."""
        from retrieval.uploads import ingest_uploads, prepare_all

        started = time.perf_counter()
        prepared = prepare_all(self.settings, files, progress)
        self.tokenizer.warm()
        with self._write_lock:
            report, _ = ingest_uploads(self, prepared, progress, org=org, shared=shared)
            self._refresh_bm25()
        report.elapsed_s = round(time.perf_counter() - started, 3)
        return report

    def remove_orphan_uploads(self) -> list[str]:
        """Delete upload files no example refers to (left by a killed process); returns their names."""
        from retrieval.uploads import remove_orphans

        with self._write_lock:
            return remove_orphans(self)

    def remove_example(self, example_id: str) -> bool:
        """Remove an example's chunks (and its file, if it was uploaded). False if there is no such example."""
        with self._write_lock:
            entry = self.catalog.file_of_example(example_id)
            if entry is None:
                return False
            ids = self.catalog.chunk_ids_of(example_id)
            self.catalog.remove_file(entry.path)  # the catalog first: a chunk it does not list is never shown
            self.store.delete(ids)
            if entry.uploaded and not entry.path.startswith("upload:"):
                Path(entry.path).unlink(missing_ok=True)  # an upload of an earlier version, kept as a file
            self._refresh_bm25()
        return True

    def set_shared(self, example_id: str, shared: bool) -> bool:
        """Share an uploaded example with every organisation, or take that back, in place (no re-upload): the
        catalog (the record) and the BM25 caches, Chroma before it when unsharing and after it when sharing, so a
        failure half-way never shows the example wider than the record says. False if there is no such example."""
        with self._write_lock:
            example = self.catalog.example(example_id)
            if example is None:
                return False
            ids = self.catalog.chunk_ids_of(example_id)
            chroma = lambda: self.store.set_visibility({i: (example.org, shared) for i in ids})  # noqa: E731
            if not shared:
                chroma()
            if self.catalog.set_shared(example_id, shared) is None:
                return False
            if shared:
                chroma()
            self._refresh_bm25()
        return True

    def _refresh_bm25(self, merge_now: bool = False) -> None:
        """Bring the BM25 cache to the catalog's version through its delta, or by a full rebuild when that cannot
        be done (or at once when `merge_now` and the delta is past its limit; else that merge runs in the
        background)."""
        from retrieval.bm25_refresh import catch_up, needs_merge, rebuild

        with self._index_lock:
            index = catch_up(self)
            if index is None or (merge_now and needs_merge(index)):
                index = rebuild(self)
            self.bm25, self._ready = index, True
        if needs_merge(index):
            self._merge_in_background()

    # --- reading ---------------------------------------------------------------------
    def count(self) -> int:
        return self.catalog.chunk_count()

    def list_examples(self) -> list[Example]:
        return self.catalog.examples(with_text=False)

    def get_example(self, example_id: str) -> Example | None:
        return self.catalog.example(example_id)

    def example_chunks(self, example_id: str) -> list[Chunk]:
        return self.catalog.example_chunks(example_id)

    def heading_bank(self) -> HeadingBank:
        """Every section heading of the library (retrieval/heading_bank.py), rebuilt when the chunk set changed."""
        signature = self.catalog.signature()
        with self._bank_lock:
            if self._bank is None or self._bank[0] != signature:
                self._bank = (signature, HeadingBank(self.catalog.examples(with_text=True), self.embedder,
                                                        cache_dir(self.settings)))
            return self._bank[1]

    # --- search ----------------------------------------------------------------------
    def warm(self) -> None:
        """Load everything a search uses now instead of at the first search: the BM25 index, jieba's whole
        dictionary, the Chroma collection and the embedding model (a server's warm-up; the CLI skips it)."""
        self._load_index()
        self.tokenizer.warm()
        self.store.count()
        load = getattr(self.embedder, "load", None)
        if load is not None:
            load()

    def _load_index(self) -> None:
        """The BM25 cache at the catalog's version (a search's short query needs only part of jieba's dictionary,
        read on demand); Chroma's chunks carry org/shared (a library older than organisations gets them once)."""
        if self._ready and self.bm25.version == self.catalog.version():
            return
        if self._ready:
            self._refresh_bm25()
            return
        with self._write_lock:
            if self.catalog.meta(_VISIBILITY) != "1":
                from retrieval.bm25_refresh import backfill_visibility

                backfill_visibility(self)
                self.catalog.set_meta(_VISIBILITY, "1")
            if self.catalog.meta(_MIRROR) != "1":  # a library older than the shared collection: copied once
                self.store.copy_to_shared()
                self.catalog.set_meta(_MIRROR, "1")
            self.shared_mirrored = True
            self._refresh_bm25()

    def _merge_in_background(self) -> None:
        """One full rebuild at a time, outside every lock (uploads and searches go on with the delta); the new
        index catches up with what changed meanwhile before it is swapped in."""
        if self._refreshing.is_set():
            return
        self._refreshing.set()

        def run() -> None:
            from retrieval.bm25_refresh import catch_up, rebuild

            try:
                merged = rebuild(self)
                with self._index_lock:
                    self.bm25 = catch_up(self, merged) or merged
            finally:
                self._refreshing.clear()

        threading.Thread(target=run, name="bm25-merge", daemon=True).start()

    def search(self, query: str, k: int = 5, kind: str | None = None, role: str | None = None,
               mode: str = "hybrid", example_ids: list[str] | None = None,
               orgs: list[str] | None = None) -> list[Hit]:
        """The k best chunks for the query, at most `per_example` per example in the top k; with `orgs` (the
        lineage root … own organisation), only chunks visible to that organisation."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        query = (query or "").strip()
        if not query or k <= 0 or example_ids == []:
            return []
        self._load_index()
        bm25 = self.bm25  # one index for the whole search, even if a refresh swaps in another meanwhile
        depth = max(self.fusion.depth, k * 4)
        dense = self._dense(query, depth, kind, role, example_ids, orgs, bm25.version) if mode != "bm25" else []
        coverage = 1.0
        if mode == "hybrid":  # BM25 ranks the dense candidates, weighted by how well they cover the query
            candidates = bm25.mask_ids([i for i, _ in dense])
            lexical = bm25.search(query, len(dense), candidates)
            coverage = bm25.coverage(query, candidates)
        elif mode == "bm25":
            lexical = self._lexical(bm25, query, depth, kind, role, example_ids, orgs)
        else:
            lexical = []
        ranked = rank(mode, dense, lexical, self.fusion, coverage)
        records = self.catalog.chunks([i for i, _ in ranked])
        ranked = [(i, s) for i, s in ranked if i in records]
        top = diversify(ranked, lambda cid: records[cid].example_id, k, self.fusion.per_example)
        return [_hit(records[cid], score) for cid, score in top]

    def _dense(self, query: str, depth: int, kind, role, example_ids, orgs, version) -> list[tuple[str, float]]:
        return dense_ranking(self, self.embedder.embed_query(query), depth, kind, role, example_ids, orgs, version)

    @staticmethod
    def _lexical(bm25, query: str, depth: int, kind, role, example_ids, orgs) -> list[tuple[str, float]]:
        allowed = bm25.mask(kind=kind, role=role, example_id=example_ids)
        if orgs is not None:
            visible = bm25.visible(orgs)
            allowed = visible if allowed is None or visible is None else allowed & visible
        return bm25.search(query, depth, allowed)


def _hit(chunk: Chunk, score: float) -> Hit:
    return Hit(text=chunk.text, title=chunk.title, kind=chunk.kind, source=chunk.source, heading=chunk.heading,
               role=chunk.role, score=round(float(score), 6), chunk_id=chunk.id, example_id=chunk.example_id,
               order=chunk.order, placeholders=list(chunk.placeholders))
