"""Grid over the fusion parameters on the labelled query set; prints hybrid precision@5 per query kind.

Usage: .venv/bin/python bench/retrieval_tune.py [DATA_DIR]   (default: a temporary dir; samples/ are ingested)
The shipped defaults (retrieval.search.FusionParams: equal weights, constant 60, 20 dense candidates) were
picked from this grid as standard RRF on a plateau where hybrid is at least as good as BM25 and dense on both
kinds. They are tuned on the same 48 queries they are measured on, so treat the margins as optimistic.
"""

from __future__ import annotations

import functools
import itertools
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.settings import Settings  # noqa: E402
from retrieval.evaluation import QuerySet, format_table, precision_table  # noqa: E402
from retrieval.library import Library  # noqa: E402


GRID_DENSE, GRID_C, GRID_DEPTH = (0.75, 1.0, 1.25, 1.5, 2.0), (10, 30, 60, 100), (10, 15, 20, 30, 40, 50)


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="drafter-tune-"))
    library = Library(Settings(data_dir=data_dir, _env_file=None))
    library.ensure_ingested(library.settings.samples_dir)
    library.embedder.embed_query = functools.lru_cache(maxsize=None)(library.embedder.embed_query)
    queries = QuerySet(ROOT / "tests" / "data" / "queries.json")
    base = library.fusion
    print(format_table(precision_table(library, queries)))
    print("\ndense_w  bm25_w  c     depth  per_ex   keyword  paraphrase   (hybrid; depth = dense candidates)")
    for dense_w, c, depth, per_example in itertools.product(GRID_DENSE, GRID_C, GRID_DEPTH, (2,)):
        library.fusion = replace(base, dense_weight=dense_w, rank_constant=c, depth=depth, per_example=per_example)
        row = precision_table(library, queries, modes=("hybrid",))["hybrid"]
        print(f"{dense_w:<7}  {1.0:<6}  {c:<4}  {depth:<5}  {per_example:<6}  {row['keyword']:>8.3f}  {row['paraphrase']:>10.3f}")


if __name__ == "__main__":
    main()
