"""Session 20 (h3): pair signals for "two facts share a section", within-list AUC on the structure set (mean over
its 40 lists; content signals do not depend on the order), and what each adds to the planner's own affinity
without the order term (leave-one-summary-out logistic regression on [own, signal], its AUC beside [own] alone).

    PYTHONPATH=. .venv/bin/python bench/probes_h3/signals.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROWS, auc, grouping, inputs  # noqa: E402

from drafter.numcheck.scanner import extract_numbers  # noqa: E402
from drafter.numcheck.units import group_of  # noqa: E402
from drafter.numcheck.words import words  # noqa: E402

ACTOR_END = re.compile(r"(职工|员工|女工|会员|青年|党员|干部|劳模|农民工|子女|家属|群众|学生|教师|工人|骨干|代表|母亲|女性|老人|困难户|家庭)$")
GENERIC_VERBS = {"开展", "组织", "举办", "进行", "参加", "举行", "完成", "加强", "推进", "做好", "落实", "发挥", "实现"}


def jaccard(sets):
    return np.array([[len(a & b) / len(a | b) if (a | b) else 0.0 for b in sets] for a in sets])


def shared(sets):
    return np.array([[1.0 if a & b else 0.0 for b in sets] for a in sets])


def profile_cos(profiles):
    keys = sorted({k for p in profiles for k in p})
    index = {k: i for i, k in enumerate(keys)}
    m = np.zeros((len(profiles), max(1, len(keys))))
    for i, p in enumerate(profiles):
        for k, w in p.items():
            m[i, index[k]] += w
    m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)
    return m @ m.T


def section_profiles(d, top: int, by_heading: bool, tau: float = 0.02):
    """Each fact's weights over the example sections (or their normalised headings) of its nearest sentences."""
    out = []
    for near in d["near"]:
        best = near[0][3]
        p: dict = {}
        for e, s, h, sim in near[:top]:
            key = h if by_heading else (e, s)
            if by_heading and not h:
                key = (e, s)
            p[key] = p.get(key, 0.0) + float(np.exp((sim - best) / tau))
        out.append(p)
    return out


def signals(d) -> dict[str, np.ndarray]:
    facts, vectors, keys = d["facts"], d["vectors"], d["keys"]
    n = len(facts)
    kin, filed, labelled, own, near = inputs(d)
    cen = grouping.centred(vectors)
    ws = [words(f) for f in facts]
    nouns = [{w for _, _, w, t in x if t.startswith(("n", "vn")) and len(w) >= 2} for x in ws]
    verbs = [{w for _, _, w, t in x if t.startswith("v") and len(w) >= 2 and w not in GENERIC_VERBS} for x in ws]
    actors = [{w for _, _, w, t in x if ACTOR_END.search(w) and w not in {"职工", "员工"}} for x in ws]
    units = [{group_of(m.unit) for m in extract_numbers(f) if getattr(m, "unit", None)} for f in facts]
    chars = ["".join(re.findall(r"[\u4e00-\u9fff]", f)) for f in facts]
    grams = [{c[i:i + 2] for i in range(len(c) - 1)} for c in chars]
    top1 = [(nr[0][0], nr[0][1]) for nr in d["near"]]
    top1h = [nr[0][2] or (nr[0][0], nr[0][1]) for nr in d["near"]]
    bank = [{t for _, t, _ in b[:3]} for b in d["bank_near"]]
    same = np.array([[0.0 if a is None or b is None else (1.0 if a == b else -1.0) for b in keys] for a in keys])
    return {
        "cos": vectors @ vectors.T, "centred": cen @ cen.T, "lexicon": same,
        "votes": filed if filed is not None else np.zeros((n, n)), "own_no_order": near,
        "own_with_votes": grouping.affinity(vectors, keys, n, kin, ordered=False, filed=filed),
        "sec_top1": np.array([[1.0 if a == b else 0.0 for b in top1] for a in top1]),
        "heading_top1": np.array([[1.0 if a == b else 0.0 for b in top1h] for a in top1h]),
        "sec_profile3": profile_cos(section_profiles(d, 3, False)),
        "sec_profile10": profile_cos(section_profiles(d, 10, False)),
        "heading_profile10": profile_cos(section_profiles(d, 10, True)),
        "bank_top3_shared": shared(bank),
        "units_jaccard": jaccard(units), "units_shared": shared(units),
        "actors_shared": shared(actors), "verbs_jaccard": jaccard(verbs), "nouns_jaccard": jaccard(nouns),
        "bigrams_jaccard": jaccard(grams),
    }


def fit(x, y, w, l2=1.0, steps=50):
    mean, std = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    beta = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ beta))
        grad = z.T @ (w * (p - y)) + l2 * np.r_[beta[:-1], 0]
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + l2 * np.diag(np.r_[np.ones(len(beta) - 1), 0])
        beta -= np.linalg.solve(hess, grad)
    return beta, mean, std


def main() -> None:
    per_list = []
    for row in ROWS:
        d = row["orders"]["order"]
        per_list.append((row, signals(d), d["truth"]))
    names = list(per_list[0][1])
    print("single-signal within-list AUC (mean over lists with both kinds of pair)")
    for name in names:
        values = [auc(s[name], t) for _, s, t in per_list]
        values = [v for v in values if v is not None]
        print(f"  {name:<18} {np.mean(values):.3f}")
    base = "own_with_votes"
    print(f"added to {base} (leave-one-summary-out logistic regression, within-list AUC):")
    for name in [None] + [n for n in names if n not in (base,)]:
        cols = [base] + ([name] if name else [])
        aucs = []
        data = []
        for row, s, t in per_list:
            iu = np.triu_indices(len(t), 1)
            x = np.stack([s[c][iu] for c in cols], axis=1)
            y = np.equal.outer(np.asarray(t), np.asarray(t))[iu].astype(float)
            data.append((row, x, y, s, t))
        for row, x, y, s, t in data:
            skip = {row["id"], *row["copies"]}
            train = [(xx, yy) for r, xx, yy, _, _ in data if r["id"] not in skip and not (r["copies"] & {row["id"]})]
            w = np.concatenate([np.full(len(yy), 1.0 / max(1, len(yy))) for _, yy in train]) * len(train)
            beta, mean, std = fit(np.vstack([xx for xx, _ in train]), np.concatenate([yy for _, yy in train]), w)
            score = np.zeros((len(t), len(t)))
            iu = np.triu_indices(len(t), 1)
            score[iu] = ((x - mean) / std) @ beta[:-1]
            score = score + score.T
            a = auc(score, t)
            if a is not None:
                aucs.append(a)
        print(f"  + {name or '(nothing)':<18} {np.mean(aucs):.3f}  weights {np.round(beta[:-1], 2).tolist()}")


if __name__ == "__main__":
    main()
