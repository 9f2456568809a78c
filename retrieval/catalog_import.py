"""Moving a machine's local catalog into a shared (PostgreSQL) one, once.

Before issue 22 the catalog was always a SQLite file under data_dir and uploads were files under
data_dir/uploads. When a machine that has such a catalog is pointed at PostgreSQL and the shared catalog is
still empty, its rows are copied over (uploaded files' bytes read into `blob`), so uploads made before the move
stay searchable: Chroma already holds their vectors, nothing is embedded again.
"""

from __future__ import annotations

from pathlib import Path

from retrieval.catalog import Catalog
from retrieval.models import Example


def import_local_catalog(shared: Catalog, local_file: Path) -> int:
    """Copy every file of the local SQLite catalog into the (empty) shared one; returns the files copied."""
    if not local_file.is_file() or shared.chunk_count() > 0:
        return 0
    local = Catalog(f"sqlite:///{local_file}")
    copied = 0
    try:
        examples = {e.id: e for e in local.examples(with_text=True)}
        for entry in local.files():
            example: Example | None = examples.get(entry.example_id)
            if example is None:
                continue
            blob = local.blob(entry.example_id)
            if blob is None and entry.uploaded and Path(entry.path).is_file():
                blob = Path(entry.path).read_bytes()
            rows = local.all_chunks_with_tokens_of(entry.example_id)
            tokens = [t for _, t in rows] if all(t is not None for _, t in rows) else None
            shared.put_file(entry, example, [c for c, _ in rows], tokens=tokens, blob=blob)
            copied += 1
    finally:
        local.close()
    return copied
