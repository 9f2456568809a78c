"""Hybrid search: dense and BM25 rankings fused with reciprocal-rank fusion, then diversified by example.

Hybrid takes the dense top `depth` chunks as candidates and fuses their dense rank with their BM25 rank among
those candidates (RRF). Dense brings recall for paraphrases; BM25 re-orders by the words the query shares.
The BM25 ranking's weight is scaled by the query's lexical coverage (BM25Index.coverage) to the power
`lexical_power`: when no candidate contains most of the query's weighted words (a paraphrase), BM25 is only
matching incidental words and counts little; a keyword query is fully covered and counts fully.
Only ranks are fused, never raw scores, so no cosine threshold is needed (e5 cosines are bunched high).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

MODES = ("hybrid", "bm25", "dense")


@dataclass(frozen=True)
class FusionParams:
    """Reciprocal-rank fusion: score = Σ weight / (rank_constant + rank).

    Chosen with bench/retrieval_tune.py on tests/data/queries.json: RRF constant 30 over the dense top 30,
    BM25 weighted by coverage³, in the middle of a plateau (powers 2-3, constants 30-100, depths 15-40) where
    hybrid is at least as good as dense on paraphrases and better than both on keyword queries. The earlier
    choice (constant 60, coverage²) sat on the plateau's edge: with the packages installed on 2026-11-29
    (chromadb 1.5.9, bm25s 0.3.16) it lost one relevant hit in 120 to dense on paraphrases. Plain RRF (power 0)
    loses about one too.
    """

    dense_weight: float = 1.0
    bm25_weight: float = 1.0
    rank_constant: float = 30.0
    depth: int = 30  # dense candidates for hybrid (at least 4 × k); also the depth of single-mode rankings
    lexical_power: float = 3.0  # BM25 weight × coverage ** lexical_power
    per_example: int = 2  # at most this many chunks of one example in the top k (backfilled if short)


def rrf_fuse(rankings: list[list[str]], weights: list[float], rank_constant: float) -> list[tuple[str, float]]:
    """Fuse ranked id lists into one (id, score) list, best first; ties keep first-seen order."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (rank_constant + rank)
    return sorted(scores.items(), key=lambda pair: -pair[1])


def diversify(ranked: list[tuple[str, float]], example_of: Callable[[str], str], k: int,
              per_example: int) -> list[tuple[str, float]]:
    """The top k with at most `per_example` chunks per example, backfilled from the rest when too few."""
    chosen: list[tuple[str, float]] = []
    rest: list[tuple[str, float]] = []
    taken: dict[str, int] = {}
    for item in ranked:
        example = example_of(item[0])
        if len(chosen) < k and taken.get(example, 0) < per_example:
            chosen.append(item)
            taken[example] = taken.get(example, 0) + 1
        else:
            rest.append(item)
    chosen.extend(rest[:k - len(chosen)])
    return chosen


def rank(mode: str, dense: list[tuple[str, float]], bm25: list[tuple[str, float]],
         params: FusionParams, coverage: float = 1.0) -> list[tuple[str, float]]:
    """The ranking for a mode from the dense and BM25 candidate lists ((id, score), best first)."""
    if mode == "dense":
        return dense
    if mode == "bm25":
        return bm25
    return rrf_fuse([[i for i, _ in dense], [i for i, _ in bm25]],
                    [params.dense_weight, params.bm25_weight * coverage ** params.lexical_power],
                    params.rank_constant)
