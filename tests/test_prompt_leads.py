"""The model's section lead (概括) names the work, it claims no outcome: the 1.5B local model copied the system
prompt's example lead (工会通过举办篮球赛等文体活动，活跃了职工文化生活) into leads no fact bears out (held-out s002_01,
session 27: 工会通过举办主题黑板报和参加创新杯比赛，激发了职工的劳动热情，提高了工作效率; s002_07, session 26:
工会丰富了职工的业余生活，增强了企业的凝聚力和文化认同感)."""

from __future__ import annotations

import re

from drafter.pipeline.prompting import render

_DONE_TO = re.compile(r"[\u4e00-\u9fff]{2}了")  # 活跃了, 激发了, 增强了: what came of the work


def test_the_example_leads_name_the_work_and_claim_no_outcome():
    leads = re.findall(r"^概括：(.+)$", render("system.j2"), flags=re.M)
    assert len(leads) >= 2
    assert not [lead for lead in leads if _DONE_TO.search(lead)], leads


def test_the_prompts_ask_for_no_outcome_in_the_lead():
    assert "不写" in render("system.j2").split("示例")[0] and "成效" in render("system.j2").split("示例")[0]
    section = render("sentences.j2", references=[], lines=["举办职工篮球赛9场"], org="某厂工会", period="2025年",
                     kind="年度总结", title="丰富职工文化生活", what="事实")
    assert "概括" in section and "只点明这部分做了哪方面的工作" in section
