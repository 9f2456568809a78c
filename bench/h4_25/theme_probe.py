"""Probe: the areas the examples file a fact's nearest sentences under (their section headings read by the
lexicon, clause by clause) as a pair signal: within-list AUC alone and added to the planner's content affinity.
Needs comember_probe.py extract first. PYTHONPATH=. python bench/h4_25/theme_probe.py"""
import sys, pickle, re, numpy as np
sys.path[:0] = [str(__import__("pathlib").Path(__file__).resolve().parents[2]), str(__import__("pathlib").Path(__file__).resolve().parents[1]), str(__import__("pathlib").Path(__file__).resolve().parent)]
from comember_probe import CACHE, auc, z
from drafter.pipeline.themes import load_book, best_theme
from textkit.sentences import COMMAS, ENUM_COMMA, SEMICOLONS, char_class
CLAUSE = re.compile(char_class(COMMAS + SEMICOLONS + ENUM_COMMA))
book = load_book()
general = [t for t in book.themes if not t.topics][:-1]   # without the catch-all
data = pickle.loads(CACHE.read_bytes())
heads = data["shead"]
cache = {}
def head_themes(h):
    if h not in cache:
        keys = set()
        for clause in CLAUSE.split(h):
            t, s = best_theme(clause, general)
            if t is not None:
                keys.add(t.key)
        cache[h] = keys
    return cache[h]
names = [t.key for t in general]
index = {k: i for i, k in enumerate(names)}
sh = np.zeros((len(heads), len(names)))
for i, h in enumerate(heads):
    ks = head_themes(h)
    for k in ks:
        sh[i, index[k]] = 1.0 / len(ks)
print("sentences with a heading theme", (sh.sum(1) > 0).mean())
rows = sorted(data["rows"], key=lambda r: r["id"])
for half, items in {"a": rows[0::2], "b": rows[1::2]}.items():
    for k in (40, 80, 150, 300):
        alone, mixed, prior = [], {w: [] for w in (0.25, 0.5, 1.0)}, []
        for r in items:
            keep = np.array([e not in r["hidden"] for e in data["sex"]])
            sims = r["vectors"] @ data["svec"][keep].T
            top = np.argsort(-sims, axis=1)[:, :k]
            dist = sh[keep][top].sum(axis=1)
            dist = dist / np.maximum(np.linalg.norm(dist, axis=1, keepdims=True), 1e-9)
            sig = dist @ dist.T
            a = auc(sig, r["truth"])
            if a is None: continue
            alone.append(a)
            for w in mixed: mixed[w].append(auc(r["near"] + w * z(sig), r["truth"]))
            keys = r["keys"]
            prior.append(auc(np.array([[1.0 if x is not None and x == y else 0.0 for y in keys] for x in keys]), r["truth"]))
        print(half, "retrieved themes k", k, "alone", round(np.mean(alone), 4), "lexicon same-key alone", round(np.mean(prior), 4),
              " ".join(f"+{w}:{np.mean(v):.4f}" for w, v in mixed.items()))
