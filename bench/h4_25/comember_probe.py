"""Probe (issue 20, session 25): co-membership from retrieval as a pair signal for grouping.

    DRAFTER_DATA_DIR=/tmp/h4-data PYTHONPATH=. python bench/h4_25/comember_probe.py extract   # -> /tmp/h4_probe.pkl
    PYTHONPATH=. python bench/h4_25/comember_probe.py auc                                    # per half

Two facts co-member when their k nearest sentences of the library (the summary and its copies held out, as
plan_bench does) stand in the same example section (`sec`), or in sections with the same normalised heading
(`head`). Printed per half: mean within-list AUC for "same author section" of each signal alone, and of the
planner's content affinity (grouping.affinity without the order term, with the votes) plus w × the signal
(standardised within the list). Half b is printed only as totals.
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CACHE = Path("/tmp/h4_probe.pkl")


def sentence_headings(examples) -> list[str]:
    """Each bank sentence's top-level heading, normalised (the same walk as SectionSentences)."""
    from retrieval.chunking import structure
    from retrieval.heading_bank import normalise
    from retrieval.section_sentences import _sentences
    heads = []
    for example in examples:
        for block in structure(example.text):
            if block.role != "body" or not block.path:
                continue
            heads += [normalise(block.path[0])] * len(_sentences(block.lines))
    return heads


def extract() -> None:
    from plan_bench import HeldOutLibrary, request
    from plan_set import build
    from drafter.pipeline import grouping
    from drafter.pipeline.plan import Planner
    from drafter.service import DrafterService
    from drafter.settings import Settings

    settings = Settings()
    library = DrafterService(settings).library
    bank = library.heading_bank()
    sentences = bank.sentences
    heads = sentence_headings(library.catalog.examples(with_text=True))
    assert len(heads) == len(sentences.texts), (len(heads), len(sentences.texts))
    rows = []
    for item in build(ROOT / "samples"):
        view = HeldOutLibrary(library, {item.example_id, *item.copies})
        planner = Planner(settings, view)
        req = request(item.facts, item.kind)
        themes = planner.themes = planner.book.for_request(req.kind, req.topic)
        planner._outside = planner.book.outside(req.kind, req.topic)
        vectors = planner._vectors(item.facts)
        prior = planner._prior(item.facts, vectors, themes)
        keys = [t.key if t else None for t in prior]
        kin = grouping.kinship(keys, [f.keys for f in planner.book.families])
        held = planner._bank()
        filed = grouping.votes(held, vectors, kin)
        near = grouping.affinity(vectors, keys, len(keys), kin, ordered=False, filed=filed)
        rows.append({"id": item.example_id, "truth": item.sections, "vectors": vectors, "near": near, "kin": kin,
                     "hidden": {item.example_id, *item.copies}, "keys": keys})
        print(item.example_id, len(item.facts), file=sys.stderr)
    data = {"rows": rows, "svec": sentences.vectors(), "sex": list(sentences.examples),
            "ssec": list(sentences.sections), "shead": heads}
    CACHE.write_bytes(pickle.dumps(data))


def auc(score: np.ndarray, truth: list[int]) -> float | None:
    n = len(truth)
    iu = np.triu_indices(n, 1)
    same = np.equal.outer(truth, truth)[iu]
    values = score[iu]
    pos, neg = values[same], values[~same]
    if len(pos) == 0 or len(neg) == 0:
        return None
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def z(matrix: np.ndarray) -> np.ndarray:
    off = matrix[~np.eye(len(matrix), dtype=bool)]
    return (matrix - off.mean()) / (off.std() or 1.0)


def comember(row, data, k: int, level: str, soft: bool = False) -> np.ndarray:
    """n×n: share of the two facts' k nearest sentence pairs that stand in one section (or one heading)."""
    keep = np.array([e not in row["hidden"] for e in data["sex"]])
    svec = data["svec"][keep]
    if level == "sec":
        labels = np.array([f"{e}#{s}" for e, s in zip(data["sex"], data["ssec"])])[keep]
    else:
        labels = np.array(data["shead"])[keep]
    sims = row["vectors"] @ svec.T
    top = np.argsort(-sims, axis=1)[:, :k]
    lab = labels[top]  # n×k
    weight = np.take_along_axis(sims, top, axis=1) if soft else np.ones_like(top, dtype=float)
    n = len(lab)
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            match = np.equal.outer(lab[i], lab[j])
            out[i, j] = (match * np.outer(weight[i], weight[j])).sum() / (np.outer(weight[i], weight[j]).sum())
    return out


def report() -> None:
    data = pickle.loads(CACHE.read_bytes())
    rows = sorted(data["rows"], key=lambda r: r["id"])
    halves = {"a": rows[0::2], "b": rows[1::2]}
    signals = [(k, level, soft) for level in ("sec", "head") for k in (1, 3, 5, 10, 20) for soft in (False,)]
    for half, items in halves.items():
        base = [auc(r["near"], r["truth"]) for r in items]
        print(half, "near (planner content affinity)", round(np.mean([b for b in base if b is not None]), 4))
        for k, level, soft in signals:
            alone, mixed = [], {w: [] for w in (0.25, 0.5, 1.0)}
            for r in items:
                sig = comember(r, data, k, level, soft)
                a = auc(sig, r["truth"])
                if a is None:
                    continue
                alone.append(a)
                for w in mixed:
                    zs = z(sig) * r["kin"]
                    mixed[w].append(auc(r["near"] + w * zs, r["truth"]))
            print(half, level, k, "alone", round(np.mean(alone), 4),
                  " ".join(f"+{w}:{np.mean(v):.4f}" for w, v in mixed.items()))



