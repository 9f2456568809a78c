"""Her run-in labels name her areas (issue 20): facts she labelled as different areas the lexicon does not call kin
are not merged to reach the examples' section count, though her list reads as grouped. Session 12's draft of a
water company's list (notes req_d: one labelled fact per area) filed 女职工 screening and 会员发展 under one heading,
"加强组织建设，关爱女职工", because they stood next to each other."""

from __future__ import annotations

import numpy as np
import pytest

from drafter.models import DraftRequest
from drafter.pipeline import grouping
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book
from plan_support import area_library, embedder  # noqa: F401 - embedder is a fixture

LABELLED = ["职工代表大会：召开十届三次职代会，审议通过集体合同等议案5项，征集职工提案37件，立案办理29件",
            "送温暖：春节前走访慰问困难职工和一线职工412人，发放慰问金及物资折合人民币38.6万元",
            "夏送清凉：为高温作业的管网抢修班组送去防暑降温用品，覆盖职工860人",
            "劳动竞赛：开展“供水保障百日攻坚”劳动竞赛，参赛班组26个，完成管网改造42公里",
            "技能比武：举办水质化验、管道维修等5个工种技能比武，136名职工参赛，18人获“技术能手”称号",
            "职工书屋：新建职工书屋3个，新增图书2400册",
            "文体活动：组建篮球、羽毛球、摄影等职工兴趣小组7个，举办职工运动会1次，参赛职工530人",
            "女职工：开展女职工“两癌”免费筛查，参检女职工286人",
            "会员发展：新发展工会会员94人，会员入会率98.7%"]


@pytest.fixture(scope="module")
def library(embedder):
    return area_library(embedder)


def test_facts_she_labelled_as_unrelated_areas_are_kept_apart():
    kin = grouping.kinship(["women", "org", "culture"], [frozenset({"culture", "women"})])
    labelled = grouping.labelled_apart(["女职工", "会员发展", "文体活动"], kin)
    assert labelled.tolist() == [[0, 1, 0], [1, 0, 1], [0, 1, 0]]  # 女职工 and 文体 are one family
    assert grouping.labelled_apart(["女职工", "", ""], kin) is None  # a few labels do not name her areas
    scores = np.array([[0.0, 3.0, 0.5], [3.0, 0.0, -1.0], [0.5, -1.0, 0.0]])  # the order term joins 0 and 1
    merge = {"alike": grouping.ALIKE, "apart": grouping.APART, "cap": 3, "kin": kin}
    assert grouping.cluster(scores, 2, 9, **merge) == [[0, 1], [2]]
    assert grouping.cluster(scores, 2, 9, labelled=labelled, **merge) == [[0, 2], [1]]


def test_her_labelled_areas_get_sections_of_their_own(settings, library):
    plan = Planner(settings, library, load_book()).plan(DraftRequest(org="某公司工会", period="2025年", facts=LABELLED))
    section = {n: next(s for s in plan.body() if n in s.fact_lines) for n in range(1, len(LABELLED) + 1)}
    assert section[8] is not section[9]  # 女职工 and 会员发展
    assert section[9].fact_lines == [9]
