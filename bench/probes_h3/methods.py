"""Session 20 (h3), question 3: clustering methods on the planner's affinity (clusters stage, structure set): average
link and spectral to the true and the planner's count, old meaning vs the LDA metric (metric.py); for the lists that
read grouped, her runs (runs.cut) vs finer runs merged by average link (non-adjacent runs may join) and run counts
chosen by a boundary threshold or by modularity; the planner's merge rules (APART, CLOSE, ALIKE) relaxed.

    PYTHONPATH=. .venv/bin/python bench/probes_h3/methods.py
"""

import itertools
import math
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
from metric import *  # noqa: E402,F403
from common import inputs, planner_clusters, pairwise_f1, labels_of, grouping, runs  # noqa: E402
print("== methods ==")
examples = np.asarray(S["examples"])
def norm(x): return x/np.maximum(np.linalg.norm(x,axis=1,keepdims=True),1e-9)
def plain(sc,k): return grouping.cluster(sc,k,len(sc))
def spectral(sc,k):
    A = np.exp(sc/ max(1e-9, sc[~np.eye(len(sc),dtype=bool)].std())); np.fill_diagonal(A,0)
    D = A.sum(1); L = np.diag(D**-0.5)@A@np.diag(D**-0.5)
    vals, vecs = np.linalg.eigh(L); X = norm(vecs[:,-k:])
    # kmeans++ deterministic-ish
    rng=np.random.default_rng(0); best=None
    for _ in range(10):
        C = X[rng.choice(len(X),k,replace=False)]
        for it in range(50):
            lab = np.argmax(X@C.T,1)
            C = np.array([norm(X[lab==j].mean(0,keepdims=True))[0] if (lab==j).any() else C[j] for j in range(k)])
        obj = (X*C[lab]).sum()
        if best is None or obj>best[0]: best=(obj,lab)
    return [list(np.flatnonzero(best[1]==j)) for j in range(k) if (best[1]==j).any()]
res={}
for row in ROWS:
    keep = ~np.isin(examples, list({row["id"], *row["copies"]}))
    sw, sb = scatter(keep); P = lda(sw, sb, 0.001, 16)
    for mode in ("order","shuffle"):
        d=row["orders"][mode]; v=d["vectors"]; t=d["truth"]; n=len(t); k=len(set(t))
        tg = grouping.section_count(n, d["typical"], d["cap"], d["per"])
        for sname, meaning in (("old",None),("lda",norm((v-v.mean(0))@P))):
            sc = inputs(d, meaning)[3]
            for cname, f in (("avg",plain),("spec",spectral)):
                for kname, kk in (("tk",k),("tg",tg)):
                    if kk>=n: g=[[i] for i in range(n)]
                    else: g=f(sc,kk)
                    res.setdefault((mode,sname,cname,kname),[]).append(pairwise_f1(t,labels_of(g,n)))
for kk,vv in sorted(res.items()): print(kk, round(np.mean(vv),3))
print("== her runs ==")
def content_of(d):
    v=d["vectors"]; n=len(v)
    kin, filed, labelled, sc, near = inputs(d)
    return grouping.affinity(v, d["keys"], n, kin, ordered=False, filed=filed, centre=True), labelled, grouping.affinity(v, d["keys"], n, kin, ordered=False, centre=True)
def merge_runs(content, fine, target):
    # average-link over runs (non-contiguous merges allowed)
    m=len(fine); S=np.zeros((m,m))
    for a in range(m):
        for b in range(m):
            S[a,b]=content[np.ix_(fine[a],fine[b])].sum()
    members=[list(f) for f in fine]; sizes=np.array([len(f) for f in fine],float); alive=np.ones(m,bool)
    while alive.sum()>target:
        means=S/np.outer(sizes,sizes); mask=np.outer(alive,alive)&~np.eye(m,dtype=bool); means[~mask]=-np.inf
        a,b=np.unravel_index(int(np.argmax(means)),means.shape); a,b=min(a,b),max(a,b)
        members[a]+=members[b]; S[a,:]+=S[b,:]; S[:,a]+=S[:,b]; sizes[a]+=sizes[b]; alive[b]=False
    return [sorted(members[i]) for i in range(m) if alive[i]]
