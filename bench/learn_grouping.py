"""Experiment (issue 20): learn the pairwise "same section" score from the library's own summaries instead of the
hand-set weights of drafter/pipeline/grouping.py, and cluster on it.

    .venv/bin/python bench/learn_grouping.py extract        # features of every held-out summary -> /tmp cache
    .venv/bin/python bench/learn_grouping.py evaluate       # leave-one-out logistic regression + clustering, F1

Each summary of bench/plan_set.py's structure set is a training list: every pair of its facts is one example
(label: same top-level section). For each held-out summary the model is trained only on the OTHER summaries,
leaving out its near-copies too (as plan_bench's HeldOutLibrary does). The features of a summary are computed
with it (and its copies) held out of the library, as the planner would see it.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import random
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

CACHE = Path("/tmp/learn_grouping.pkl")


def extract() -> None:
    from plan_bench import HeldOutLibrary, request
    from plan_set import build

    from drafter.pipeline import grouping
    from drafter.pipeline.plan import Planner
    from drafter.service import DrafterService
    from drafter.settings import Settings

    settings = Settings()
    library = DrafterService(settings).library
    library.embedder.embed_query("预热")
    rows = []
    for item in build(ROOT / "samples"):
        view = HeldOutLibrary(library, {item.example_id, *item.copies})
        entry = {"id": item.example_id, "copies": set(item.copies), "kind": item.kind, "orders": {}}
        for mode in ("order", "shuffle"):
            order = list(range(len(item.facts)))
            if mode == "shuffle":
                random.Random(item.example_id).shuffle(order)
            facts = [item.facts[i] for i in order]
            planner = Planner(settings, view)
            req = request(facts, item.kind)
            themes = planner._themes = planner.book.for_request(req.kind, req.topic)
            planner._outside = planner.book.outside(req.kind, req.topic)
            vectors = planner._vectors(facts)
            prior = planner._prior(facts, vectors, themes)
            bank = planner._bank()
            keys = [t.key if t else None for t in prior]
            kin = grouping.kinship(keys, [f.keys for f in planner.book.families])
            filings = bank.sentences.filing(vectors)
            together = np.mean([np.equal.outer(f, f) for f in filings], axis=0)
            nearest = [bank.nearest(v, 3) for v in vectors]
            hand = grouping.affinity(vectors, keys, len(facts), kin, filed=grouping.votes(bank, vectors, kin))
            entry["orders"][mode] = {"facts": facts, "truth": [item.sections[i] for i in order], "vectors": vectors,
                                     "keys": keys, "kin": kin, "together": together, "hand": hand,
                                     "near": [[e.text for e, _ in n] for n in nearest],
                                     "near_ex": [[(e.example_id, e.position) for e, _ in n] for n in nearest]}
        rows.append(entry)
        print(item.example_id, len(item.facts), file=sys.stderr)
    CACHE.write_bytes(pickle.dumps(rows))


# --- features -------------------------------------------------------------------------------------------------

_HAN = re.compile(r"[\u4e00-\u9fff]")


def _bigrams(text: str) -> set[str]:
    chars = "".join(_HAN.findall(text))
    return {chars[i:i + 2] for i in range(len(chars) - 1)}


def _z(matrix: np.ndarray) -> np.ndarray:
    n = len(matrix)
    off = matrix[~np.eye(n, dtype=bool)]
    return (matrix - off.mean()) / (off.std() or 1.0)


def _windows(matrix: np.ndarray, width: int) -> np.ndarray:
    """For each place between two adjacent facts: mean of `matrix` between the `width` facts before and after it,
    standardised over the list's places."""
    n = len(matrix)
    values = np.array([matrix[max(0, b - width):b, b:b + width].mean() for b in range(1, n)])
    return (values - values.mean()) / (values.std() or 1.0) if n > 2 else values


def _gaps(places: np.ndarray) -> np.ndarray:
    """n×n: the lowest of `places` between two facts of her list (a section boundary lies at the lowest)."""
    n = len(places) + 1
    gap = np.zeros((n, n))
    for i in range(n):
        running = np.inf
        for j in range(i + 1, n):
            running = min(running, places[j - 1])
            gap[i, j] = gap[j, i] = running
    return gap


