"""Session 20 (h3), question 1: how much of the clusters' loss is the NUMBER of groups (clusters stage, structure set).
Own count vs each summary's true count; the planner's count vs the truth; estimators of the count (the retrieved
examples' section counts, silhouette over 2..10). Needs extract.py's /tmp/h3_extract.pkl.

    PYTHONPATH=. .venv/bin/python bench/probes_h3/counts.py
"""

import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
from collections import Counter  # noqa: E402
from common import *  # noqa: E402,F403

print("== own vs true count ==")
for mode in ("order", "shuffle"):
    own, orc, made_k, true_k, tgt = [], [], [], [], []
    for r in ROWS:
        d = r["orders"][mode]; t = d["truth"]; n = len(t)
        g = planner_clusters(d)
        k = len(set(t))
        go = planner_clusters(d, target=k)
        own.append(pairwise_f1(t, labels_of(g, n))); orc.append(pairwise_f1(t, labels_of(go, n)))
        made_k.append(len(g)); true_k.append(k); tgt.append(grouping.section_count(n, d["typical"], d["cap"], d["per"]))
    made_k, true_k, tgt = map(np.array, (made_k, true_k, tgt))
    print(mode, "own k F1", round(np.mean(own),3), "oracle k F1", round(np.mean(orc),3),
          "| made k: too many", int((made_k>true_k).sum()), "too few", int((made_k<true_k).sum()), "equal", int((made_k==true_k).sum()),
          "mean made", made_k.mean().round(2), "true", true_k.mean().round(2), "target", tgt.mean().round(2),
          "| target vs true: >", int((tgt>true_k).sum()), "<", int((tgt<true_k).sum()), "= ", int((tgt==true_k).sum()),
          "MAE made", np.abs(made_k-true_k).mean().round(2))
print("typical", ROWS[0]["orders"]["order"]["typical"])
print("true k list", [len(set(r["orders"]["order"]["truth"])) for r in ROWS])
print("n list", [len(r["orders"]["order"]["truth"]) for r in ROWS])
print("== plain average link, no planner rules ==")
def plain(scores, k):
    n=len(scores)
    return grouping.cluster(scores, k, n)
for mode in ("order", "shuffle"):
    res = {}
    for r in ROWS:
        d = r["orders"][mode]; t = d["truth"]; n = len(t); k = len(set(t))
        kin, filed, labelled, sc, near = inputs(d)
        tg = grouping.section_count(n, d["typical"], d["cap"], d["per"])
        g = planner_clusters(d); go = planner_clusters(d, target=k)
        rg = grouping.reads_grouped(d["vectors"], n)
        vals = {"planner": g, "planner_truek": go, "plain_truek": plain(sc, k), "plain_target": plain(sc, tg),
                "plain_madek": plain(sc, len(g)), "near_truek": plain(near, k)}
        for name, gr in vals.items():
            res.setdefault(name, []).append(pairwise_f1(t, labels_of(gr, n)))
            res.setdefault(name + ("_R" if rg else "_C"), []).append(res[name][-1])
    print(mode, {k: round(np.mean(v), 3) for k, v in res.items()})
print("== the examples' section counts as the estimate ==")
rows=[]
for r in ROWS:
    d = r["orders"]["order"]; t = d["truth"]; n = len(t); k = len(set(t))
    ex = Counter(e for near in d["near"] for e, s, h, sim in near[:3])
    top = [e for e, _ in ex.most_common(5)]
    kc = [d["shapes"][e] for e in top if e in d["shapes"]]
    # distinct example sections among the facts' nearest in the most-voted example
    best = top[0]
    secs = set()
    for near in d["near"]:
        mine = [(s) for e, s, h, sim in near if e == best]
        if mine: secs.add(mine[0])
    tg = grouping.section_count(n, d["typical"], d["cap"], d["per"])
    rows.append((r["id"], n, k, tg, np.median(kc), len(secs), r["kind"]))
a = np.array([x[1:6] for x in rows], float)
print("corr n,k", np.corrcoef(a[:,0], a[:,1])[0,1], "corr examples' k", np.corrcoef(a[:,3], a[:,1])[0,1], "corr secs", np.corrcoef(a[:,4],a[:,1])[0,1])
print("MAE target", np.abs(a[:,2]-a[:,1]).mean(), "MAE ex median", np.abs(np.minimum(a[:,3], np.ceil(a[:,0]/3))-a[:,1]).mean())
print("== silhouette ==")
def sil(scores, labels):
    # silhouette with "distance" = -affinity
    D = -scores; n=len(labels); L=np.array(labels); s=[]
    for i in range(n):
        own = (L==L[i]); own[i]=False
        if own.sum()==0: s.append(0); continue
        a = D[i, own].mean()
        b = min(D[i, L==c].mean() for c in set(labels) if c!=L[i])
        s.append((b-a)/max(abs(a),abs(b),1e-9))
    return np.mean(s)
for mode in ("order","shuffle"):
    F={}; ks=[]
    for r in ROWS:
        d=r["orders"][mode]; t=d["truth"]; n=len(t); k=len(set(t))
        kin, filed, labelled, sc, near = inputs(d)
        tg = grouping.section_count(n, d["typical"], d["cap"], d["per"])
        best=None
        for kk in range(2, min(10, n-1)+1):
            g=planner_clusters(d, target=kk)
            if len(g)<2: continue
            v=sil(near, labels_of(g,n))
            if best is None or v>best[0]: best=(v,kk,g)
        g0=planner_clusters(d)
        F.setdefault("own",[]).append(pairwise_f1(t,labels_of(g0,n)))
        F.setdefault("sil",[]).append(pairwise_f1(t,labels_of(best[2],n)))
        ks.append((k,tg,best[1]))
    ks=np.array(ks)
    print(mode,{a:round(np.mean(b),3) for a,b in F.items()}, "MAE target",np.abs(ks[:,1]-ks[:,0]).mean().round(2),"MAE sil",np.abs(ks[:,2]-ks[:,0]).mean().round(2), "corr sil", np.corrcoef(ks[:,2],ks[:,0])[0,1].round(2))
