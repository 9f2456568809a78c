"""Sampling profile of the reworded line: inclusive and self shares per function (thread sampler)."""
import sys, threading, time, collections, os
n = int(sys.argv[1]) if len(sys.argv) > 1 else 10
sys.argv = sys.argv[:1]
import numcheck_bench as B
from drafter.numcheck import check, load_lexicon
cases = B.reworded_cases()
for f, c, d in cases: check(f, d, context=c)
incl, own, total = collections.Counter(), collections.Counter(), [0]
noj = collections.Counter()
main_id = threading.get_ident()
active = [False]; stop = [False]
def sampler():
    while not stop[0]:
        time.sleep(0.0005)
        if not active[0]: continue
        fr = sys._current_frames().get(main_id)
        seen = set(); first = True
        stack = []
        while fr is not None:
            stack.append(f"{os.path.basename(fr.f_code.co_filename)}:{fr.f_code.co_name}")
            fr = fr.f_back
        f0 = sys._current_frames().get(main_id)
        top = stack[0] + (f":{f0.f_lineno}" if f0 is not None else ""); own[top] += 1
        for key in set(stack): incl[key] += 1
        cut = "words.py:_block_words" in stack or "words.py:_read" in stack
        for key in set(stack):
            if not cut: noj[key] += 1
        while fr is not None:
            co = fr.f_code
            key = f"{os.path.basename(co.co_filename)}:{co.co_name}"
            if first: own[key] += 1; first = False
            if key not in seen: incl[key] += 1; seen.add(key)
            fr = fr.f_back
        total[0] += 1
sys.setswitchinterval(0.0002)
t = threading.Thread(target=sampler, daemon=True); t.start()
for _ in range(n):
    for f, c, d in cases:
        load_lexicon().fact_sets.clear(); B.forget()
        active[0] = True; check(f, d, context=c); active[0] = False
stop[0] = True
T = total[0]
print("samples", T)
print("== inclusive")
for k, v in incl.most_common(400): print(f"{v/T:6.1%} {k}")
print("== inclusive without jieba words")
for k, v in noj.most_common(120): print(f"{v/T:6.1%} {k}")
print("== self")
for k, v in own.most_common(70): print(f"{v/T:6.1%} {k}")
