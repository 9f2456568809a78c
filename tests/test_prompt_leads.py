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


def test_a_lead_written_on_at_the_end_of_the_last_line_is_the_lead_not_text(settings, library):
    """5. …活动。概括：工会通过动员各方力量，推动社区服务创新工作。 on one line (the local model's, held-out s002_18,
    session 27): 概括：… stood in the section's text."""
    from drafter.models import DraftRequest
    from drafter.pipeline import Pipeline
    from drafter.providers.fake import ScriptedModel
    from tests.test_pipeline_model import section_of, section_replies

    settings.local_frame_from_templates = False
    inline = section_replies(lambda reply, lines: reply.replace("\n概括：", "概括："))
    facts = ["组织职工参加市总工会举办的乒乓球比赛，获团体第二名", "举办职工篮球赛，12支队伍参赛"]
    result = Pipeline(settings, library, ScriptedModel(default=inline, name="fake")).run(
        DraftRequest(org="某厂工会", period="2025年", kind="年度总结", facts=facts))
    assert "概括" not in result.text, result.text
    section = section_of(result, 1)
    assert section.provider == "fake" and section.text.startswith("工会认真做好"), section.text
