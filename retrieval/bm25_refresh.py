"""Keeping a machine's BM25 cache at the shared catalog's version, and giving old Chroma chunks their visibility.

Every ingest, upload or removal (on any machine) moves the catalog's version and logs the example it changed,
numbered in commit order (Catalog.changes_since). A search compares its index's version with the catalog's (one
indexed lookup); when they differ, `catch_up` reads the changes after the index's change number and replaces
those examples in the index's delta (retrieval.bm25_delta) from the catalog's chunks and stored tokens: a few
milliseconds, on the writing machine and on every other one, before the search answers. A full rebuild (from
every chunk's stored tokens: no machine re-tokenises what another one ingested) happens before answering when
no saved index is usable, when the catalog is older than its change log, or when more examples changed than the
delta may hold (a bulk ingest: the rebuild is then cheaper than the delta); and in the background once the delta
passes its limit (the merge). After a full rebuild the change log is pruned to its newest `keep_changes` entries;
a machine whose cache is older than what was pruned rebuilds instead of catching up.
"""

from __future__ import annotations

from retrieval.bm25_delta import Delta, Entry, limit
from retrieval.ingest import passage_text

KEEP_CHANGES = 1000


def catch_up(library, index=None):
    """`index` (the library's by default) brought to the catalog's version through its delta; None when only a
    full rebuild can do it (no saved index, or one older than the change log)."""
    from retrieval.bm25 import BM25Index

    catalog, index = library.catalog, index or library.bm25
    version = catalog.version()  # read before the changes: a write landing meanwhile moves it again
    if index.version == version:
        return index
    saved = BM25Index(index.directory, index.tokenizer)  # another worker of this machine may have merged
    if saved.load() and saved.seq is not None and (index.main_seq is None or saved.seq > index.main_seq):
        index = saved
    if index.seq is None or not index._loaded or (index.main_count == 0 and index.delta is None):
        return None
    if index.catalog_id != catalog.identity():  # built from another catalog: its change numbers mean nothing here
        return None
    if index.seq < catalog.pruned_through():  # changes it would need are gone from the log: rebuild
        return None
    changes = catalog.changes_since(index.seq)
    if not changes and index.seq > catalog.last_change():  # a catalog replaced or older than its change log
        return None
    if not changes:
        return index.with_delta(index.delta or Delta(), version, index.seq)
    changed = list(dict.fromkeys(example_id for _, example_id in changes))
    if len(changed) > limit(index.main_count):  # a bulk ingest: every example adds a chunk at least
        return None
    examples: dict[str, list[Entry]] = {example_id: [] for example_id in changed}
    for entry in entries_of(library, changed):
        examples[entry.fields["example_id"]].append(entry)
    return index.with_delta((index.delta or Delta()).changed(examples), version, changes[-1][0])


def entries_of(library, example_ids: list[str]) -> list[Entry]:
    """These examples' current chunks with their tokens (tokenised and stored once if the catalog had none)."""
    rows = library.catalog.all_chunks_with_tokens_of(*example_ids)
    missing = {chunk.id: library.tokenizer.tokens(passage_text(chunk)) for chunk, tokens in rows if tokens is None}
    if missing:
        library.catalog.set_tokens(missing)
    fields = fields_of([chunk for chunk, _ in rows])
    return [Entry(chunk.id, tuple(tokens if tokens is not None else missing[chunk.id]),
                  {name: column[n] for name, column in fields.items()}) for n, (chunk, tokens) in enumerate(rows)]


def needs_merge(index) -> bool:
    """The delta is past its limit (or the index is too small to keep one): time for a full rebuild."""
    if index.delta is None:
        return False
    dead = 0 if index._live is None else int((~index._live).sum())
    return index.delta.size(dead) > limit(index.main_count)


def rebuild(library):
    """A new main index from every chunk in the catalog (and their stored tokens), saved on disk."""
    from retrieval.bm25 import BM25Index

    catalog, current = library.catalog, library.bm25
    version, seq = catalog.version(), catalog.last_change()  # read before the chunks
    rows = catalog.all_chunks_with_tokens()
    missing = {chunk.id: library.tokenizer.tokens(passage_text(chunk)) for chunk, tokens in rows if tokens is None}
    if missing:
        catalog.set_tokens(missing)
    chunks = [chunk for chunk, _ in rows]
    tokens = [tokens if tokens is not None else missing[chunk.id] for chunk, tokens in rows]
    index = BM25Index(current.directory, current.tokenizer)
    index.build([c.id for c in chunks], None, fields=fields_of(chunks), tokens=tokens, version=version, seq=seq,
                catalog_id=catalog.identity())
    catalog.prune_changes(keep_changes(index.main_count))
    return index


def keep_changes(main_count: int) -> int:
    """Changes the log keeps after a full rebuild: more than a machine may catch up on through its delta
    (limit(main_count) changed examples), and at least KEEP_CHANGES. A machine further behind rebuilds."""
    return max(KEEP_CHANGES, 2 * limit(main_count))


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