def features(data: dict, families=None) -> tuple[np.ndarray, list[str]]:
    """n×n×F pair features."""
    vectors, keys, n = data["vectors"], data["keys"], len(data["facts"])
    sims = vectors @ vectors.T
    zs = _z(sims)
    ranks = np.argsort(np.argsort(-(sims - 2 * np.eye(n)), axis=1), axis=1)  # 0: nearest other
    mutual = np.minimum(ranks, ranks.T) / max(1, n - 1)
    same = np.array([[1.0 if a and b and a == b else 0.0 for b in keys] for a in keys])
    unknown = np.array([[1.0 if a is None or b is None else 0.0 for b in keys] for a in keys])
    family = data["kin"] * (1 - same) * (1 - unknown)
    together = data["together"]
    tz = _z(together)
    grams = [_bigrams(f) for f in data["facts"]]
    jac = np.array([[len(a & b) / max(1, len(a | b)) for b in grams] for a in grams])
    near = [set(t[:3]) for t in data["near"]]
    near_same = np.array([[1.0 if a & b else 0.0 for b in near] for a in near])
    pos = np.array([np.mean([p for _, p in ex]) if ex else 0.5 for ex in data["near_ex"]])
    posdiff = np.abs(np.subtract.outer(pos, pos))
    index = np.arange(n)
    dist = np.abs(np.subtract.outer(index, index))
    orderly = float(np.clip((np.mean(np.diagonal(zs, 1)) - 0.2) / 0.4, 0, 1)) if n >= 4 else 0.0
    # along her list: the least similar adjacent pair between the two facts (a section boundary lies there)
    gap = _gaps(np.diagonal(zs, 1))
    gap2 = _gaps(_windows(sims, 2))
    tgap = _gaps(_windows(together, 2))
    columns = {"cos": sims, "zcos": zs, "mutual": mutual, "same": same, "unknown": unknown, "family": family,
               "together": together, "ztogether": tz, "jaccard": jac, "near_same": near_same, "posdiff": posdiff,
               "o_adjacent": orderly * (dist == 1), "o_logdist": orderly * np.log(np.maximum(dist, 1)),
               "o_gap": orderly * gap, "o_gap2": orderly * gap2, "o_tgap": orderly * tgap, "orderly": np.full((n, n), orderly)}
    return np.stack(list(columns.values()), axis=-1), list(columns)


def pairs(data: dict) -> tuple[np.ndarray, np.ndarray]:
    x, _ = features(data)
    truth = np.asarray(data["truth"])
    iu = np.triu_indices(len(truth), 1)
    return x[iu], (truth[:, None] == truth[None, :])[iu].astype(float)


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1.0, steps: int = 60) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weighted logistic regression by Newton's method; returns (weights incl. bias, mean, std)."""
    mean, std = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ beta))
        grad = z.T @ (w * (p - y)) + l2 * np.r_[beta[:-1], 0]
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + l2 * np.diag(np.r_[np.ones(len(beta) - 1), 0])
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta, mean, std


def logits(model, data: dict) -> np.ndarray:
    beta, mean, std = model
    x, _ = features(data)
    return ((x - mean) / std) @ beta[:-1] + beta[-1]


# --- clustering -----------------------------------------------------------------------------------------------

def average_link(score: np.ndarray, stop: float = 0.0, per: int = 10**9) -> list[int]:
    """Merge the two clusters of highest mean logit while it is above `stop`."""
    n = len(score)
    members = [[i] for i in range(n)]
    sums = score.astype(float).copy()
    sizes = np.ones(n)
    alive = np.ones(n, dtype=bool)
    while alive.sum() > 1:
        means = sums / np.outer(sizes, sizes)
        ok = np.outer(alive, alive) & ~np.eye(n, dtype=bool) & (np.add.outer(sizes, sizes) <= per)
        means[~ok] = -np.inf
        a, b = np.unravel_index(int(np.argmax(means)), means.shape)
        if means[a, b] <= stop:
            break
        members[a] += members[b]
        sums[a, :] += sums[b, :]
        sums[:, a] += sums[:, b]
        sizes[a] += sizes[b]
        alive[b] = False
    label = [0] * n
    for k, i in enumerate(np.flatnonzero(alive)):
        for m in members[i]:
            label[m] = k
    return label


