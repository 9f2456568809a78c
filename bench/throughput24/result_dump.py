"""Every check result (full model dump) over the non-held-out sets, the bench drafts and the corpus: one line each."""
import sys, json, hashlib
from pathlib import Path
out = open(sys.argv[1], "w")
sys.path.insert(0, "bench")
import numcheck_bench as B
import tests.strong_set as S
from drafter.numcheck import check
def emit(key, r):
    out.write(key + "\t" + hashlib.sha1(r.model_dump_json().encode()).hexdigest() + "\n")
for p in sorted(Path("tests/data").glob("strong_*.json")):
    if "heldout" in p.name: continue
    for para in S.load(p):
        emit(f"{p.name}:{para.id}", check(para.facts, para.text))
for i, (f, c, d) in enumerate(B.reworded_cases()):
    emit(f"reworded:{i}", check(f, d, context=c))
for i, t in enumerate(B.corpus()):
    emit(f"self:{i}", check(B.sentences(t), t))
base = "\n".join(B.corpus())
facts = B.sentences(base)[:50]
emit("linear", check(facts, "\n".join(B.rotated(base, i) for i in range(2))))
