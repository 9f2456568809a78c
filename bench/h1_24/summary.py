"""Session 24 (h1): the figures of plan_bench --json outputs side by side, with each half's F1.
    python bench/h1_24/summary.py out/before_order.json out/after_order.json …"""

import json
import statistics
import sys

for path in sys.argv[1:]:
    d = json.load(open(path))
    rows = sorted(d["rows"], key=lambda r: r["example"])
    halves = {h: round(statistics.mean(r["f1"] for r in rows[i::2]), 3) for h, i in (("a", 0), ("b", 1))}
    s, r, b, t = d["structure_set"], d["random_lists"], d["bench_requests"], d["plan_seconds"]
    faults = lambda x: sum(x[k] for k in ("claim", "generic", "repeated", "stutter", "one_fact"))  # noqa: E731
    print(f"{path}: F1 {s['f1_mean']} (median {s['f1_median']}) a {halves['a']} b {halves['b']} | fact-made "
          f"{s['fact_made']} misfits {s['misfit']} shared {s['shared_area']} sections {s['sections']} sub {s['sub_sections']}"
          f" faults {faults(s)} | random: fact-made {r['fact_made']} misfits {r['misfit']} shared {r['shared_area']} "
          f"sections {r['sections']} faults {faults(r)} | requests: misfits {b['misfit']} fact-made {b['fact_made']} "
          f"sections {b['sections']} faults {faults(b)} | 40 facts again {t.get('forty_again_mean')} (max "
          f"{t.get('forty_again_max')}) cold {t.get('forty_cold_mean')} | load {d['machine_load']}")
