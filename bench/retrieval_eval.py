"""precision@5 of BM25, dense and hybrid retrieval on the labelled query set, per query kind.

Usage: .venv/bin/python bench/retrieval_eval.py [DATA_DIR]
(default: a temporary data dir; the shipped samples/ are ingested first). The labelling rule and the queries are
in tests/data/queries.json; tests/test_retrieval_eval.py asserts the same comparisons.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.settings import Settings  # noqa: E402
from retrieval.evaluation import QuerySet, format_table, precision_table  # noqa: E402
from retrieval.library import Library  # noqa: E402


def main() -> None:
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="drafter-eval-"))
    library = Library(Settings(data_dir=data_dir, _env_file=None))
    library.ensure_ingested(library.settings.samples_dir)
    queries = QuerySet(ROOT / "tests" / "data" / "queries.json")
    kinds = {kind: sum(q["kind"] == kind for q in queries.queries) for kind in ("keyword", "paraphrase")}
    print(f"{library.count()} chunks of {len(library.list_examples())} examples; queries: {kinds}")
    print(format_table(precision_table(library, queries)))


if __name__ == "__main__":
    main()
