"""A heading may name the theme its facts carry by the lexicon's keywords (themes.toml): 关心关爱女职工 over a
母婴室 fact (the check's kinds, drafter/data/faithful_lexicon.toml: 女职工 backed by 母婴, 两癌, 孕 …), and a
section the moves left with facts of one family gets that family's heading, not its facts' own words
(bench/requests/halfyear_2025_bank.json in session 18: "五、建成母婴室", "二、开展职工心理健康服务，发放帮扶金")."""

from __future__ import annotations

from drafter.cli.draft_cmds import read_request
from drafter.numcheck import check
from drafter.pipeline import titling
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book
from drafter.settings import PROJECT_ROOT

NURSING = "建成母婴室5间，完成“爱心妈妈小屋”达标创建"
SCREENING = "组织女员工参加两癌筛查316人"
CHECKUP = "组织职工健康体检200人"


def test_a_womens_heading_is_backed_by_a_fact_of_the_womens_theme():
    for fact in (NURSING, SCREENING):
        assert not check([fact], "一、关心关爱女职工").claims, fact
        assert titling.acceptable("做好女职工工作", [fact], set(), themed=True), fact


def test_the_womens_heading_still_needs_a_fact_of_that_theme():
    assert check([CHECKUP], "一、关心关爱女职工").claims
    assert check([CHECKUP], "为200名女职工体检。").claims  # a sentence's 女职工 is no more backed by a checkup


def test_the_banks_half_year_plan_names_its_areas_not_its_facts(settings, library):
    request = read_request(PROJECT_ROOT / "bench" / "requests" / "halfyear_2025_bank.json")
    plan = Planner(settings, library, load_book()).plan(request)
    line = {fact: n for n, fact in enumerate(plan.facts, start=1)}
    title = lambda fact: next(s.title for s in plan.body() if line[fact] in s.fact_lines)  # noqa: E731
    assert "女职工" in title(NURSING), title(NURSING)
    care = title("为困难员工发放帮扶金9.3万元，帮扶17户")
    assert "帮扶金" not in care and "心理健康服务" not in care, care
