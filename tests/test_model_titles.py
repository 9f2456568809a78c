"""Section headings written by the model (issue 20, drafter/pipeline/model_titles.py): asked only for the sections
no example heading fits well, taken only when they pass every heading rule, counted in tokens and seconds. Scripted
models prove the prompt and the acceptance rules here; tests/test_model_titles_local.py asks the real local model."""

from __future__ import annotations

import pytest

from drafter.models import DraftRequest
from drafter.pipeline import Pipeline
from drafter.pipeline.heading_rules import heading_faults
from drafter.pipeline.model_titles import ModelTitles, cleaned, refusal
from drafter.pipeline.plan import Planner
from drafter.pipeline.themes import load_book
from drafter.pipeline.titling import core, fits
from drafter.pipeline.writer import system_messages
from drafter.providers.base import ProviderError
from drafter.providers.fake import ScriptedModel
from plan_support import BankLibrary, embedder, example  # noqa: F401 - embedder is a fixture

# facts outside the theme lexicon (issue 20's 6-fact draft had "一、其他工作 二、其他工作 三、其他工作")
FACTS = ["5月举行企业歌发布仪式，全体职工传唱企业歌曲", "每月15日开展经理接待日，接待职工来访42人次",
         "开展优质服务月活动，评出服务明星12名", "为6座加油站购买洗衣机6台", "举办职工篮球赛，参赛职工120人",
         "全年新发展会员56人"]
ASKED = "这次只写一个小标题"  # prompts/heading.j2's first words


def heading_library(embedder) -> BankLibrary:
    """Three examples whose headings form the bank (shared with test_model_titles_local.py)."""
    return BankLibrary(embedder, [
        example("a.md", ["加强组织建设，发展会员", "深化民主管理，开好职代会", "关心职工生活，做好帮扶送温暖工作", "加强自身建设"]),
        example("b.md", ["开展技能比武，提升职工素质", "丰富文体活动，建设文化之家", "关爱女职工", "规范经费管理"]),
        example("c.md", ["走访慰问困难职工", "开展劳动竞赛", "丰富职工文化体育活动", "加强经费审查"]),
    ])


@pytest.fixture(scope="module")
def library(embedder):
    return heading_library(embedder)


def request(facts=FACTS) -> DraftRequest:
    return DraftRequest(org="某石油公司工会", period="2025年", facts=list(facts))


def planned(settings, library, model=None, facts=FACTS):
    titler = None if model is None else ModelTitles(model, "某石油公司工会", system_messages())
    return Planner(settings, library, load_book(), titler).plan(request(facts)), titler


def headings(plan) -> list[tuple[str, list[int]]]:
    return [(s.title, s.fact_lines) for s in plan.body()]


def own_facts(plan, section) -> list[str]:
    return [plan.facts[n - 1] for n in section.fact_lines]


def fact_made(title: str, facts: list[str]) -> bool:
    """titling.from_facts' shapes: one fact's core, two cores joined, "<two cores>等工作"."""
    cores = [core(f) for f in facts if core(f)]
    return title in cores or title.endswith("等工作") or any(title == f"{a}，{b}" for a in cores for b in cores)


def answer_from_facts(messages) -> str:
    """A heading in the asked facts' own words (what a good model writes): their first two acts joined."""
    prompt = messages[-1]["content"]
    shown = [line.split(". ", 1)[1] for line in prompt.splitlines() if line[:1].isdigit() and ". " in line]
    acts = {"企业歌": "发布企业歌", "接待日": "开展经理接待日", "服务月": "开展优质服务月", "洗衣机": "为加油站购买洗衣机",
            "篮球赛": "举办职工篮球赛"}
    found = [act for word, act in acts.items() if any(word in fact for fact in shown)]
    return "、".join(found[:2]) + ("等工作" if len(found) > 2 else "") if found else "其他工作"


def test_only_the_sections_no_example_heading_fits_are_asked_and_the_prompt_shows_their_facts(settings, library):
    template, _ = planned(settings, library)
    model = ScriptedModel(default="其他工作")
    plan, titler = planned(settings, library, model)
    made = [s for s in template.body() if fact_made(s.title, own_facts(template, s))]
    assert made and len(made) < len(template.body())  # 企业歌, 洗衣机 … get their facts' words; 发展会员 the bank's
    assert [call.facts for call in titler.calls] == [own_facts(template, s) for s in made]
    assert len(model.calls) == len(titler.calls)
    first = model.calls[0]
    assert first[0] == system_messages()[0]  # the writer's fixed system prompt: a local model keeps it read
    prompt = first[-1]["content"]
    assert prompt.startswith(ASKED) and "某石油公司工会" in prompt
    for fact in titler.calls[0].facts:
        assert fact in prompt
    assert "范文中相近小节的标题" in prompt  # the nearest example headings as a pattern
    assert model.options[0]["temperature"] == 0.0 and model.options[0]["max_tokens"] <= 40


def test_a_refused_reply_leaves_the_plan_as_the_template_makes_it(settings, library):
    template, _ = planned(settings, library)
    for reply in ("其他工作", "开展职工书屋建设，推进读书活动", ProviderError("连接被拒绝")):
        plan, titler = planned(settings, library, ScriptedModel(default=reply))
        assert headings(plan) == headings(template), reply
        assert titler.calls and not any(call.heading for call in titler.calls)
    assert titler.calls[0].refused.startswith("error")


