"""The model path with fake chat models: what the model receives, the sentence-by-sentence check and repair,
template sentences as the last resort, faults, concurrency, token accounting."""

from __future__ import annotations

import re
import threading

import pytest

from drafter.models import DraftRequest
from drafter.pipeline import Pipeline
from drafter.pipeline.defects import draft_defects
from drafter.providers.base import ProviderError
from drafter.providers.fake import EchoModel, ScriptedModel

REQUEST = DraftRequest(
    org="华东精密机械有限公司工会", period="2025年", kind="年度总结",
    facts=["全年新发展会员126人，会员总数达到1842人", "召开二届三次职工代表大会，收集职工提案37件",
           "春节期间走访慰问困难职工86户，发放慰问金12.6万元", "组织技能比武6个工种，参赛职工312人次",
           "举办职工篮球赛等文体活动9场"],
    problems=["基层分会活动开展不够均衡"], plans=["建设2个车间职工书吧"])
LINE = re.compile(r"^(\d+)\. (.+)$", re.M)
ALONE = re.compile(r"只输出这一句：\n(.+)$")


@pytest.fixture(autouse=True)
def _model_writes_every_part(settings):
    """Most tests here follow every part through the model (the local default writes only the body with it)."""
    settings.local_frame_from_templates = False


def user_prompt(messages) -> str:
    return next(m["content"] for m in reversed(messages) if m["role"] == "user")


def lines_of(prompt: str) -> list[tuple[str, str]]:
    """The numbered facts (or items) of a section prompt."""
    return LINE.findall(prompt.split("文风参考")[-1].split("〔参考")[-1])


def rewrite(fact: str) -> str:
    return f"工会{fact}。"


def faithful(messages) -> str:
    """A well-behaved model: each numbered line rewritten, then the "概括：" lead line; a lone fact as one sentence."""
    prompt = user_prompt(messages)
    alone = ALONE.search(prompt)
    if alone:
        return rewrite(alone.group(1))
    lines = lines_of(prompt)
    if lines:
        lead = re.search(r"“(.+?)”部分", prompt).group(1).split("，")[0]
        return "\n".join(f"{n}. {rewrite(text)}" for n, text in lines) + f"\n概括：工会认真做好{lead}工作。\n"
    if "结尾" in prompt:
        return "今后，工会将继续团结带领广大职工，奋发有为，扎实工作。"
    return "一年来，工会紧紧围绕中心工作，团结带领广大职工，各项工作取得了新的成效。"


def section_replies(change):
    """A model that writes like `faithful`, with change(reply, numbered lines) applied to each section reply."""
    def model(messages):
        lines = lines_of(user_prompt(messages))
        return change(faithful(messages), lines) if lines else faithful(messages)
    return model


def section_calls(model) -> list[str]:
    return [user_prompt(c) for c in model.calls if lines_of(user_prompt(c)) and not ALONE.search(user_prompt(c))]


def alone_calls(model) -> list[str]:
    return [ALONE.search(user_prompt(c)).group(1) for c in model.calls if ALONE.search(user_prompt(c))]


def section_of(result, line: int):
    return next(s for s in result.sections if line in s.facts)