def section_share(row, data, top: int, tau: float) -> np.ndarray:
    """n×n: how alike two facts' distributions over the library's sections are (each section its sentences'
    centroid; a fact's distribution the softmax of its similarity to its `top` nearest sections, temperature tau)."""
    keep = [i for i, e in enumerate(data["sex"]) if e not in row["hidden"]]
    labels = [f"{data['sex'][i]}#{data['ssec'][i]}" for i in keep]
    names = list(dict.fromkeys(labels))
    index = {name: n for n, name in enumerate(names)}
    cent = np.zeros((len(names), data["svec"].shape[1]))
    for i, label in zip(keep, labels):
        cent[index[label]] += data["svec"][i]
    cent /= np.maximum(np.linalg.norm(cent, axis=1, keepdims=True), 1e-9)
    sims = row["vectors"] @ cent.T
    cut = np.sort(sims, axis=1)[:, -top][:, None]
    weights = np.where(sims >= cut, np.exp((sims - sims.max(axis=1, keepdims=True)) / tau), 0.0)
    dist = weights / weights.sum(axis=1, keepdims=True)
    return dist @ dist.T


def report_sections() -> None:
    data = pickle.loads(CACHE.read_bytes())
    rows = sorted(data["rows"], key=lambda r: r["id"])
    for half, items in {"a": rows[0::2], "b": rows[1::2]}.items():
        for top in (5, 20, 60):
            for tau in (0.01, 0.03, 0.1):
                alone, mixed = [], {w: [] for w in (0.25, 0.5, 1.0)}
                for r in items:
                    sig = section_share(r, data, top, tau)
                    a = auc(sig, r["truth"])
                    if a is None:
                        continue
                    alone.append(a)
                    for w in mixed:
                        mixed[w].append(auc(r["near"] + w * z(sig) * r["kin"], r["truth"]))
                print(half, "centroid", top, tau, "alone", round(np.mean(alone), 4),
                      " ".join(f"+{w}:{np.mean(v):.4f}" for w, v in mixed.items()))



def gated_votes(row, data, best: int | None) -> np.ndarray:
    """The examples' votes (grouping.votes, before standardising) where each fact is filed only by the `best`
    examples whose nearest sentence is nearest to it (None: by every example, as today); a pair's share is over the
    examples that file both."""
    sex, ssec = np.array(data["sex"]), np.array(data["ssec"])
    keep = np.array([e not in row["hidden"] for e in data["sex"]])
    sims = row["vectors"] @ data["svec"].T
    filed, closest = [], []
    for example in dict.fromkeys(sex[keep]):
        mine = sex == example
        if len(set(ssec[mine])) < 2:
            continue
        filed.append(ssec[mine][np.argmax(sims[:, mine], axis=1)])
        closest.append(sims[:, mine].max(axis=1))
    filed, closest = np.array(filed), np.array(closest)  # examples × facts
    if best is None:
        use = np.ones_like(closest, dtype=bool)
    else:
        rank = np.argsort(np.argsort(-closest, axis=0), axis=0)
        use = rank < best
    both = np.einsum("ei,ej->ij", use.astype(float), use.astype(float))
    same = ((filed[:, :, None] == filed[:, None, :]) & use[:, :, None] & use[:, None, :]).sum(axis=0)
    return np.where(both > 0, same / np.maximum(both, 1), 0.0)


def report_gated() -> None:
    from drafter.pipeline import grouping
    data = pickle.loads(CACHE.read_bytes())
    rows = sorted(data["rows"], key=lambda r: r["id"])
    for half, items in {"a": rows[0::2], "b": rows[1::2]}.items():
        for best in (None, 5, 10, 20, 40):
            alone, mixed = [], []
            for r in items:
                sig = gated_votes(r, data, best)
                a = auc(sig, r["truth"])
                if a is None:
                    continue
                alone.append(a)
                # the planner's near affinity with these votes in place of today's
                today = grouping.votes(type("B", (), {"sentences": _Held(data, r)})(), r["vectors"], r["kin"])
                base = r["near"] - (grouping.EXAMPLE_VOTES * today if today is not None else 0)
                mixed.append(auc(base + grouping.EXAMPLE_VOTES * z(sig) * r["kin"], r["truth"]))
            print(half, "gated", best, "alone", round(np.mean(alone), 4), "in affinity", round(np.mean(mixed), 4))


class _Held:
    """The library's sentences without one summary (for grouping.votes)."""
    def __init__(self, data, row):
        from retrieval.section_sentences import SectionSentences
        keep = [i for i, e in enumerate(data["sex"]) if e not in row["hidden"]]
        self.inner = SectionSentences([])
        self.inner.examples = [data["sex"][i] for i in keep]
        self.inner.sections = [data["ssec"][i] for i in keep]
        self.inner.texts = ["x"] * len(keep)
        self.inner._vectors = data["svec"][keep]
        self.inner.embedder = True

    def filing(self, facts):
        return self.inner.filing(facts)


if __name__ == "__main__":
    {"extract": extract, "auc": report, "sections": report_sections, "gated": report_gated}[sys.argv[1]]()
