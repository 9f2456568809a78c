"""No frame sentence said twice in a template draft (issue 20): "通过扎实有效的工作，…" opens one tail at most, and
the opening names each area once."""

from __future__ import annotations

from drafter.models import DraftRequest
from drafter.pipeline import Pipeline

FACTS = ["全年新发展会员126人，会员总数达到1842人", "新建基层工会3个，会员实名制录入率99%",
         "春节期间走访慰问困难职工86户，发放慰问金12.6万元", "为18名困难职工子女发放助学金5.4万元",
         "组织开展钳工等6个工种技能比武，参赛职工312人次", "举办焊工技能大赛，参赛职工120人",
         "举办职工篮球赛等文体活动9场", "组织职工合唱比赛，参赛职工200人"]


def test_a_template_draft_says_no_frame_twice(settings):
    request = DraftRequest(org="某公司工会", period="2025年", facts=FACTS)
    text = Pipeline(settings, None, None).run(request).text
    assert text.count("通过扎实有效的工作") <= 1
    opening = text.split("\n\n")[1]
    named = opening.split("在", 2)[-1].split("等方面")[0].split("、")
    assert len(named) == len(set(named))