def test_a_reply_that_passes_every_rule_heads_its_section(settings, library):
    template, _ = planned(settings, library)
    plan, titler = planned(settings, library, ScriptedModel(default=answer_from_facts))
    taken = [call.heading for call in titler.calls if call.heading]
    assert taken
    titles = [s.title for s in plan.body()]
    for heading in taken:
        assert heading in titles
    assert [s.fact_lines for s in plan.body()] == [s.fact_lines for s in template.body()]  # same grouping
    assert heading_faults(plan) == []
    for section in plan.body():
        assert fits(own_facts(plan, section), section.title), section.title
    usage = titler.usage
    assert usage.calls == len(titler.calls) and usage.prompt_tokens > 0 and usage.completion_tokens > 0
    assert all(call.seconds >= 0 for call in titler.calls)


@pytest.mark.parametrize("heading, facts, used, why", [
    ("其他工作", FACTS[:2], set(), "generic"),
    ("加强组织建设，发展会员", ["全年新发展会员56人"], {"加强组织建设发展会员"}, "repeated"),
    ("举行企业歌发布仪式", FACTS[:3], set(), "one_fact"),  # one fact's words over three
    ("加强企业文化建设", FACTS[:3], set(), "unrelated"),  # its words are none of the facts'
    ("开展送温暖活动，发布企业歌", FACTS[:1], set(), "claim"),  # 送温暖: no fact gives it
    ("发布企业歌2首", FACTS[:1], set(), "shape"),  # no numbers in a heading
    ("发布", FACTS[:1], set(), "shape"),
    ("经理接待日：接待职工来访", FACTS[1:2], set(), "shape"),  # a label and a sentence (a local reply, session 11):
    ("开展经理接待日。接待职工来访", FACTS[1:2], set(), "shape"),  # the opening's list of areas cannot name it
    ("发布企业歌，开展服务月和接待日活动", FACTS[:3], set(), ""),
    ("每月为职工放映电影两场", ["每月为职工放映电影两场，观影职工300人次"], set(), "shape"),  # a count narrates
    ("职工乒乓球赛获前三名", ["组织职工乒乓球赛，获前三名的职工12人"], set(), "shape"),
    ("书香满园", ["开展“书香满园”读书活动，参加职工80人"], set(), "shape"),  # a name alone names no work
    ("开展读书活动和与职工交流", ["开展读书活动，与职工交流读书心得"], set(), "shape"),  # no sentence
    ("开展“三个一”读书活动", ["开展“三个一”读书活动，参加职工80人"], set(), ""),  # a count inside a name is the name
    ("加强民主管理，提升客户满意度", ["召开职代会，推进民主管理", "召开客户座谈会，听取客户意见"], set(), "claim"),  # 满意度
    ("举办职工书画展，推进民主管理", ["组织职工书画展，展出作品80幅", "召开职代会，推进民主管理"], set(), ""),  # acts frame
])
def test_a_model_heading_is_taken_only_when_it_passes_every_heading_rule(heading, facts, used, why):
    assert refusal(heading, facts, used) == why


@pytest.mark.parametrize("reply, heading", [
    ("发布企业歌，开展接待日活动", "发布企业歌，开展接待日活动"),
    ("1. 标题：“深化民主管理，畅通诉求渠道”。\n说明：这个标题概括了…", "深化民主管理，畅通诉求渠道"),
    ("**一、丰富职工文化生活**", "丰富职工文化生活"),
    ("\n\n（二）关爱女职工；", "关爱女职工"),
    ("“三八”节前夕，组织女职工健步走", "组织女职工健步走"),  # when it was done is no part of a heading
    ("五一期间，举办职工书画展", "举办职工书画展"),
    ("公司工会积极组织职工健步走", "组织职工健步走"),  # nor who did it
    ("工会组织建设，发展新会员", "工会组织建设，发展新会员"),  # the work's own name stays
    ("加强工会组织建设", "加强工会组织建设"),
])
def test_the_heading_is_read_from_the_first_line_of_the_reply(reply, heading):
    assert cleaned(reply) == heading


def test_no_call_once_the_draft_is_stopped(settings, library):
    model = ScriptedModel(default="发布企业歌")
    titler = ModelTitles(model, "工会", system_messages(), stopped=lambda: True)
    plan = Planner(settings, library, load_book(), titler).plan(request())
    assert model.calls == [] and titler.calls == []
    assert headings(plan) == headings(planned(settings, library)[0])


def test_the_template_provider_plans_without_a_model_and_a_model_draft_counts_the_heading_calls(settings, library):
    template = Pipeline(settings, library, None)
    plan = template.plan(request())
    assert template.titler is None and headings(plan) == headings(planned(settings, library)[0])

    def reply(messages):
        return answer_from_facts(messages) if messages[-1]["content"].startswith(ASKED) else "（无）"

    model = ScriptedModel(default=reply)
    pipeline = Pipeline(settings, library, model)
    result = pipeline.run(request())
    asked = pipeline.titler.usage
    assert asked.calls >= 1
    assert result.usage.calls == asked.calls + sum(s.usage.calls for s in result.sections)
    assert result.usage.prompt_tokens == asked.prompt_tokens + sum(s.usage.prompt_tokens for s in result.sections)
    taken = [c.heading for c in pipeline.titler.calls if c.heading]
    assert taken and all(any(h in s.heading for s in result.sections) for h in taken)
    assert result.check.ok, result.check
