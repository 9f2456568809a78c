"""precision@k of the library on a labelled query set (tests/data/queries.json): relevance by a term rule."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

from retrieval.search import MODES

QUERY_KINDS = ("keyword", "paraphrase")


class QuerySet:
    def __init__(self, path: Path) -> None:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        self.topics: dict[str, list[str]] = data["topics"]
        self.min_mentions: int = data["min_mentions"]
        self.queries: list[dict] = data["queries"]
        self._patterns = {topic: re.compile("|".join(map(re.escape, sorted(terms, key=len, reverse=True))))
                          for topic, terms in self.topics.items()}

    def mentions(self, topic: str, text: str) -> int:
        return len(self._patterns[topic].findall(text))

    def is_relevant(self, topic: str, text: str) -> bool:
        return self.mentions(topic, text) >= self.min_mentions


def precision_table(library, queries: QuerySet, k: int = 5,
                    modes: tuple[str, ...] = MODES) -> dict[str, dict[str, float]]:
    """{mode: {query kind: mean precision@k}} over the query set."""
    table: dict[str, dict[str, float]] = {}
    for mode in modes:
        sums: dict[str, float] = defaultdict(float)
        counts: dict[str, int] = defaultdict(int)
        for item in queries.queries:
            hits = library.search(item["query"], k=k, mode=mode)
            relevant = sum(queries.is_relevant(item["topic"], hit.text) for hit in hits)
            sums[item["kind"]] += relevant / k
            counts[item["kind"]] += 1
        table[mode] = {kind: sums[kind] / counts[kind] for kind in QUERY_KINDS if counts[kind]}
    return table


def format_table(table: dict[str, dict[str, float]], k: int = 5) -> str:
    lines = [f"precision@{k}  " + "  ".join(f"{kind:>10}" for kind in QUERY_KINDS)]
    for mode, row in table.items():
        lines.append(f"{mode:<12}  " + "  ".join(f"{row.get(kind, 0.0):>10.3f}" for kind in QUERY_KINDS))
    return "\n".join(lines)
