"""Probe: the planner's content affinity with the examples' votes replaced by the section shares (comember_probe.py).
PYTHONPATH=. python bench/h4_25/replace_probe.py"""
import sys, pickle, numpy as np
sys.path[:0] = [str(__import__("pathlib").Path(__file__).resolve().parents[2]), str(__import__("pathlib").Path(__file__).resolve().parents[1]), str(__import__("pathlib").Path(__file__).resolve().parent)]
from comember_probe import CACHE, auc, z, section_share, _Held
from drafter.pipeline import grouping
data = pickle.loads(CACHE.read_bytes())
rows = sorted(data["rows"], key=lambda r: r["id"])
for half, items in {"a": rows[0::2], "b": rows[1::2]}.items():
    res = {w: [] for w in (0.0, 0.25, 0.5, 0.75)}
    for r in items:
        today = grouping.votes(type("B", (), {"sentences": _Held(data, r)})(), r["vectors"], r["kin"])
        base = r["near"] - (grouping.EXAMPLE_VOTES * today if today is not None else 0)
        sig = z(section_share(r, data, 20, 0.03)) * r["kin"]
        for w in res:
            a = auc(base + w * sig, r["truth"])
            if a is not None:
                res[w].append(a)
    print(half, "votes replaced by section shares", " ".join(f"{w}:{np.mean(v):.4f}" for w, v in res.items()))
