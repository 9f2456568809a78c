"""A single-topic report (专项总结) keeps her order of its parts: the examples' section places are an annual
report's, where 送温暖 and 帮扶 come late (a 送温暖 list put 送春联 first and its 走访慰问 last). A template lead is
never made of a heading that is a fact's own words (it would say the fact twice)."""

from __future__ import annotations

from drafter.models import DraftRequest
from drafter.pipeline import Pipeline, parse_request_text
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book

WARMTH = """单位：某县教育局工会
类型：专项总结（送温暖）
2026年元旦春节期间
走访慰问困难教职工52户，发放慰问金和慰问品折合15.6万元
慰问乡村学校坚守岗位的教师218名，送去棉被、取暖器等物资
为患重病教职工9人申请县总工会大病救助资金6.3万元
慰问退休教职工中的老党员、老劳模34人
组织“送春联、送祝福”活动，书法教师现场书写春联1200余副
"""


def first_lines(request, settings, library) -> list[int]:
    plan = Planner(settings, library, load_book()).plan(request)
    return [min(s.fact_lines) for s in plan.body()]


def test_a_single_topic_report_keeps_her_order_of_parts(settings, library):
    request = parse_request_text(WARMTH)
    assert request.kind == "专项总结"
    firsts = first_lines(request, settings, library)
    assert len(firsts) >= 2 and firsts == sorted(firsts) and firsts[0] == 1
    backwards = request.model_copy(update={"facts": request.facts[::-1]})
    firsts = first_lines(backwards, settings, library)
    assert firsts == sorted(firsts) and firsts[0] == 1


def test_no_template_lead_made_of_a_facts_own_words(settings, library):
    request = DraftRequest(org="某县教育局工会", period="2026年元旦春节期间", kind="专项总结", topic="送温暖",
                           facts=parse_request_text(WARMTH).facts)
    text = Pipeline(settings, library, None).run(request).text
    assert "送春联" in text and "在组织“送春联、送祝福”活动上" not in text
    assert "把组织“送春联、送祝福”活动作为" not in text and "组织“送春联、送祝福”活动是工会" not in text
