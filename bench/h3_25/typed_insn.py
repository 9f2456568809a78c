"""The bench's as-you-type run (60 one-character edits of a 3,000-character draft re-checked against 30 kept facts),
between marker files, for bench/h3_25/callgrind_typed.sh (instructions of the re-checks only)."""
import os
import random
import sys
import time

tag = sys.argv[1]
sys.argv = sys.argv[:1]
import numcheck_bench as B  # noqa: E402
from drafter.numcheck import check  # noqa: E402

rng = random.Random(19)
base = "\n".join(B.corpus())
facts, draft = B.sentences(base)[:30], base[1000:4000]
check(facts, draft)
open(f"{tag}.ready", "w").close()
while not os.path.exists(f"{tag}.go"):
    time.sleep(0.05)
for n in range(60):
    at = rng.randrange(len(draft))
    draft = draft[:at] + "工会组织职工开展活动，"[n % 11] + draft[at:]
    check(facts, draft)
open(f"{tag}.done", "w").close()
while not os.path.exists(f"{tag}.end"):
    time.sleep(0.05)
