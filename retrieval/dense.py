"""The dense ranking of a search, with the visibility filter inside Chroma and an exact pass over own chunks.

Chroma's cost for a `where` filter grows with the chunks it selects (about 5 µs each: 110 ms for a lineage that
sees 7,000 shared chunks among 34,000), while an unfiltered HNSW query of the same collection takes 5 ms. So the
shared chunks (the shipped corpus, uploads marked shared) are kept a second time in a collection of their own
(ChunkStore.shared), which every organisation may see whole: a search filtered to a lineage asks it with no
visibility filter, asks the main collection only for the lineage's own chunks (`org` in the lineage, inside the
`where`), scored exactly when they are few (retrieval/exact_pass.py), and merges the two by cosine similarity.
Until the shared collection is complete (a library older than it is copied once, at its first search), the main
collection is asked with the whole visibility filter instead.
"""

from __future__ import annotations

from retrieval.exact_pass import merge, own_clause
from retrieval.store import where_clause


def dense_ranking(library, embedding: list[float], depth: int, kind, role, example_ids, orgs,
                  version) -> list[tuple[str, float]]:
    """The `depth` nearest chunks visible to the lineage `orgs` (None: every chunk), as (id, cosine), best first."""
    store, where = library.store, where_clause(kind, role, example_ids)
    if orgs is None:
        return store.query(embedding, depth, where)
    own_orgs = [o for o in orgs if o]
    if not library.shared_mirrored:
        found = store.query(embedding, depth, where_clause(kind, role, example_ids, orgs))
        return merge(found, _own(library, embedding, depth, where, own_orgs, version) or [], depth)
    found = store.query(embedding, depth, where, shared_only=True)
    if not own_orgs:
        return found
    own = _own(library, embedding, depth, where, own_orgs, version)
    if own is None:  # more own chunks than the exact pass takes: HNSW over them, still filtered inside Chroma
        own = store.query(embedding, depth, own_clause(own_orgs, where))
    return merge(found, own, depth)


def _own(library, embedding, depth, where, own_orgs, version) -> list[tuple[str, float]] | None:
    """The exact pass over the lineage's own chunks; None when it is off or they are too many."""
    if not own_orgs or library.exact.limit <= 0:
        return None
    return library.exact.nearest(embedding, depth, own_clause(own_orgs, where), version)
