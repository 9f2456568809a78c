"""A fact that names an area of its own is a misfit under a heading of another area, however alike in meaning it is
to the facts there (fitting.Refit.stray). The facts are written for this test."""

from __future__ import annotations

import numpy as np

from drafter.pipeline.fitting import Refit
from drafter.pipeline.themes import load_book

HEADING = "围绕中心任务，积极开展工会活动"
FACTS = [
    "工会围绕中心任务组织职工开展岗位练兵读书活动，参加职工120人。",
    "举办中心任务专题培训班4期，培训班组长86人次。",
    "组织职工参加网上学习答题活动，参与率达到95%。",
    "3月召开第三届职代会第二次会议，职工代表审议通过集体合同和民主管理办法。",
    "组织职工代表开展学习讨论，收集意见建议15条。",
]


def refit(likeness: float) -> Refit:
    book = load_book()
    themes = {t.key: t for t in book.themes}
    prior = [themes["study"], themes["study"], themes["study"], themes["democracy"], themes["study"]]
    near = np.full((len(FACTS), len(FACTS)), likeness)  # every fact as alike to the others as `likeness`
    return Refit(FACTS, prior, book, near, near)


def test_a_fact_of_its_own_area_is_a_misfit_beside_alike_facts_of_another():
    fit = refit(1.0)
    lines = list(range(len(FACTS)))
    assert 3 not in fit.anchors(lines, HEADING)  # the congress writes no word of the heading
    assert fit.stray(3, fit.anchors(lines, HEADING))
    assert 3 in fit.misfits(lines, HEADING)


def test_a_fact_of_the_anchors_area_or_of_one_loose_word_stays():
    fit = refit(1.0)
    lines = list(range(len(FACTS)))
    anchors = fit.anchors(lines, HEADING)
    assert not fit.stray(4, anchors)  # 意见建议 and 学习: of the study area the anchors are of
    assert fit.misfits([0, 1, 2, 4], HEADING) == []
    under_own = "落实职代会制度，推进民主管理"  # under its own area's heading the congress is an anchor
    assert 3 in fit.anchors(lines, under_own) and 3 not in fit.misfits(lines, under_own)