def runs(score: np.ndarray, cost: float = 0.0) -> list[int]:
    """Contiguous runs of her list maximising the summed logit of pairs within a run (exact, by DP)."""
    n = len(score)
    within = np.zeros((n + 1, n + 1))  # within[i, j]: summed score of pairs in facts i..j-1
    for i in range(n):
        for j in range(i + 2, n + 1):
            within[i, j] = within[i, j - 1] + score[i:j - 1, j - 1].sum()
    best = np.full(n + 1, -np.inf)
    best[0], back = 0.0, [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(j):
            value = best[i] + within[i, j] - cost
            if value > best[j]:
                best[j], back[j] = value, i
    label, j, k = [0] * n, n, 0
    while j > 0:
        for m in range(back[j], j):
            label[m] = k
        j, k = back[j], k + 1
    return [k - 1 - x for x in label]


def evaluate(args) -> None:
    from plan_bench import pairwise_f1

    rows = pickle.loads(CACHE.read_bytes())
    for mode in ("order", "shuffle"):
        cached = [pairs(r["orders"][mode]) for r in rows]
        results = {"avg": [], "runs": [], "best": []}
        for k, row in enumerate(rows):
            skip = {row["id"], *row["copies"]}
            train = [c for c, r in zip(cached, rows) if r["id"] not in skip and not (r["copies"] & {row["id"]})]
            x = np.vstack([c[0] for c in train])
            y = np.concatenate([c[1] for c in train])
            w = np.concatenate([np.full(len(c[1]), 1.0 / len(c[1])) for c in train]) * len(train)
            model = fit(x, y, w, args.l2)
            data = row["orders"][mode]
            score = logits(model, data) + args.bias
            np.fill_diagonal(score, 0)
            truth = data["truth"]
            a = average_link(score)
            results["avg"].append(pairwise_f1(truth, a))
            r = runs(score)
            results["runs"].append(pairwise_f1(truth, r))
            orderly = features(data)[0][0, 0, -1]
            results["best"].append(pairwise_f1(truth, r if orderly > 0.5 else a))
            if args.verbose and mode == "order" and k == 0:
                names = features(data)[1]
                print({n: round(float(b), 2) for n, b in zip(names, model[0])})
        hand = [pairwise_f1(r["orders"][mode]["truth"], average_link(r["orders"][mode]["hand"], 0.0)) for r in rows]
        print(mode, {k: round(float(np.mean(v)), 3) for k, v in results.items()}, "hand>0 avg-link", round(float(np.mean(hand)), 3))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("step", choices=("extract", "evaluate", "bench"))
    parser.add_argument("--shuffle", action="store_true")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--bias", type=float, default=0.0)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    {"extract": lambda _: extract(), "evaluate": evaluate, "bench": bench}[args.step](args)



def bench(args) -> None:
    """plan_bench end to end, the planner grouping on the leave-one-out learned scores (features as extracted)."""
    import plan_bench

    from drafter.pipeline import grouping
    from drafter.pipeline.plan import Planner

    rows = pickle.loads(CACHE.read_bytes())
    mode = "shuffle" if args.shuffle else "order"
    cached = [pairs(r["orders"][mode]) for r in rows]
    learned = {}
    for row in rows:
        skip = {row["id"], *row["copies"]}
        train = [c for c, r in zip(cached, rows) if r["id"] not in skip and not (r["copies"] & {row["id"]})]
        w = np.concatenate([np.full(len(c[1]), 1.0 / len(c[1])) for c in train]) * len(train)
        model = fit(np.vstack([c[0] for c in train]), np.concatenate([c[1] for c in train]), w, args.l2)
        data = row["orders"][mode]
        score = logits(model, data) + args.bias
        np.fill_diagonal(score, 0)
        learned[tuple(data["facts"])] = score
    original = Planner._groups

    def groups(self, facts, vectors, prior, themes, bank):
        score = learned.get(tuple(facts))
        if score is None:
            return original(self, facts, vectors, prior, themes, bank)
        labels = average_link(score, 0.0, per=max(1, self.settings.max_facts_per_section) * 2)
        clusters = [[i for i, x in enumerate(labels) if x == k] for k in sorted(set(labels), key=labels.index)]
        self._scores, self._placed = score, prior
        made = [self._group(lines, facts, vectors, prior, themes, bank) for lines in clusters]
        made.sort(key=lambda g: (g.position, g.lines[0]))
        return made

    Planner._groups = groups
    sys.argv = [sys.argv[0], "--random", "0", "--json"] + (["--shuffle"] if args.shuffle else [])
    plan_bench.main()


if __name__ == "__main__":
    main()
