"""Session 20 (h3): a metric learned from the library's own sections. The examples' section sentences, each labelled
by its (example, section), give within-section scatter Sw and between-section scatter Sb; facts are mapped by
LDA (the top directions of (Sw + lam I)^-1 Sb) or by within-section whitening ((Sw + lam I)^-1/2), and two facts'
cosine there is the pair signal. For each summary of the structure set the metric is learned without it and its
near-copies. Within-list AUC for "same section".

    PYTHONPATH=. .venv/bin/python bench/probes_h3/metric.py
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROWS, auc, grouping  # noqa: E402

S = pickle.loads(Path("/tmp/h3_sentences.pkl").read_bytes())


def scatter(keep):
    x = S["vectors"][keep]
    labels = [(S["examples"][i], S["sections"][i]) for i in np.flatnonzero(keep)]
    classes = {}
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
    return sw / len(x), sb / len(x)


def whitening(sw, lam):
    vals, vecs = np.linalg.eigh(sw + lam * np.eye(len(sw)))
    return vecs @ np.diag(vals ** -0.5) @ vecs.T


def lda(sw, sb, lam, dims):
    w = whitening(sw, lam)
    vals, vecs = np.linalg.eigh(w @ sb @ w)
    return w @ vecs[:, ::-1][:, :dims]


def cos(x):
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    return x @ x.T


def main() -> None:
    examples = np.asarray(S["examples"])
    results = {}
    for row in ROWS:
        keep = ~np.isin(examples, list({row["id"], *row["copies"]}))
        sw, sb = scatter(keep)
        d = row["orders"]["order"]
        v, t = d["vectors"], d["truth"]
        centred = v - v.mean(0)
        variants = {"cos": cos(v), "centred": cos(centred)}
        for lam in (0.0005, 0.002, 0.01):
            w = whitening(sw, lam)
            variants[f"white{lam}"] = cos(centred @ w)
            for dims in (16, 32, 64):
                variants[f"lda{lam}_{dims}"] = cos(centred @ lda(sw, sb, lam, dims))
        for name, m in variants.items():
            a = auc(m, t)
            if a is not None:
                results.setdefault(name, []).append(a)
    for name, values in results.items():
        print(f"{name:<16} {np.mean(values):.3f}")


if __name__ == "__main__":
    main()
