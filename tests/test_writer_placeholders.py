"""A fact that carries a placeholder of its own (新建村级工会组织xx个, 通过_x名会员代表…) is the secretary's to fill in:
the model's sentence keeping it is sound, its section stays the model's, and the final check still flags it.
Session 26's local drafts (held-out s001_04, s003_03b) wrote every such sentence again and then put the template in
place of the whole section. The facts here are written for this test."""

from __future__ import annotations

import re

from drafter.models import DraftRequest
from drafter.pipeline import Pipeline
from drafter.pipeline.defects import sentence_artifacts
from drafter.providers.fake import ScriptedModel
from tests.test_pipeline_model import faithful, section_of

FACTS = ["新建村级工会组织xx个，发展会员xx人", "组织职工参加市总工会举办的乒乓球比赛，获团体第二名",
         "春节期间走访慰问困难职工32户，发放慰问金4.8万元", "为全体会员办理职工互助保障，参保率100%"]


def test_a_sentence_keeping_its_fact_s_own_placeholder_stays_the_model_s(settings, library):
    settings.local_frame_from_templates = False
    model = ScriptedModel(default=faithful, name="fake")
    request = DraftRequest(org="某镇总工会", period="2025年", kind="年度总结", facts=FACTS)
    result = Pipeline(settings, library, model).run(request)
    section = section_of(result, 1)
    assert section.provider == "fake" and not section.fallback and not section.repairs, section.repairs
    assert "工会新建村级工会组织xx个，发展会员xx人。" in section.text
    assert not any("只输出这一句" in m["content"] for call in model.calls for m in call)  # no sentence written again
    placeholders = [n.text for n in result.check.numbers if n.status == "placeholder"]
    assert placeholders == ["xx个", "xx人"] and not result.check.ok  # still the secretary's to fill in


def test_a_placeholder_no_fact_carries_is_still_the_model_s_fault(settings, library):
    settings.local_frame_from_templates = False

    def dated(messages):  # the model copies an example's 20xx年 into a sentence whose fact has none
        return re.sub(r"(\d+)\. 工会春节期间", r"\1. 20xx年春节期间，工会", faithful(messages))

    result = Pipeline(settings, library, ScriptedModel(default=dated, name="fake")).run(
        DraftRequest(org="某镇总工会", period="2025年", kind="年度总结", facts=FACTS))
    assert "20xx年" not in result.text
    assert "占位符" in sentence_artifacts("20xx年工会发展会员。", allowed="工会发展会员")
    assert not sentence_artifacts("新建村级工会组织xx个。", allowed="新建村级工会组织xx个，发展会员xx人")
