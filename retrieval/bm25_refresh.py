"""Keeping a machine's BM25 cache at the shared catalog's version, and giving old Chroma chunks their visibility.

Every ingest, upload or removal (on any machine) moves the catalog's version. A search compares its BM25 cache's
version with the catalog's (one indexed lookup); when they differ it first loads the cache saved on disk (another
worker process of this machine may have rebuilt it), else rebuilds it from the catalog's chunks and their stored
tokens: no machine re-tokenises what another one ingested (chunks of a catalog older than stored tokens are
tokenised once, and their tokens stored).
"""

from __future__ import annotations

from retrieval.ingest import passage_text


def refresh(library) -> bool:
    """Bring `library.bm25` to the catalog's version; True when it was rebuilt. The new index is built beside
    the one searches are using and swapped in with one assignment, so a search never sees half of each."""
    from retrieval.bm25 import BM25Index

    catalog, current = library.catalog, library.bm25
    version = catalog.version()  # read before the chunks: a write landing meanwhile moves it again
    if current.version == version:
        return False
    bm25 = BM25Index(current.directory, current.tokenizer)
    if bm25.load() and bm25.version == version:
        library.bm25 = bm25
        return False
    rows = catalog.all_chunks_with_tokens()
    missing = {chunk.id: library.tokenizer.tokens(passage_text(chunk)) for chunk, tokens in rows if tokens is None}
    if missing:
        catalog.set_tokens(missing)
    chunks = [chunk for chunk, _ in rows]
    tokens = [tokens if tokens is not None else missing[chunk.id] for chunk, tokens in rows]
    bm25.build([c.id for c in chunks], None, fields=fields_of(chunks), tokens=tokens, version=version)
    library.bm25 = bm25
    return True


def fields_of(chunks) -> dict[str, list]:
    """The per-chunk columns BM25 masks filter on."""
    return {"kind": [c.kind for c in chunks], "role": [c.role for c in chunks],
            "example_id": [c.example_id for c in chunks], "org": [c.org or "" for c in chunks],
            "shared": [bool(c.shared) for c in chunks]}


def backfill_visibility(library) -> int:
    """Give every chunk in Chroma the org/shared metadata the visibility filter needs (a library older than
    organisations stored chunks without them: such chunks would match no `where`). Returns the chunks set."""
    visibility = {chunk.id: (chunk.org or "", bool(chunk.shared)) for chunk in library.catalog.all_chunks()}
    if visibility:
        library.store.set_visibility(visibility)
    return len(visibility)
