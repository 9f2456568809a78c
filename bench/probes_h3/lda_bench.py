"""Session 20 (h3): bench/plan_bench.py end to end with the meaning term of the clustering's affinity read in a
metric learned from the library's own sections (LDA over the examples' section sentences, bench/probes_h3/metric.py:
within-list AUC of the planner's affinity without order 0.729 -> 0.760). The held-out summary's sentences are not
in the bank plan_bench gives the planner, so not in the metric. H3_RUNS=1: the runs of a grouped list too. Its
plan times are not the planner's: the metric is learned again for each held-out summary (once per library in use).

    PYTHONPATH=. .venv/bin/python bench/probes_h3/lda_bench.py [--shuffle] --random 0 --json
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import plan_bench  # noqa: E402

from drafter.pipeline import grouping  # noqa: E402

LAM, DIMS = float(os.environ.get("H3_LAM", "0.001")), int(os.environ.get("H3_DIMS", "16"))
RUNS_TOO = os.environ.get("H3_RUNS") == "1"
_cache: dict = {}


def projection(sentences):
    key = tuple(sentences.examples)
    if key not in _cache:
        x = sentences.vectors()
        labels = list(zip(sentences.examples, sentences.sections))
        classes: dict = {}
        for row, label in enumerate(labels):
            classes.setdefault(label, []).append(row)
        mean = x.mean(0)
        sw = np.zeros((x.shape[1], x.shape[1]))
        sb = np.zeros_like(sw)
        for rows in classes.values():
            c = x[rows]
            m = c.mean(0)
            sw += (c - m).T @ (c - m)
            sb += len(rows) * np.outer(m - mean, m - mean)
        sw, sb = sw / len(x), sb / len(x)
        vals, vecs = np.linalg.eigh(sw + LAM * np.eye(len(sw)))
        white = vecs @ np.diag(vals ** -0.5) @ vecs.T
        vals, vecs = np.linalg.eigh(white @ sb @ white)
        _cache[key] = white @ vecs[:, ::-1][:, :DIMS]
    return _cache[key]


original_affinity, original_clusters = grouping.affinity, grouping.clusters
state: dict = {}


def affinity(vectors, themes, count, kin=None, ordered=True, filed=None, centre=False):
    meaning = state.get("meaning")
    if meaning is None or vectors is not state.get("vectors") or (centre and not RUNS_TOO):
        return original_affinity(vectors, themes, count, kin, ordered, filed, centre)
    scores = original_affinity(meaning, themes, count, kin, False, filed, False)
    if ordered:
        scores = scores + original_affinity(vectors, themes, count, kin, True) - original_affinity(
            vectors, themes, count, kin, False)
    return scores


def clusters(vectors, keys, families, bank, labels, cap, per):
    sentences = getattr(bank, "sentences", None)
    if vectors is not None and sentences is not None and len(vectors) > 1:
        projected = (vectors - vectors.mean(0)) @ projection(sentences)
        state.update(vectors=vectors, meaning=projected / np.maximum(np.linalg.norm(projected, axis=1, keepdims=True), 1e-9))
    try:
        return original_clusters(vectors, keys, families, bank, labels, cap, per)
    finally:
        state.clear()


grouping.affinity, grouping.clusters = affinity, clusters
plan_bench.main()
