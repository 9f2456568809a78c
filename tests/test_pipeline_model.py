"""The model path with fake chat models: what the model receives, repair prompts, fallback, faults, concurrency."""

from __future__ import annotations

import re
import threading

import pytest

from drafter.models import DraftRequest
from drafter.pipeline import Pipeline
from drafter.pipeline.cleanup import clean_model_text
from drafter.providers.base import ProviderError
from drafter.providers.fake import EchoModel, ScriptedModel

REQUEST = DraftRequest(
    org="华东精密机械有限公司工会", period="2025年", kind="年度总结",
    facts=["全年新发展会员126人，会员总数达到1842人", "召开二届三次职工代表大会，收集职工提案37件",
           "春节期间走访慰问困难职工86户，发放慰问金12.6万元", "组织技能比武6个工种，参赛职工312人次",
           "举办职工篮球赛等文体活动9场"],
    problems=["基层分会活动开展不够均衡"], plans=["建设2个车间职工书吧"])
FACT_LINE = re.compile(r"^第(\d+)条：(.+)$", re.M)
ITEM_LINE = re.compile(r"^\d+\. (.+)$", re.M)


@pytest.fixture(autouse=True)
def _model_writes_every_part(settings):
    """Most tests here follow every part through the model (the local default writes only the body with it)."""
    settings.local_frame_from_templates = False


def user_prompt(messages) -> str:
    return next(m["content"] for m in reversed(messages) if m["role"] == "user")


def faithful(messages) -> str:
    """A well-behaved model: writes exactly the facts (or items) the prompt gives it."""
    prompt = user_prompt(messages)
    facts = [text for _, text in FACT_LINE.findall(prompt)]
    if facts:
        return "工会扎实推进本项工作。" + "。".join(facts) + "。"
    items = ITEM_LINE.findall(prompt)
    return ("；".join(items) + "。") if items else "我们紧紧围绕中心工作，团结带领广大职工，各项工作取得了新的成效。"


def body_calls(model) -> list[str]:
    """First-attempt prompts of numbered body sections (repair prompts excluded)."""
    prompts = [user_prompt(call) for call in model.calls]
    return [p for p in prompts if FACT_LINE.search(p) and "存在以下问题" not in p]


