"""A list that reads grouped is cut into runs of adjacent facts, at its biggest breaks in meaning.

A secretary who lists her facts area by area (as the summaries themselves do: every section a run) says by her order
where her areas are. Clustered by meaning, with her order only as one more lean (grouping.affinity), such a list has
facts filed with a like fact of another area; cut into runs it keeps her areas whole. `grouped` tells such a list:
its adjacent facts closer in meaning than its typical pair, as a z-score over its pairs, GROUPED or more (of the
structure set's lists, none shuffled passes, nor any of bench/plan_bench.py's 200 random lists, at most 2.84; in the
summaries' own order 24 of 40 pass, all of 11 facts or more). `cut` finds, by dynamic programming, the cut into the
planner's section count of runs that maximises the summed affinity of the fact pairs within each run; facts of areas
she labelled apart (grouping.labelled_apart) share no run unless alike by meaning. Facts the lexicon puts in
unrelated areas may share a run (her area holds them; run_stages.py keeps it whole under a heading that covers it,
or fitting.py moves a fact that fits it nowhere): with grouping.cluster's rule for them the cut took more runs, up
to the cap (10 runs of a summary's 5 sections). bench/plan_stages.py (clusters stage), the summaries in their order:
pairwise F1 0.553 -> 0.606 (session 18, with that rule), 0.646 -> 0.700 without it (session 19); shuffled and
random lists unchanged (none reads grouped).
"""

from __future__ import annotations

import math

import numpy as np

GROUPED = 3.0  # adjacent facts this many standard errors closer than the typical pair: her list reads grouped
SMALLEST = 6  # fewer facts never read as grouped (too few pairs to tell)
UNRELATED = 0.5  # at most this share of a run's fact pairs of unrelated areas


def grouped(vectors: np.ndarray | None) -> bool:
    """Whether the adjacent facts of her list are closer in meaning than its typical pair beyond chance (rows of
    `vectors` normalised; the caller centres them, see grouping.centred)."""
    if vectors is None or len(vectors) < SMALLEST:
        return False
    count = len(vectors)
    sims = vectors @ vectors.T
    off = sims[~np.eye(count, dtype=bool)]
    adjacent = float(np.mean(np.diagonal(sims, 1)))
    return (adjacent - float(off.mean())) / (float(off.std()) or 1.0) * math.sqrt(count - 1) >= GROUPED


def cut(scores: np.ndarray, parts: int, cap: int, apart: np.ndarray | None = None, near: np.ndarray | None = None,
        close: float = 0.0) -> list[list[int]]:
    """`parts` runs of adjacent facts (0-based indices) maximising the summed affinity of the fact pairs within each
    run. `apart`: 1 for the fact pairs of unrelated areas (she labelled them apart): no run holds such pairs more often
    than UNRELATED unless those pairs are on average at least `close` alike by `near` (grouping.cluster's rule
    for groups of unrelated areas); when no cut into `parts` runs keeps that, the fewest more runs that do, at most
    `cap` (the cap holds, whatever the areas)."""
    count = len(scores)
    parts = max(1, min(parts, count))
    within = _within(np.array(scores, dtype=np.float64))
    if apart is None:
        return _runs_of(within, count, parts)
    apart = np.array(apart, dtype=np.float64)
    pairs, unrelated = np.maximum(_within(np.ones((count, count))), 1.0), _within(apart)
    alike = False
    if near is not None:  # the mean affinity of the run's unrelated pairs
        alike = _within(np.array(near, dtype=np.float64) * apart) / np.maximum(unrelated, 1.0) >= close
    allowed = np.where((unrelated / pairs > UNRELATED) & ~alike, -np.inf, within)
    for more in range(parts, min(count, max(cap, parts)) + 1):
        found = _runs_of(allowed, count, more)
        if found:
            return found
    return _runs_of(within, count, parts)


def _within(pairs: np.ndarray) -> np.ndarray:
    """within[i, j]: the summed pair affinity of the run of facts i … j-1."""
    count = len(pairs)
    np.fill_diagonal(pairs, 0.0)
    total = np.zeros((count + 1, count + 1))
    total[1:, 1:] = np.cumsum(np.cumsum(pairs, axis=0), axis=1)
    within = np.zeros((count + 1, count + 1))
    for i in range(count):
        j = np.arange(i + 1, count + 1)
        within[i, j] = (total[j, j] - total[i, j] - total[j, i] + total[i, i]) / 2
    return within


def _runs_of(within: np.ndarray, count: int, parts: int) -> list[list[int]]:
    """The best cut into exactly `parts` runs ([] when every such cut holds a run not allowed, -inf)."""
    best = np.full((parts + 1, count + 1), -np.inf)
    best[0, 0] = 0.0
    back = np.zeros((parts + 1, count + 1), dtype=int)
    for part in range(1, parts + 1):
        for j in range(part, count + 1):
            options = best[part - 1, :j] + within[:j, j]
            back[part, j] = int(np.argmax(options))
            best[part, j] = options[back[part, j]]
    if best[parts, count] == -np.inf:
        return []
    runs, end = [], count
    for part in range(parts, 0, -1):
        start = back[part, end]
        runs.append(list(range(start, end)))
        end = start
    return runs[::-1]
