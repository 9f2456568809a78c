"""The bench's reworded-drafts line alone, for one checkout (compiled or not), to alternate two checkouts:

    .venv/bin/python bench/mypyc_probe/reworded_ab.py CHECKOUT [REPEAT]

prints whether drafter.numcheck.match and .words were loaded compiled (so) or pure (py), the load average, and
bench/numcheck_bench.py's figure (KB of draft per CPU second, the median of REPEAT first checks of the 20 drafts).
"""

import importlib.util
import os
import sys

root = sys.argv[1]
spec = importlib.util.spec_from_file_location("numcheck_bench", os.path.join(root, "bench/numcheck_bench.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)  # puts CHECKOUT first on sys.path

import drafter.numcheck.match as match  # noqa: E402
import drafter.numcheck.words as words  # noqa: E402

print("match", match.__file__.rsplit(".", 1)[-1], "words", words.__file__.rsplit(".", 1)[-1],
      "load %.1f" % os.getloadavg()[0])
bench.real_drafts(int(sys.argv[2]) if len(sys.argv) > 2 else 5)