res={}
for r in ROWS:
    d=r["orders"]["order"]; v=d["vectors"]; t=d["truth"]; n=len(t); k=len(set(t))
    if not grouping.reads_grouped(v,n): continue
    tg = grouping.section_count(n, d["typical"], d["cap"], d["per"])
    content, labelled, cnear = content_of(d)
    res.setdefault("planner",[]).append(pairwise_f1(t, labels_of(planner_clusters(d),n)))
    for mult in (1.5, 2.0, 3.0):
        fine = runs.cut(content, min(n, math.ceil(tg*mult)), d["cap"]*3)
        res.setdefault(f"fine{mult}+avg",[]).append(pairwise_f1(t, labels_of(merge_runs(content, fine, tg), n)))
    # boundary threshold: largest kk whose every adjacent-run cross mean < theta
    for theta in (-0.5, -0.25, 0.0, 0.25):
        best=None
        for kk in range(2, min(n, d["cap"])+1):
            cut = runs.cut(content, kk, d["cap"])
            cross=[content[np.ix_(cut[i],cut[i+1])].mean() for i in range(len(cut)-1)]
            if max(cross) < theta: best=cut
        best = best or runs.cut(content, tg, d["cap"])
        res.setdefault(f"theta{theta}",[]).append(pairwise_f1(t, labels_of(best,n)))
        res.setdefault(f"theta{theta}_k",[]).append(len(best)-k)
    # modularity
    A = content - content[~np.eye(n,dtype=bool)].min(); np.fill_diagonal(A,0); deg=A.sum(1); m2=A.sum()
    best=None
    for kk in range(2, min(n,d["cap"])+1):
        cut=runs.cut(content,kk,d["cap"])
        Q=sum(A[np.ix_(c,c)].sum()-deg[c].sum()**2/m2 for c in cut)/m2
        if best is None or Q>best[0]: best=(Q,cut)
    res.setdefault("modularity",[]).append(pairwise_f1(t, labels_of(best[1],n)))
    res.setdefault("modularity_k",[]).append(len(best[1])-k)
for a,b in res.items(): print(a, round(np.mean(b),3))
print("== merge rules relaxed ==")
examples = np.asarray(S["examples"])
def norm(x): return x/np.maximum(np.linalg.norm(x,axis=1,keepdims=True),1e-9)
Ps = {}
for row in ROWS:
    keep = ~np.isin(examples, list({row["id"], *row["copies"]}))
    sw, sb = scatter(keep); Ps[row["id"]] = lda(sw, sb, 0.001, 16)
orig = (grouping.APART, grouping.CLOSE, grouping.ALIKE, grouping.KIN)
for apart, close, alike in itertools.product((-1.0, -0.5, -9.0), (0.0, -0.5, -9.0), (1.0, 0.5, 9.0)):
    grouping.APART, grouping.CLOSE, grouping.ALIKE = apart, close, alike
    out = []
    for sname in ("old","lda"):
        f = {"order":[], "shuffle":[]}
        for row in ROWS:
            for mode in ("order","shuffle"):
                d=row["orders"][mode]; v=d["vectors"]; t=d["truth"]; n=len(t)
                if grouping.reads_grouped(v,n): continue
                meaning = None if sname=="old" else norm((v-v.mean(0))@Ps[row["id"]])
                g = planner_clusters(d, meaning=meaning)
                f[mode].append(pairwise_f1(t, labels_of(g,n)))
        out.append(f"{sname} C-order {np.mean(f['order']):.3f} shuf {np.mean(f['shuffle']):.3f}")
    print(apart, close, alike, " | ".join(out))
