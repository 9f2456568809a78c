"""The reworded-drafts line, N cold passes, between marker files (callgrind_ab.sh toggles the instrumentation)."""
import sys, os, time
n = int(sys.argv[1]) if len(sys.argv) > 1 else 3
tag = sys.argv[2]
sys.argv = sys.argv[:1]
import numcheck_bench as B
from drafter.numcheck import check, load_lexicon
cases = B.reworded_cases()
for f, c, d in cases: check(f, d, context=c)
open(f"{tag}.ready", "w").close()
while not os.path.exists(f"{tag}.go"): time.sleep(0.05)
for _ in range(n):
    for f, c, d in cases:
        load_lexicon().fact_sets.clear(); B.forget()
        check(f, d, context=c)
open(f"{tag}.done", "w").close()
while not os.path.exists(f"{tag}.end"): time.sleep(0.05)
