"""A heading, lead or closing that names a part of a theme's work (themes.toml [[claim]]: 民主管理) needs a fact of its
section that reports that part: a law talk and a dispute mediated are the legal-aid part of the democracy theme, not
democratic management. The facts are written for this test."""

from __future__ import annotations

from drafter.models import DraftRequest
from drafter.pipeline.plan import Planner
from drafter.pipeline.planned import Plan, PlannedSection
from drafter.pipeline.template import TemplateWriter
from drafter.pipeline.themes import load_book
from drafter.pipeline.titling import fits
from plan_support import area_library, embedder  # noqa: F401 - embedder is a fixture

RIGHTS = ["组织律师进园区开展劳动法律法规宣讲3场，解答职工咨询60人次", "调解劳动争议纠纷5起，为职工追回欠薪8.6万元"]
CONGRESS = ["召开第三届职代会第二次会议，审议通过职工福利方案", "征集职工代表提案21件，已办结18件"]
MONTH = [  # a street union's month, written for this test
    "新组建楼宇联合工会1家，发展会员85人",
    "为网约车司机举办集中入会活动1场，现场入会40人",
    "新建职工爱心驿站1个，服务环卫工人900人次",
    *RIGHTS,
    "组织辖区职工参加街道迎新春长跑，200人参加",
]


def frames(facts: list[str], variants: int = 12) -> list[str]:
    """The template's lead and closing of a democracy section over `facts`, for many different companions."""
    said = []
    for n in range(variants):
        own = facts + [f"走访辖区企业{n + 2}家"]
        section = PlannedSection("body", "依法维护职工合法权益", 1, "democracy", list(range(1, len(own) + 1)))
        writer = TemplateWriter(DraftRequest(org="某街道总工会", period="2026年", facts=own),
                                Plan([PlannedSection("opening", ""), section, PlannedSection("closing", "")], own))
        said += [writer.lead(section), writer.tail(section)]
    return said


def test_a_claim_of_democratic_management_needs_a_fact_that_reports_it():
    book = load_book()
    assert book.unbacked("深化民主管理，职工合法权益得到维护", RIGHTS)
    assert not book.unbacked("深化民主管理，职工合法权益得到维护", RIGHTS + CONGRESS[:1])
    assert not book.unbacked("依法维护职工合法权益", RIGHTS)
    assert not fits(RIGHTS, "深化民主管理，职工合法权益得到维护") and fits(RIGHTS, "依法维护职工合法权益")


def test_the_template_leads_and_closes_a_legal_aid_section_without_democratic_management():
    said = frames(RIGHTS)
    assert any(said) and not any("民主" in text or "知情权" in text for text in said), said
    assert any("民主" in text for text in frames(CONGRESS)), frames(CONGRESS)  # its facts report it: it may say so


def test_a_month_of_legal_aid_is_headed_without_democratic_management(settings, embedder):
    plan = Planner(settings, area_library(embedder), load_book()).plan(
        DraftRequest(org="某街道总工会", period="2026年1月", kind="月度总结", facts=MONTH))
    by_line = {n: s for s in plan.body() for n in s.fact_lines}
    assert by_line[4] is by_line[5] and "民主" not in by_line[4].title, [(s.title, s.fact_lines) for s in plan.body()]


def test_a_workplace_s_disclosure_needs_facts_of_that_workplace():
    book = load_book()
    notices = ["在厂务公开栏公开年度评先结果和福利费使用情况", "车间公开栏每月公开考勤和奖金分配"]
    assert book.unbacked("坚持校务公开，发挥工会监督功能", notices)  # a school's heading over a plant's notices
    assert not book.unbacked("坚持厂务公开，发挥工会监督功能", notices)
    assert not book.unbacked("坚持校务公开，发挥工会监督功能", ["学校在校务公开栏公开职称评审结果"])