def test_a_faithful_model_needs_no_repair(settings, library):
    model = ScriptedModel(default=faithful, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    assert result.check.ok and result.provider == "fake"
    assert all(s.provider == "fake" and s.attempts == 1 and not s.fallback for s in result.sections)
    assert len(model.calls) == len(result.sections)


def test_local_models_write_only_the_body_when_the_frame_comes_from_templates(settings, library):
    settings.local_frame_from_templates = True
    local = ScriptedModel(default=faithful, name="local", concurrent=False)
    result = Pipeline(settings, library, local).run(REQUEST)
    assert [s.provider for s in result.sections if s.facts] == ["local"] * len([s for s in result.sections if s.facts])
    assert all(s.provider == "template" and not s.fallback for s in result.sections if not s.facts)
    assert len(local.calls) == len([s for s in result.sections if s.facts])
    assert result.provider == "local" and result.check.ok
    remote = ScriptedModel(default=faithful, name="remote", concurrent=True)
    result = Pipeline(settings, library, remote).run(REQUEST)
    assert all(s.provider == "remote" for s in result.sections)


def test_the_model_gets_its_section_facts_and_references_and_nothing_else(settings, library):
    model = EchoModel(name="echo")
    pipeline = Pipeline(settings, library, model)
    plan = pipeline.plan(REQUEST)
    pipeline.run(REQUEST)
    by_facts = {tuple(s.fact_lines): s for s in plan.sections if s.role == "body"}
    prompts = body_calls(model)
    assert len(prompts) == len(by_facts)
    for prompt in prompts:
        lines = tuple(int(n) for n, _ in FACT_LINE.findall(prompt))
        section = by_facts[lines]
        for line, text in FACT_LINE.findall(prompt):
            assert REQUEST.facts[int(line) - 1] == text
        for line, fact in enumerate(REQUEST.facts, start=1):
            if line not in lines:
                assert fact not in prompt
        assert 1 <= len(section.references) <= 3
        assert prompt.count("〔参考") == len(section.references)
        for ref in section.references:
            assert ref.text in prompt
        assert "只用来体会文风，不得抄用其中任何句子、内容、名称和数字" in prompt
        assert "基层分会活动开展不够均衡" not in prompt  # problems go to their own section only
    system = model.calls[0][0]
    assert system["role"] == "system"
    assert "编造" in system["content"] and "照抄" in system["content"]


def test_references_come_only_from_pinned_examples(settings, library):
    pinned = library.list_examples()[0].id
    request = REQUEST.model_copy(update={"pinned_examples": [pinned]})
    plan = Pipeline(settings, library, EchoModel()).plan(request)
    roles = {c.role for c in library.example_chunks(pinned)}
    covered = [s for s in plan.sections if s.role in roles]
    assert any(s.role == "body" for s in covered)
    for section in covered:  # roles the pinned example lacks may borrow from others
        assert section.references and all(h.example_id == pinned for h in section.references)


def test_repair_prompt_names_the_exact_problems(settings, library):
    def sloppy(messages):
        text = faithful(messages)
        return text.replace("86户", "68户").replace("312人次", "312人次，涉及20xx年") if "86户" in text else text

    model = ScriptedModel(default=faithful, name="fake")
    model.default = lambda messages: sloppy(messages) if len([c for c in model.calls
                                                             if "86户" in user_prompt(c)]) == 1 else faithful(messages)
    result = Pipeline(settings, library, model).run(REQUEST)
    repairs = [user_prompt(c) for c in model.calls if "存在以下问题" in user_prompt(c)]
    assert len(repairs) == 1
    assert "第3条事实为86户，你写成了68户" in repairs[0]
    assert "68户" in repairs[0]  # the previous text is shown
    section = next(s for s in result.sections if 3 in s.facts)
    assert section.attempts == 2 and not section.fallback and section.provider == "fake"
    assert "86户" in section.text and result.check.ok


def test_placeholders_and_missing_facts_are_named(settings, library):
    def careless(messages):
        prompt = user_prompt(messages)
        if "第1条：" in prompt and "存在以下问题" not in prompt:
            return "20xx年，工会新发展会员126人。"  # drops 1842人, leaves a placeholder
        return faithful(messages)

    model = ScriptedModel(default=careless, name="fake")
    Pipeline(settings, library, model).run(REQUEST)
    repair = next(user_prompt(c) for c in model.calls if "存在以下问题" in user_prompt(c))
    assert "不要出现“20xx年”" in repair
    assert "遗漏了第1条事实" in repair


def test_repeated_failure_falls_back_to_the_template(settings, library):
    settings.max_repair_attempts = 2

    def always_wrong(messages):
        return faithful(messages).replace("126人", "216人")

    model = ScriptedModel(default=always_wrong, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    section = next(s for s in result.sections if 1 in s.facts)
    assert section.fallback and section.provider == "template" and section.attempts == 3
    assert "216人" not in section.text and "126人" in section.text
    assert "数字核对" in section.fallback_reason and "126人" in section.fallback_reason
    calls_for_section = [c for c in model.calls if "126人" in user_prompt(c) or "216人" in user_prompt(c)]
    assert len(calls_for_section) == 3
    assert result.check.ok
    assert any(section.heading in w for w in result.warnings)


def test_provider_error_midway_falls_back_with_the_reason(settings, library):
    model = ScriptedModel([faithful, faithful, ProviderError("连接被拒绝（已重试3次）")], default=faithful, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    failed = result.sections[2]
    assert failed.fallback and failed.provider == "template"
    assert "连接被拒绝" in failed.fallback_reason
    assert all(not s.fallback for i, s in enumerate(result.sections) if i != 2)
    assert result.provider == "fake" and result.check.ok


def test_every_call_failing_still_gives_a_draft(settings, library):
    model = ScriptedModel(default=ProviderError("服务器返回 503"), name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    assert result.check.ok and result.provider == "template"
    assert all(s.fallback and "503" in s.fallback_reason for s in result.sections)


def test_model_output_is_cleaned_before_the_check(settings, library):
    def chatty(messages):
        body = faithful(messages)
        return f"好的，以下是该部分正文：\n```\n## 一、强化组织建设\n**{body}**\n```\n希望对您有帮助！"

    result = Pipeline(settings, library, ScriptedModel(default=chatty, name="fake")).run(REQUEST)
    assert result.check.ok
    for section in result.sections:
        assert not section.fallback
        for junk in ("好的", "以下是", "```", "##", "**", "希望对您"):
            assert junk not in section.text


@pytest.mark.parametrize("raw, expected", [
    ("以下是正文：\n工会发展会员12人。", "工会发展会员12人。"),
    ("一、强化组织建设\n工会发展会员12人。", "工会发展会员12人。"),
    ("1、工会发展会员12人", "1、工会发展会员12人。"),
    ("本部分工作，通过组织技能比武，参赛职工312人次。", "通过组织技能比武，参赛职工312人次。"),
    ("【总结】\n第3条：走访慰问困难职工86户。", "走访慰问困难职工86户。"),
    ("工会发展会员12人。\n一、主要做法\n开展活动。", "工会发展会员12人。\n（一）主要做法\n开展活动。"),
    ("工会发展会员12人，举办培训班。工会还组织了篮球赛等一系列活动，职工参与积极性很", "工会发展会员12人，举办培训班。工会还组织了篮球赛等一系列活动，职工参与积极性很。"),
    ("工会发展会员12人。举办培训班，组织职工参加了丰富多彩的文体活动，职", "工会发展会员12人。举办培训班，组织职工参加了丰富多彩的文体活动，职。"),
    ("### 标题\n正文。\n\n\n第二段。", "标题\n正文。\n第二段。"),
])
def test_clean_model_text(raw, expected):
    assert clean_model_text(raw, "强化组织建设") == expected


def test_a_number_from_another_section_is_not_supported_here(settings, library):
    def borrowing(messages):
        text = faithful(messages)
        if "第1条：" in user_prompt(messages) and "存在以下问题" not in user_prompt(messages):
            return text + "参赛职工达到312人次。"  # fact 4's number, out of place
        return text

    model = ScriptedModel(default=borrowing, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    section = next(s for s in result.sections if 1 in s.facts)
    assert "312人次" not in section.text and section.check.ok
    assert any("“312人次”在给出的事实中没有依据" in r for r in section.repairs)


def test_faulty_sentences_are_cut_when_that_suffices(settings, library):
    def extra(messages):
        text = faithful(messages)
        return text + "另有20xx年度先进集体若干。" if "第1条：" in user_prompt(messages) else text

    model = ScriptedModel(default=extra, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    section = next(s for s in result.sections if 1 in s.facts)
    assert section.attempts == 1 and section.provider == "fake" and "20xx" not in section.text
    assert any("20xx年" in r for r in section.repairs)
    assert not any("存在以下问题" in user_prompt(c) for c in model.calls)


def test_copying_a_reference_is_repaired(settings, library):
    pipeline = Pipeline(settings, library, None)
    plan = pipeline.plan(REQUEST)
    copied = {}

    def copier(messages):
        prompt = user_prompt(messages)
        block = prompt.split("\n请为")[0].splitlines()[1:]  # the reference block, after its header line
        longest = max([re.sub(r"^〔参考\d+〕", "", line) for line in block] or [""], key=len)
        if len(longest) >= 40 and FACT_LINE.search(prompt) and "存在以下问题" not in prompt:
            snippet = longest[:40]
            copied[prompt] = snippet
            return faithful(messages)[:-1] + "，" + snippet + "。"  # inside a fact's sentence: cannot just be cut
        return faithful(messages)

    model = ScriptedModel(default=copier, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    assert copied and plan
    repairs = [user_prompt(c) for c in model.calls if "照抄了参考范文的句子" in user_prompt(c)]
    assert len(repairs) == len(copied)
    for snippet in copied.values():
        assert any(snippet[:16] in r for r in repairs)
    assert all(s.attempts == 2 and not s.fallback for s in result.sections if s.facts), [(s.attempts, s.repairs, s.fallback_reason) for s in result.sections]
    assert all(any("照抄" in r for r in s.repairs) for s in result.sections if s.facts)


def test_remote_models_write_sections_concurrently_within_the_bound(settings, library):
    settings.write_concurrency = 2
    lock = threading.Lock()
    state = {"active": 0, "peak": 0}
    both_in = threading.Barrier(2, timeout=20)

    def slow(messages):
        with lock:
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
        try:
            both_in.wait()
        except threading.BrokenBarrierError:
            pass
        with lock:
            state["active"] -= 1
        return faithful(messages)

    model = ScriptedModel(default=slow, name="remote", concurrent=True)
    events = list(Pipeline(settings, library, model).events(REQUEST))
    assert state["peak"] == 2
    result = events[-1].data["result"]
    assert result["check"]["ok"]
    assert [s["heading"] for s in result["sections"]] == [s["heading"] for s in events[0].data["sections"]]


def test_local_models_write_one_section_at_a_time(settings, library):
    lock = threading.Lock()
    state = {"active": 0, "peak": 0}

    def counted(messages):
        with lock:
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
        with lock:
            state["active"] -= 1
        return faithful(messages)

    Pipeline(settings, library, ScriptedModel(default=counted, name="local", concurrent=False)).run(REQUEST)
    assert state["peak"] == 1


def test_token_events_stream_the_reply(settings, library):
    model = ScriptedModel(default=faithful, name="fake", piece_chars=3)
    events = list(Pipeline(settings, library, model).events(REQUEST))
    done = events[-1].data["result"]
    for index, section in enumerate(done["sections"]):
        pieces = "".join(e.data["text"] for e in events if e.type == "token" and e.data["index"] == index)
        assert section["text"] in pieces or pieces.strip() == section["text"]


def test_length_and_fact_count_shape_the_stated_length_and_the_token_cap(settings, library):
    calls = {}
    care = ["春节期间走访慰问困难职工86户，发放慰问金12.6万元", "开展金秋助学活动，资助职工子女23名",
            "帮扶大病职工5人，发放救助金2.5万元", "举办职工篮球赛等文体活动9场"]
    for length in ("short", "long"):
        model = ScriptedModel(default=faithful, name="fake")
        request = REQUEST.model_copy(update={"length": length, "facts": care})
        plan = Pipeline(settings, library, model).plan(request)
        Pipeline(settings, library, model).run(request)
        body = [(user_prompt(m), o["max_tokens"]) for m, o in zip(model.calls, model.options)
                if FACT_LINE.search(user_prompt(m)) and "存在以下问题" not in user_prompt(m)]
        facts = [len(s.fact_lines) for s in plan.body()]
        calls[length] = [(int(re.search(r"篇幅约(\d+)字", p).group(1)), cap, n) for (p, cap), n in zip(body, facts)]
    for length, rows in calls.items():
        for chars, cap, _ in rows:
            assert chars / 1.7 < cap < chars  # room past the target, and far below the old fixed caps
        by_facts = sorted(rows, key=lambda r: r[2])
        assert by_facts[0][2] < by_facts[-1][2] and by_facts[0][0] < by_facts[-1][0]  # more facts, longer
    assert max(r[1] for r in calls["short"]) < max(r[1] for r in calls["long"])


def test_a_local_model_gets_fewer_references_than_a_concurrent_endpoint(settings, library):
    settings.references_per_section, settings.local_references_per_section = 3, 1
    local = Pipeline(settings, library, ScriptedModel(default=faithful, name="local", concurrent=False))
    remote = Pipeline(settings, library, ScriptedModel(default=faithful, name="remote", concurrent=True))
    assert {len(s.references) for s in local.plan(REQUEST).body()} == {1}
    assert {len(s.references) for s in remote.plan(REQUEST).body()} == {3}


def test_the_system_prompt_is_the_same_for_every_call_and_request(settings, library):
    model = ScriptedModel(default=faithful, name="fake")
    Pipeline(settings, library, model).run(REQUEST)
    Pipeline(settings, library, model).run(REQUEST.model_copy(update={"org": "江北机床厂工会", "kind": "半年总结"}))
    assert len({call[0]["content"] for call in model.calls}) == 1  # llama.cpp reuses it from its cache
    assert all(call[0]["role"] == "system" for call in model.calls)


def test_clean_model_text_drops_fact_lines_used_as_sub_headings_and_trailing_lead_ins():
    facts = ["春节期间走访慰问困难职工86户，发放慰问金12.6万元", "为全体会员办理职工互助保障，投保金额8.4万元"]
    raw = ("工会继续深化帮扶救助工作。以下是本部分的详细工作和成效：\n"
           "走访慰问困难职工86户，发放慰问金12.6万元\n"
           "春节前夕，工会走访慰问困难职工86户，发放慰问金12.6万元。\n"
           "为全体会员办理职工互助保障，投保金额8.4万元。")
    assert clean_model_text(raw, "扎实开展帮扶救助", facts) == (
        "工会继续深化帮扶救助工作。\n"
        "春节前夕，工会走访慰问困难职工86户，发放慰问金12.6万元。\n"
        "为全体会员办理职工互助保障，投保金额8.4万元。")  # a full sentence that repeats a fact stays
    short = "组织技能比武"  # too short to be taken for a restated fact
    assert clean_model_text(f"{short}\n参赛职工312人次。", "劳动竞赛", ["组织技能比武，参赛职工312人次"]) == (
        f"{short}\n参赛职工312人次。")


def test_a_reply_that_only_lacks_a_fact_keeps_its_text_and_the_model_writes_just_that_fact(settings, library):
    request = REQUEST.model_copy(update={"facts": ["春节期间走访慰问困难职工86户，发放慰问金12.6万元",
                                                   "开展金秋助学活动，资助职工子女23名"]})

    def forgetful(messages):
        prompt = user_prompt(messages)
        if "存在以下问题" in prompt:  # the patch: one line per fact it is asked for
            return "\n".join(f"{i}. 工会{text}。" for i, (_, text) in enumerate(FACT_LINE.findall(prompt), 1))
        facts = FACT_LINE.findall(prompt)
        return ("工会把帮扶救助作为暖心工程，扎实推进送温暖工作。" + f"{facts[0][1]}。") if facts else faithful(messages)

    model = ScriptedModel(default=forgetful, name="fake")
    events = list(Pipeline(settings, library, model).events(request))
    result = events[-1].data["result"]
    section = next(s for s in result["sections"] if len(s["facts"]) == 2)
    patches = [user_prompt(c) for c in model.calls if "存在以下问题" in user_prompt(c)]
    assert len(patches) == 1 and "遗漏了第2条事实" in patches[0]
    assert FACT_LINE.findall(patches[0]) == [("2", request.facts[1])]  # only the missing fact is written again
    assert section["text"] == ("工会把帮扶救助作为暖心工程，扎实推进送温暖工作。春节期间走访慰问困难职工86户，发放慰问金12.6万元。\n"
                               "工会开展金秋助学活动，资助职工子女23名。")  # list marks gone, first text kept
    assert section["attempts"] == 2 and not section["fallback"] and result["check"]["ok"]
    index = result["sections"].index(section)
    second = "".join(e.data["text"] for e in events if e.type == "token" and e.data["index"] == index
                     and e.data["attempt"] == 2)
    assert second.startswith(section["text"].split("\n")[0])  # the stream shows the kept text, then the patch


def test_lines_that_echo_the_prompt_are_dropped_and_fact_lines_kept(settings, library):
    request = REQUEST.model_copy(update={"facts": ["春节期间走访慰问困难职工86户，发放慰问金12.6万元",
                                                   "开展金秋助学活动，资助职工子女23名"]})

    def echoing(messages):
        prompt = user_prompt(messages)
        if "存在以下问题" in prompt:  # repeats the fact line, then the prompt's problem list
            fact = FACT_LINE.findall(prompt)[0]
            problems = [line for line in prompt.splitlines() if line.startswith("- ")]
            return f"第{fact[0]}条：{fact[1]}。\n\n上一稿存在以下问题，这次务必改正：\n{problems[0][:30]}"
        facts = FACT_LINE.findall(prompt)
        return ("工会扎实推进送温暖工作。" + f"{facts[0][1]}。") if facts else faithful(messages)

    result = Pipeline(settings, library, ScriptedModel(default=echoing, name="fake")).run(request)
    section = next(s for s in result.sections if len(s.facts) == 2)
    assert section.text == ("工会扎实推进送温暖工作。春节期间走访慰问困难职工86户，发放慰问金12.6万元。\n"
                            "开展金秋助学活动，资助职工子女23名。")
    assert result.check.ok and section.attempts == 2


def test_clean_model_text_drops_repeated_sentences_and_sub_headings_left_empty():
    raw = ("工会组织青年员工羽毛球、乒乓球比赛，参赛员工430人次。\n（二）活动组织\n（三）活动效果\n"
           "通过比赛，增强了职工的凝聚力和归属感。\n建设母婴室5间。建设母婴室5间。\n"
           "（四）活动总结\n（二）通过比赛，增强了职工的凝聚力和归属感。")
    assert clean_model_text(raw, "丰富职工文化生活") == (
        "工会组织青年员工羽毛球、乒乓球比赛，参赛员工430人次。\n（三）活动效果\n"
        "通过比赛，增强了职工的凝聚力和归属感。\n建设母婴室5间。")
