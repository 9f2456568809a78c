"""Shared by the session 20 (h3) probes: the extracted structure set (extract.py) and the planner's clustering
redone on it, with its section count and affinity open to change."""

from __future__ import annotations

import itertools
import math
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from drafter.pipeline import grouping, runs  # noqa: E402

ROWS = pickle.loads(Path("/tmp/h3_extract.pkl").read_bytes())


class FakeSentences:
    def __init__(self, filings):
        self._filings = filings

    def filing(self, vectors):
        return self._filings


class FakeBank:
    def __init__(self, d):
        self.sentences = FakeSentences(d["filings"])
        self.shapes = {k: type("S", (), {"sections": v})() for k, v in d["shapes"].items()}


def pairwise_f1(truth, predicted) -> float:
    pairs = list(itertools.combinations(range(len(truth)), 2))
    same_t = {p for p in pairs if truth[p[0]] == truth[p[1]]}
    same_p = {p for p in pairs if predicted[p[0]] == predicted[p[1]]}
    if not same_t and not same_p:
        return 1.0
    both = len(same_t & same_p)
    if both == 0:
        return 0.0
    p, r = both / len(same_p), both / len(same_t)
    return 2 * p * r / (p + r)


def labels_of(groups, n) -> list[int]:
    out = [-1] * n
    for k, g in enumerate(groups):
        for i in g:
            out[i] = k
    return out


def order_term(vectors, n):
    """The affinity's order term alone (grouping.affinity, ordered minus unordered)."""
    grouped = (grouping.orderliness(vectors) - grouping.UNORDERED) / (grouping.ORDERED - grouping.UNORDERED)
    weight = grouping.NEIGHBOUR * min(1.0, max(0.0, grouped))
    index = np.arange(n)
    kernel = np.exp(-(np.abs(np.subtract.outer(index, index)) - 1) / grouping.REACH)
    np.fill_diagonal(kernel, 0.0)
    return weight * kernel


def inputs(d, meaning=None):
    """kin, filed (votes), the planner's affinity and its no-order affinity, as grouping.clusters makes them;
    `meaning`: other vectors for the meaning term (the order term and votes still read the facts' own)."""
    vectors, keys = d["vectors"], d["keys"]
    n = len(keys)
    kin = grouping.kinship(keys, d["families"])
    filed = grouping.votes(FakeBank(d), vectors, kin)
    labelled = grouping.labelled_apart(d["labels"], kin)
    m = vectors if meaning is None else meaning
    near = grouping.affinity(m, keys, n, kin, ordered=False)
    scores = grouping.affinity(m, keys, n, kin, ordered=False, filed=filed) + order_term(vectors, n)
    return kin, filed, labelled, scores, near


def planner_clusters(d, target=None, scores=None, extra=None, runs_too=True, meaning=None, centre_runs=True):
    """grouping.clusters on the extracted data; `target` overrides the section count, `scores` the affinity,
    `extra` (n×n) is added to every affinity used."""
    vectors, keys = d["vectors"], d["keys"]
    n = len(keys)
    kin, filed, labelled, own, near = inputs(d, meaning)
    scores = own if scores is None else scores
    add = 0 if extra is None else extra
    cap, per = d["cap"], d["per"]
    if target is None:
        target = grouping.section_count(n, d["typical"], cap, per)
    if runs_too and grouping.reads_grouped(vectors, n):
        m = vectors if meaning is None else meaning
        c = centre_runs and meaning is None
        content = grouping.affinity(m, keys, n, kin, ordered=False, filed=filed, centre=c) + add
        cnear = grouping.affinity(m, keys, n, kin, ordered=False, centre=c) + add
        return runs.cut(content, target, cap, apart=labelled, near=cnear, close=grouping.CLOSE)
    fewest = math.ceil(n / grouping.FACTS_PER_AREA)
    largest = max(int(grouping.LARGEST * per), math.ceil(n / cap))
    limits = (fewest, grouping.ALIKE, grouping.APART, cap, kin, near + add, labelled)
    made = grouping.cluster(scores + add, target, largest, *limits)
    while len(made) > cap:
        largest = math.ceil(largest * 1.25)
        made = grouping.cluster(scores + add, target, largest, *limits)
    return made


def auc(score: np.ndarray, truth) -> float | None:
    """Within-list AUC of a pair score for "same section"."""
    t = np.asarray(truth)
    iu = np.triu_indices(len(t), 1)
    same = np.equal.outer(t, t)[iu]
    s = score[iu]
    pos, neg = s[same], s[~same]
    if len(pos) == 0 or len(neg) == 0:
        return None
    order = np.argsort(np.concatenate([pos, neg]), kind="mergesort")
    ranks = np.empty(len(order))
    allv = np.concatenate([pos, neg])
    # average ranks for ties
    sorted_v = allv[order]
    r = np.arange(1, len(allv) + 1, dtype=float)
    i = 0
    while i < len(sorted_v):
        j = i
        while j + 1 < len(sorted_v) and sorted_v[j + 1] == sorted_v[i]:
            j += 1
        r[i:j + 1] = (i + j + 2) / 2
        i = j + 1
    ranks[order] = r
    return float((ranks[:len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))
