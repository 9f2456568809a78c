"""Under which areas the examples' authors file sentences like a fact (issue 20): two facts whose nearest example
sentences stand under headings of the same areas belong together, even when their own words name different areas
(a 非典 check and a 慰问 visit both sit under 维护权益 headings).

For each fact, the NEAREST sentences of the library's example sections (retrieval/section_sentences.py) give their
sections' headings; each heading is read as the lexicon areas its clauses name (themes.best_theme, the catch-all
left out; a heading of no area gives nothing). A fact's areas are the share of its neighbours' headings naming each;
two facts are alike by the cosine of their shares, standardised within the request (grouping.affinity adds it ×
grouping.FILED_AREAS). Chosen on half a of bench/plan_bench.py's structure set (bench/h4_25/README.md).
"""

from __future__ import annotations

import re

import numpy as np

from drafter.pipeline.themes import Theme, best_theme
from textkit.sentences import COMMAS, ENUM_COMMA, SEMICOLONS, char_class

NEAREST = 40  # example sentences read per fact
_CLAUSE = re.compile(char_class(COMMAS + SEMICOLONS + ENUM_COMMA))
_AREAS: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}  # (heading, theme keys) -> the areas it names


def heading_areas(heading: str, themes: list[Theme]) -> tuple[str, ...]:
    """The lexicon areas a heading's clauses name (each clause its best-matching theme), in the themes' order."""
    key = (heading, tuple(t.key for t in themes))
    if key not in _AREAS:
        named = {best_theme(clause, themes)[0] for clause in _CLAUSE.split(heading)}
        _AREAS[key] = tuple(t.key for t in themes if t in named)
    return _AREAS[key]


def shares(sentences, vectors: np.ndarray, themes: list[Theme]) -> np.ndarray | None:
    """Facts × themes: the share of each fact's nearest example sentences whose heading names each area (rows
    normalised to length 1; a row of zeros when none does). None without the examples' sentences or vectors."""
    headings = getattr(sentences, "headings", None)
    nearest = sentences.nearest(vectors, NEAREST) if headings else None
    if nearest is None or not themes:
        return None
    column = {t.key: n for n, t in enumerate(themes)}
    areas = [heading_areas(heading, themes) for heading in headings]
    counts = np.zeros((len(vectors), len(themes)))
    for fact, found in enumerate(nearest):
        for index in found:
            for area in areas[index]:
                counts[fact, column[area]] += 1.0 / len(areas[index])
    return counts / np.maximum(np.linalg.norm(counts, axis=1, keepdims=True), 1e-9)


def likeness(bank, vectors: np.ndarray | None, themes: list[Theme]) -> np.ndarray | None:
    """n×n: how alike two facts' filed areas are (cosine of their `shares`), as standard deviations from the
    request's typical pair; None without examples, vectors or spread."""
    sentences = getattr(bank, "sentences", None)
    if sentences is None or vectors is None or len(vectors) < 2:
        return None
    try:
        filed = shares(sentences, vectors, themes)
    except Exception:  # an aid: meaning, lexicon, order and the examples' votes still group the facts
        return None
    if filed is None:
        return None
    cosine = filed @ filed.T
    off = cosine[~np.eye(len(vectors), dtype=bool)]
    return None if off.std() == 0 else (cosine - off.mean()) / off.std()
