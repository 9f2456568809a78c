"""Section headings asked of the real local model (issue 20): its replies pass through the same heading rules as any
heading, so whatever it writes, the plan's headings fit their facts, and each call's tokens and seconds are kept.
Facts from a real summary held out of the library (samples/s004_05.md: greening, a farm and care visits; s001_04's,
used until session 14, now all find lexicon headings, so no model was asked) and facts outside the theme lexicon."""

from __future__ import annotations

import pytest

from drafter.models import DraftRequest
from drafter.pipeline.heading_rules import heading_faults
from drafter.pipeline.model_titles import ModelTitles, cleaned
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book
from drafter.pipeline.titling import fits
from drafter.pipeline.writer import system_messages
from model_support import loaded_model
from plan_support import embedder  # noqa: F401 - a fixture
from test_model_titles import FACTS, heading_library

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model():
    return loaded_model()


@pytest.fixture(scope="module")
def library(embedder):
    return heading_library(embedder)


HELD_OUT_FARM = ["组织员工自己动手在码头、生产区、发运广场周边砌花坛，搞绿化。",
                 "种植了红花继木、红叶石楠等树木约8000余棵、各类果树400余棵、樱花200棵；",
                 "利用厂区的东北角一块约一亩多的空地，组织员工自己动手，修整土地，建起了宁波xx特色的“开心农场”。",
                 "在厂区边缘一角建立了养殖场，共养鸡200多只，还养殖了鸭、鹅。",
                 "每个月为员工发放蛋糕券和生日卡片，不断开展困难员工的送温暖活动。",
                 "看望产妇员工5名，送去慰问金2500元；"]  # samples/s004_05.md


@pytest.mark.parametrize("facts", [FACTS, HELD_OUT_FARM], ids=["outside_the_lexicon", "held_out_farm"])
def test_the_local_models_headings_pass_the_heading_rules(settings, library, model, facts):
    titler = ModelTitles(model, "某镇工会", system_messages())
    plan = Planner(settings, library, load_book(), titler).plan(DraftRequest(org="某镇工会", period="2025年", facts=facts))
    assert titler.calls, "no section was asked: the facts should leave at least one without a fitting heading"
    for call in titler.calls:
        assert call.tokens_read > 0 and call.tokens_written > 0 and call.seconds > 0
        assert not call.refused.startswith("error"), call.refused
        assert cleaned(call.reply), call.reply  # it answered with a heading line
        if call.heading:
            assert call.heading in [s.title for s in plan.body()]
    assert heading_faults(plan) == []
    for section in plan.body():
        own = [facts[n - 1] for n in section.fact_lines]
        assert fits(own, section.title), section.title
    print("\n".join(f"{c.heading or c.refused}: {c.reply.strip()!r} <- {[f[:20] for f in c.facts]} "
                    f"({c.tokens_read} read, {c.tokens_written} written, {c.seconds:.1f} s)" for c in titler.calls))