def test_a_faithful_model_writes_each_section_in_one_call(settings, library):
    model = ScriptedModel(default=faithful, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    assert result.check.ok and result.provider == "fake"
    assert all(s.provider == "fake" and s.attempts == 1 and not s.fallback and not s.repairs for s in result.sections)
    assert len(model.calls) == len(result.sections)
    for line, fact in enumerate(REQUEST.facts, start=1):
        assert rewrite(fact) in section_of(result, line).text
    assert not draft_defects(result.text, REQUEST.facts)


def test_local_models_write_only_the_body_when_the_frame_comes_from_templates(settings, library):
    settings.local_frame_from_templates = True
    local = ScriptedModel(default=faithful, name="local", concurrent=False)
    result = Pipeline(settings, library, local).run(REQUEST)
    body = [s for s in result.sections if s.facts]
    assert all(s.provider == "local" for s in body)
    assert all(s.provider == "template" and not s.fallback for s in result.sections if not s.facts)
    assert len(local.calls) == len(body)
    remote = ScriptedModel(default=faithful, name="remote", concurrent=True)
    result = Pipeline(settings, library, remote).run(REQUEST)
    assert all(s.provider == "remote" for s in result.sections)


def test_the_model_gets_its_section_facts_and_references_and_nothing_else(settings, library):
    model = EchoModel(name="echo")
    pipeline = Pipeline(settings, library, model)
    plan = pipeline.plan(REQUEST)
    pipeline.run(REQUEST)
    by_facts = {tuple(REQUEST.facts[i - 1] for i in s.fact_lines): s for s in plan.body()}
    prompts = [p for p in section_calls(model) if "工作事实" in p]
    assert len(prompts) == len(by_facts)
    for prompt in prompts:
        given = tuple(text for _, text in lines_of(prompt))
        section = by_facts[given]
        assert [n for n, _ in lines_of(prompt)] == [str(i) for i in range(1, len(given) + 1)]
        assert all(fact not in prompt for fact in REQUEST.facts if fact not in given)
        assert 1 <= len(section.references) <= 3 and prompt.count("〔参考") == len(section.references)
        assert all(ref.text in prompt for ref in section.references)
        assert "基层分会活动开展不够均衡" not in prompt  # problems go to their own section only
        assert "定性描述" not in prompt and "成效" not in prompt.split("下列")[-1]  # no invitation to add content
    system = model.calls[0][0]
    assert system["role"] == "system" and "不添加" in system["content"]


def test_references_come_only_from_pinned_examples(settings, library):
    pinned = library.list_examples()[0].id
    request = REQUEST.model_copy(update={"pinned_examples": [pinned]})
    plan = Pipeline(settings, library, EchoModel()).plan(request)
    roles = {c.role for c in library.example_chunks(pinned)}
    covered = [s for s in plan.sections if s.role in roles]
    assert any(s.role == "body" for s in covered)
    for section in covered:  # roles the pinned example lacks may borrow from others
        assert section.references and all(h.example_id == pinned for h in section.references)


def test_a_wrong_number_costs_one_short_call_for_that_sentence_only(settings, library):
    def sloppy(messages):
        return faithful(messages).replace("86户", "68户") if not ALONE.search(user_prompt(messages)) else \
            faithful(messages)

    model = ScriptedModel(default=sloppy, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    assert alone_calls(model) == [REQUEST.facts[2]]  # only fact 3, alone
    section = section_of(result, 3)
    assert section.provider == "fake" and not section.fallback and section.attempts == 2
    assert rewrite(REQUEST.facts[2]) in section.text and "68户" not in section.text
    assert any("已单独重写" in r and "数字" in r for r in section.repairs)
    short = model.options[[i for i, c in enumerate(model.calls) if ALONE.search(user_prompt(c))][0]]["max_tokens"]
    assert short < min(o["max_tokens"] for c, o in zip(model.calls, model.options) if lines_of(user_prompt(c))
                       and not ALONE.search(user_prompt(c)))
    assert result.check.ok and len(model.calls) == len(result.sections) + 1


def test_a_sentence_that_fails_twice_becomes_the_facts_template_sentence(settings, library):
    model = ScriptedModel(default=lambda m: faithful(m).replace("126人", "216人"), name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    section = section_of(result, 1)
    assert "216人" not in section.text and "全年新发展会员126人，会员总数达到1842人。" in section.text
    assert section.provider == "fake" and not section.fallback  # the other sentences stay the model's
    assert section.text.count("126人") == 1  # replaced in place, not appended
    assert any("改用原事实句" in r for r in section.repairs)
    assert alone_calls(model) == [REQUEST.facts[0]] and result.check.ok


@pytest.mark.parametrize("junk", [
    "上一稿存在以下问题，这次务必改正：漏了第5条事实",  # prompt text
    "### 走访慰问困难职工86户，发放慰问金12.6万元 | --- |",  # Markdown
    "Sure, here is the sentence: 走访慰问困难职工86户，发放慰问金12.6万元",  # Latin chatter
    "（一）走访慰问困难职工86户，发放慰问金12.6万元",  # a list mark inside prose
    "走访慰问困难职工和困难职工86户，发放慰问金12.6万元",  # a stutter
    "走访慰问困难职工86户，发放慰问金12.6万元，我们还定期开展职工培训，通过制定和完善工会章程、财务制度等一系列制度，"
    "使工会工作更加规范，职工满意度大幅提升，受到上级工会的充分肯定和职工群众的一致好评",  # padding
])
def test_a_sentence_with_an_artifact_is_written_again_alone(settings, library, junk):
    def messy(messages):
        text = faithful(messages)
        if ALONE.search(user_prompt(messages)):
            return text
        return re.sub(r"^(\d+)\. .*86户.*$", lambda m: f"{m.group(1)}. {junk}。", text, flags=re.M)

    model = ScriptedModel(default=messy, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    assert alone_calls(model) == [REQUEST.facts[2]]
    assert junk not in result.text and rewrite(REQUEST.facts[2]) in result.text
    assert not draft_defects(result.text, REQUEST.facts)


def test_a_reply_without_line_numbers_is_matched_by_its_numbers(settings, library):
    def plain(messages):
        text = faithful(messages)
        return re.sub(r"^\d+\. ", "", text, flags=re.M).replace("\n", "")

    model = ScriptedModel(default=plain, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    assert result.check.ok
    assert alone_calls(model) == REQUEST.problems  # the only line without a number to find it by
    for line, fact in enumerate(REQUEST.facts[:4], start=1):
        assert rewrite(fact) in section_of(result, line).text


def test_a_section_never_opens_with_a_connective_and_leads_are_not_repeated(settings, library):
    def connective(messages):
        text = faithful(messages)
        return re.sub(r"^概括：.+$", "概括：同时，工会扎实推进各项工作。", text, flags=re.M)

    result = Pipeline(settings, library, ScriptedModel(default=connective, name="fake")).run(REQUEST)
    body = [s for s in result.sections if s.facts]
    assert all(not s.text.startswith(("同时", "此外", "另外")) for s in result.sections)
    assert len({s.text.split("。")[0] for s in body}) == len(body)  # the repeated lead gave way to the template's
    assert not [d for d in draft_defects(result.text, REQUEST.facts) if d.kind in ("opener", "duplicate")]


def test_the_summary_written_last_leads_the_section_and_what_follows_it_is_unused(settings, library):
    def summing_up(messages):
        text = faithful(messages)
        return text + "3. 工会还组织了职工读书会。\n" if "概括" in text else text

    model = ScriptedModel(default=summing_up, name="fake", piece_chars=4)
    result = Pipeline(settings, library, model).run(REQUEST)
    section = section_of(result, 1)
    lead = re.search(r"“(.+?)”部分", section_calls(model)[0]).group(1).split("，")[0]
    assert section.text.startswith(f"工会认真做好{lead}工作。")
    assert "读书会" not in result.text and not alone_calls(model)  # streaming stopped after the 概括 line


def test_a_lead_that_restates_its_fact_gives_way_to_the_templates(settings, library):
    restating = section_replies(
        lambda text, lines: re.sub(r"概括：.+", f"概括：工会{re.sub(r'[0-9.]+', '', lines[0][1])[:14]}。", text))
    result = Pipeline(settings, library, ScriptedModel(default=restating, name="fake")).run(REQUEST)
    opening = section_of(result, 3).text.split("。")[0]
    assert not opening.startswith("工会春节期间走访慰问困难职工")  # the template's lead, not the restatement
    assert result.check.ok


def test_a_lead_copying_a_whole_phrase_of_its_fact_gives_way_to_the_templates(settings, library):
    def phrase(lines):
        return re.sub(r"[0-9.]+", "", lines[0][1])[:11]

    copying = section_replies(lambda text, lines: re.sub(  # the copied phrase is less than half of the lead
        r"概括：.+", f"概括：工会坚持深入基层，{phrase(lines)}，确保组织的关怀及时送到广大职工身边。", text))
    result = Pipeline(settings, library, ScriptedModel(default=copying, name="fake")).run(REQUEST)
    opening = section_of(result, 3).text.split("。")[0]
    assert not opening.startswith("工会坚持深入基层")  # the template's lead, not the one saying the fact twice
    assert result.check.ok


def test_a_lead_restating_its_facts_by_what_means_keeps_its_last_clause(settings, library):
    def by_means(text, lines):  # "工会通过<a fact's whole first clause>，<what came of it>。": the fact said twice
        clauses = [re.split(r"[0-9，]", line)[0] for _, line in lines]
        long = [c for c in clauses if len(c) >= 10]
        return re.sub(r"概括：.+", f"概括：工会通过{long[0]}，使{long[0][-4:]}工作取得了新成效。", text) if long else text

    result = Pipeline(settings, library, ScriptedModel(default=section_replies(by_means), name="fake")).run(REQUEST)
    openings = [s.text.split("。")[0] for s in result.sections if s.facts]
    kept = [o for o in openings if o.startswith("工会使") and o.endswith("工作取得了新成效")]
    assert kept and len(set(kept)) == len(kept)  # the model's own words, each once
    assert not any(o.startswith("工会通过") for o in openings)  # and no fact is said twice
    assert result.check.ok


def test_a_lead_naming_nothing_of_its_section_gives_way_to_the_templates(settings, library):
    empty = section_replies(lambda text, lines: re.sub(r"概括：.+", "概括：工会体现了工会的关心和爱心。", text))
    result = Pipeline(settings, library, ScriptedModel(default=empty, name="fake")).run(REQUEST)
    assert "关心和爱心" not in result.text and result.check.ok
    effect = section_replies(lambda text, lines: re.sub(r"概括：.+", "概括：工会增强了职工的医德医术意识和团队精神。", text))
    result = Pipeline(settings, library, ScriptedModel(default=effect, name="fake")).run(REQUEST)
    assert "医德医术" not in result.text


def test_the_plans_lead_is_anchored_by_the_year_ahead(settings, library):
    """A lead of 下一步工作打算 introduces the plans and names none of their work: naming the year ahead anchors it
    (leads.unanchored); over a body section the same line names nothing of it and gives way."""
    intro = section_replies(lambda text, lines: re.sub(r"概括：.+", "概括：展望来年，工会将一如既往地努力奋斗。", text))
    result = Pipeline(settings, library, ScriptedModel(default=intro, name="fake")).run(REQUEST)
    plans = [s for s in result.sections if "打算" in s.heading]
    assert plans and plans[0].text.startswith("展望来年，工会将一如既往地努力奋斗。")
    assert not any("展望来年" in s.text for s in result.sections if s.facts)
    assert result.check.ok


def test_a_reply_going_past_its_last_line_is_cut_there(settings, library):
    rambling = section_replies(lambda text, lines: re.sub(
        r"概括：.+\n", f"{len(lines) + 1}. 按序号逐条改写，每条一行。\n{len(lines) + 2}. 确定竞赛标准，制定竞赛规则。\n", text))

    model = ScriptedModel(default=rambling, name="fake", piece_chars=2)
    result = Pipeline(settings, library, model).run(REQUEST)
    assert result.check.ok and "按序号" not in result.text and "竞赛标准" not in result.text
    clean = Pipeline(settings, library, ScriptedModel(default=faithful, name="fake")).run(REQUEST)
    # the stream stopped as the extra line began (the clean reply's 概括 line is longer than "6. ")
    assert result.usage.completion_tokens < clean.usage.completion_tokens


def test_a_long_or_unfinished_summary_is_cut_and_no_lead(settings, library):
    def long_winded(messages):
        return re.sub(r"概括：.+", "概括：工会认真做好各项工作，" + "团结带领广大职工" * 8, faithful(messages))

    def unfinished(messages):
        return re.sub(r"概括：.+\n", "概括：工会认真做好各项", faithful(messages))

    written = {}
    for behaviour in (long_winded, unfinished):
        model = ScriptedModel(default=behaviour, name="fake", piece_chars=2)
        result = Pipeline(settings, library, model).run(REQUEST)
        assert result.check.ok and "认真做好各项" not in result.text  # the template's lead instead
        written[behaviour] = result.usage.completion_tokens
    calls = len(section_calls(model))  # body, 存在的不足 and 下一步工作打算 each end with a 概括 line
    # the 75-character 概括 line was cut just past the 44 a lead may have: 37 characters (22 tokens) longer than
    # the unfinished one a section, where whole it would be 67 (40 tokens)
    assert written[long_winded] - written[unfinished] <= calls * 23


def test_a_lead_in_the_old_place_or_none_at_all_still_gives_a_section(settings, library):
    def first(messages):
        text = faithful(messages)
        return re.sub(r"^(.*)\n概括：(.+)$", r"0. \2\n\1", text.rstrip("\n"), flags=re.S)

    def none(messages):
        return re.sub(r"\n概括：.+$", "", faithful(messages).rstrip("\n"))

    led = Pipeline(settings, library, ScriptedModel(default=first, name="fake")).run(REQUEST)
    assert section_of(led, 1).text.startswith("工会认真做好")
    bare = Pipeline(settings, library, ScriptedModel(default=none, name="fake")).run(REQUEST)
    assert bare.check.ok and "工会认真做好" not in bare.text  # the template's lead instead


def test_provider_error_midway_falls_back_with_the_reason(settings, library):
    model = ScriptedModel([faithful, faithful, ProviderError("连接被拒绝（已重试3次）")], default=faithful, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    failed = result.sections[2]
    assert failed.fallback and failed.provider == "template" and "连接被拒绝" in failed.fallback_reason
    assert all(not s.fallback for i, s in enumerate(result.sections) if i != 2)
    assert result.provider == "fake" and result.check.ok
    assert any(failed.heading in w for w in result.warnings)


def test_every_call_failing_still_gives_a_draft(settings, library):
    model = ScriptedModel(default=ProviderError("服务器返回 503"), name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    assert result.check.ok and result.provider == "template"
    assert all(s.fallback and "503" in s.fallback_reason for s in result.sections)


def test_a_frame_paragraph_with_numbers_or_chatter_becomes_the_template(settings, library):
    def chatty(messages):
        if lines_of(user_prompt(messages)) or ALONE.search(user_prompt(messages)):
            return faithful(messages)
        return "好的，以下是开头段落：\n全年共开展活动120次，职工满意率达到99%。"

    result = Pipeline(settings, library, ScriptedModel(default=chatty, name="fake")).run(REQUEST)
    assert "120次" not in result.text and "以下是" not in result.text and result.check.ok
    frames = [result.sections[0], result.sections[-1]]
    assert all(s.provider == "template" and s.repairs for s in frames)


def test_a_number_from_another_section_is_not_supported_here(settings, library):
    def borrowing(messages):
        text = faithful(messages)
        return text.replace("1842人。", "1842人，参赛职工达到312人次。") if not ALONE.search(user_prompt(messages)) else text

    model = ScriptedModel(default=borrowing, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    section = section_of(result, 1)
    assert "312人次" not in section.text and section.check.ok and alone_calls(model) == [REQUEST.facts[0]]


def test_copying_a_reference_is_repaired_sentence_by_sentence(settings, library):
    copied = []

    def copier(messages):
        prompt = user_prompt(messages)
        text = faithful(messages)
        refs = re.findall(r"〔参考\d+〕(.+)", prompt)
        longest = max(refs, key=len) if refs else ""
        if len(longest) >= 40 and not ALONE.search(prompt):
            copied.append(longest[:40])
            return re.sub(r"^1\. (.+)。$", lambda m: f"1. {m.group(1)}，{longest[:40]}。", text, count=1, flags=re.M)
        return text

    model = ScriptedModel(default=copier, name="fake")
    result = Pipeline(settings, library, model).run(REQUEST)
    assert copied and all(snippet not in result.text for snippet in copied)
    assert any("照抄参考" in r for s in result.sections for r in s.repairs)


def test_remote_models_write_sections_concurrently_within_the_bound(settings, library):
    settings.write_concurrency = 2
    lock = threading.Lock()
    state = {"active": 0, "peak": 0}
    two_in = threading.Event()  # set once two calls are in at the same time; until then a call waits (20 s at most)

    def slow(messages):
        with lock:
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
            if state["active"] == 2:
                two_in.set()
        two_in.wait(20)  # one call at a time: every call waits out the 20 s and the peak stays 1
        with lock:
            state["active"] -= 1
        return faithful(messages)

    model = ScriptedModel(default=slow, name="remote", concurrent=True)
    events = list(Pipeline(settings, library, model).events(REQUEST))
    assert state["peak"] == 2
    result = events[-1].data["result"]
    assert result["check"]["ok"]
    assert [s["heading"] for s in result["sections"]] == [s["heading"] for s in events[0].data["sections"]]


def test_token_events_stream_the_replies(settings, library):
    model = ScriptedModel(default=faithful, name="fake", piece_chars=3)
    events = list(Pipeline(settings, library, model).events(REQUEST))
    done = events[-1].data["result"]
    for index, section in enumerate(done["sections"]):
        pieces = "".join(e.data["text"] for e in events if e.type == "token" and e.data["index"] == index)
        for sentence in section["text"].split("。")[1:-1]:
            assert sentence in pieces


def test_token_caps_follow_the_facts(settings, library):
    model = ScriptedModel(default=faithful, name="fake")
    care = ["春节期间走访慰问困难职工86户，发放慰问金12.6万元", "开展金秋助学活动，资助职工子女23名",
            "帮扶大病职工5人，发放救助金2.5万元", "举办职工篮球赛等文体活动9场"]
    Pipeline(settings, library, model).run(REQUEST.model_copy(update={"facts": care}))
    sizes = {len(lines_of(user_prompt(c))): o["max_tokens"] for c, o in zip(model.calls, model.options)
             if lines_of(user_prompt(c))}
    counts = sorted(sizes)
    assert len(counts) >= 2 and sizes[counts[0]] < sizes[counts[-1]]
    assert all(cap < 60 + 70 * n for n, cap in sizes.items())


def test_tokens_read_and_written_are_reported_with_repairs(settings, library):
    clean = ScriptedModel(default=faithful, name="fake")
    result = Pipeline(settings, library, clean).run(REQUEST)
    usage = result.usage
    assert usage.calls == len(clean.calls) and usage.prompt_tokens > 0
    assert usage.kept_tokens <= usage.completion_tokens <= 1.3 * usage.kept_tokens
    assert usage.completion_tokens == sum(s.usage.completion_tokens for s in result.sections)
    sloppy = ScriptedModel(default=lambda m: faithful(m).replace("86户", "68户"), name="fake")
    worse = Pipeline(settings, library, sloppy).run(REQUEST).usage
    assert worse.calls == usage.calls + 1 and worse.completion_tokens > usage.completion_tokens


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


def test_a_call_stops_once_the_last_line_asked_for_is_complete(settings, library):
    chatter = "\n以上是按要求改写的内容，每条都保留了原有数字，希望对您的工作总结有所帮助。" * 5

    def talkative(messages):
        return faithful(messages) + chatter

    model = ScriptedModel(default=talkative, name="fake", piece_chars=2)
    result = Pipeline(settings, library, model).run(REQUEST)
    assert "希望" not in result.text and result.check.ok
    body = [s for s in result.sections if s.facts]
    assert all(s.usage.completion_tokens <= 1.3 * s.usage.kept_tokens for s in body)


def test_a_section_replaced_at_the_whole_draft_check_keeps_its_tokens_counted(settings, library):
    from drafter.pipeline.assemble import final_check
    from drafter.pipeline.verify import verification_inputs
    from drafter.pipeline.writer import SectionWriter

    model = ScriptedModel(default=faithful, name="fake")
    pipeline = Pipeline(settings, library, model)
    result = pipeline.run(REQUEST)
    plan = pipeline.plan(REQUEST)
    facts, context = verification_inputs(REQUEST, settings)
    writer = SectionWriter(settings, model, REQUEST, plan, context)
    sections = list(result.sections)
    spent = sum(s.usage.completion_tokens for s in sections)
    facts[2] = facts[2].replace("86户", "68户")  # the whole check now disagrees with what the section said
    _, check = final_check(writer, plan, sections, facts, context)
    replaced = [s for s in sections if s.fallback]
    assert replaced and all(s.provider == "template" and s.usage.calls == 1 for s in replaced)
    assert sum(s.usage.completion_tokens for s in sections) == spent


def test_a_lead_crediting_other_work_with_a_facts_honour_gives_way(settings, library):
    """Session 22's local lead 工会通过加强学习教育和自身建设，…，为法院争了光。 credited other work with a fact's honour
    (由于领导重视，工会组织得力，…为我市法院争了光), every word of it the facts': the lead is checked against its section's
    facts, and an honour said of work its fact does not credit is a claim there (numcheck/attributed.py)."""
    request = DraftRequest(org="某法院机关工会", period="2025年", kind="年度总结", facts=[
        "组织参加市直机关第22届运动会", "组织全院干警开展五次登山活动",
        "在市政法系统文艺调演中，我院节目获一等奖，为我市法院争了光"])
    crediting = section_replies(lambda text, lines: re.sub(r"概括：.+", "概括：工会通过组织职工登山，为法院争了光。", text))
    result = Pipeline(settings, library, ScriptedModel(default=crediting, name="fake")).run(request)
    assert "登山，为法院争了光" not in result.text
    assert result.check.ok and not result.check.claims
