"""The claim check's second stage (issue 19, item 5): which claims are undecided, the judge, its cache, its
prompt, its providers and its place in the service. Model answers are scripted here (unit tests of the judge's
logic); tests/test_claim_judge_slow.py asks the real local model."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from drafter.models import CheckResult
from drafter.numcheck import check, load_lexicon
from drafter.numcheck.factset import fact_set
from drafter.numcheck.undecided import undecided
from drafter.pipeline.judging import Judge, MemoryCache, cache_key, messages_for
from drafter.providers.base import ChatModel, ProviderError, YesNo
from drafter.providers.openai_compat import OpenAICompatModel
from tests.strong_set import load

LEX = load_lexicon()
CHECKUP = (["组织女职工参加健康体检"], "工会关心女职工身心健康，组织她们接受专业检查。")


class ScriptedJudge(ChatModel):
    """Answers yes_no from a table: clause substring -> score (0.0 when none matches); records the clauses."""

    name = "scripted"

    def __init__(self, scores: dict[str, float], fail: bool = False) -> None:
        self.scores, self.fail, self.asked = scores, fail, []

    def stream(self, messages, *, max_tokens=800, temperature=0.3):
        raise AssertionError("the judge asks yes_no only")

    def yes_no(self, messages) -> YesNo:
        content = messages[-1]["content"]  # a claim's question, or a number item's pair (文稿：its clause)
        clause = content.split("要核对的部分：" if "要核对的部分：" in content else "文稿：")[1].split("\n")[0]
        self.asked.append(clause)
        if self.fail:
            raise ProviderError("接口不可用")
        score = next((s for key, s in self.scores.items() if key in clause), 0.0)
        return YesNo(score=score, answer="是" if score > 0 else "否", tokens_in=100, tokens_read=20)


def asks(facts, text):
    result = check(facts, text, lexicon=LEX)
    return result, undecided(text, result, fact_set(facts, [], LEX).support, LEX.faith)


def test_a_claim_of_words_the_lexicon_does_not_know_is_undecided():
    result, found = asks(*CHECKUP)
    assert result.claims and [u.clause for u in found] == ["组织她们接受专业检查。"]
    assert found[0].sentence == CHECKUP[1]


@pytest.mark.parametrize("facts, text", [
    (["组织职工赴外地疗休养"], "组织职工赴杭州千岛湖疗休养。"),  # a place (marker 赴)
    (["举办职工乒乓球比赛"], "举办职工乒乓球比赛，邀请市乒协专家担任裁判。"),  # an actor (marker 邀请)
    (["开展“师带徒”活动，结成师徒对子36对"], "结成师徒对子36对，其中2对师徒被评为市级“金牌师徒”。"),  # an honour
    (["举办职工篮球赛"], "举办职工足球赛。"),  # a near miss of the facts' thing
])
def test_marker_roles_near_misses_and_numbers_stay_decided(facts, text):
    result, found = asks(facts, text)
    assert result.claims or any(h.status != "supported" for h in result.numbers)
    assert found == []


@pytest.mark.parametrize("pid", ["s09-object0", "s32-object1"])
def test_a_number_flag_the_rules_decided_is_never_overturned_nor_a_claim_in_its_clause_asked_about(pid):
    """s09-object0: 对象"农民工" beside 42名 put on 农民工子女 where the fact's item is 资助 (an item sharing nothing,
    no qualifier dropped); s32-object1: 860人次 on 一线班组长 where the fact trained 职工 (the fact's people replaced
    by others). Both are the rules' (drafter.numcheck.undecided.undecided_numbers). s05-f0 and s06-f0 were
    examples here until session 13's item rules passed their reworded items (新增藏书, 征集职工建议)."""
    p = next(p for p in load() if p.id == pid)
    result = check(p.facts, p.text, lexicon=LEX)
    assert any(h.status == "mismatch" for h in result.numbers)
    model = ScriptedJudge({"": 9.0})
    judged = Judge(model, MemoryCache()).review(p.facts, [], p.text, result, LEX)
    assert judged == result and model.asked == []


def test_an_item_mismatch_the_judge_does_not_confirm_keeps_its_clause_from_the_claim_judge():
    """高空作业 for 有限空间作业: the item is asked about (a paired question, drafter.pipeline.item_judging);
    answered 否 it stays a mismatch, and the claim in its clause (对象"高空作业") is not asked about."""
    facts, text = ["组织有限空间作业应急演练6次"], "组织高空作业应急演练6次。"
    result = check(facts, text, lexicon=LEX)
    model = ScriptedJudge({"高空作业": -3.0})
    judged = Judge(model, MemoryCache()).review(facts, [], text, result, LEX)
    assert [h.status for h in judged.numbers] == ["mismatch"] and judged.numbers[0].judge.verdict == "unsupported"
    assert model.asked == ["组织高空作业应急演练6次"] and judged.claims == result.claims and result.claims


def test_few_planted_inventions_reach_the_judge_and_a_yes_to_all_judge_clears_none_of_the_marker_roles():
    """Over the strong set: an always-是 judge can clear only the invented details whose every flag is
    undecided; those are few (measured: 6 of 121 at this commit: 4 extra activities, 2 objects) and never an actor, place, time or honour."""
    yes = ScriptedJudge({"": 9.0})
    cleared_kinds = []
    for p in load():
        if p.kind == "faithful":
            continue
        result = check(p.facts, p.text, lexicon=LEX)
        judged = Judge(yes, MemoryCache()).review(p.facts, [], p.text, result, LEX)
        s, e = p.span
        before = [c for c in result.claims if c.start < e and s < c.end] + \
                 [h for h in result.numbers if h.status != "supported" and h.start < e and s < h.end]
        after = [c for c in judged.claims if c.start < e and s < c.end] + \
                [h for h in judged.numbers if h.status != "supported" and h.start < e and s < h.end]
        if before and not after:
            cleared_kinds.append(p.kind)
    assert len(cleared_kinds) <= 6
    assert not {"place", "time", "honour"} & set(cleared_kinds)


def test_the_judge_clears_a_supported_claim_and_notes_its_verdict_and_score():
    facts, text = CHECKUP
    result = check(facts, text, lexicon=LEX)
    judged = Judge(ScriptedJudge({"专业检查": 3.2}), MemoryCache(), margin=2.5).review(facts, [], text, result, LEX)
    assert judged.claims == [] and judged.faithful
    (cleared,) = judged.cleared
    assert cleared.judge.verdict == "supported" and cleared.judge.score == 3.2
    assert "模型复核：事实支持这句话，得分 +3.2" in cleared.note


def test_a_claim_below_the_margin_stays_with_the_verdict_in_its_note():
    facts, text = CHECKUP
    result = check(facts, text, lexicon=LEX)
    judged = Judge(ScriptedJudge({"专业检查": 1.0}), MemoryCache(), margin=2.5).review(facts, [], text, result, LEX)
    (claim,) = judged.claims
    assert claim.judge.verdict == "unsupported" and "不能确认事实支持这句话，得分 +1.0" in claim.note
    assert not judged.faithful and judged.cleared == []


def test_verdicts_are_cached_by_facts_and_clause():
    facts, text = CHECKUP
    result = check(facts, text, lexicon=LEX)
    model, cache = ScriptedJudge({"专业检查": 3.0}), MemoryCache()
    Judge(model, cache).review(facts, [], text, result, LEX)
    again = Judge(model, cache).review(facts, [], text, result, LEX)
    assert len(model.asked) == 1 and again.cleared[0].judge.cached
    other_facts = ["组织女职工参加健康体检", "发放慰问品"]
    Judge(model, cache).review(other_facts, [], text, check(other_facts, text, lexicon=LEX), LEX)
    assert len(model.asked) == 2  # other facts: another key
    assert cache_key("m", facts, [], text, "a") != cache_key("m", facts, [], text, "b")
    assert cache_key("m", facts, [], text, "a") != cache_key("n", facts, [], text, "a")


def test_a_failing_model_leaves_the_rules_claim_standing():
    facts, text = CHECKUP
    result = check(facts, text, lexicon=LEX)
    judged = Judge(ScriptedJudge({}, fail=True), MemoryCache()).review(facts, [], text, result, LEX)
    assert judged == result


def test_the_prompt_puts_the_facts_first_so_clauses_of_one_draft_share_the_prefix():
    facts = ["组织女职工参加健康体检", "举办插花活动"]
    a = messages_for(facts, ["某公司工会"], "句一。", "句一")
    b = messages_for(facts, ["某公司工会"], "句二。", "句二")
    assert a[0] == b[0] and a[0]["role"] == "system"
    user_a, user_b = a[1]["content"], b[1]["content"]
    prefix = user_a[:user_a.index("文稿中的一句")]
    assert user_b.startswith(prefix) and "1. 组织女职工参加健康体检" in prefix and "某公司工会" in prefix
    assert user_a.index("要核对的部分：句一") > user_a.index("2. 举办插花活动")


class LogprobServer:
    """A real HTTP server answering /chat/completions with one token and top_logprobs (or none)."""

    def __init__(self, top: list[tuple[str, float]] | None, text: str = "是") -> None:
        self.top, self.text, self.bodies = top, text, []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                outer.bodies.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
                logprobs = None if outer.top is None else {"content": [{
                    "token": outer.top[0][0], "logprob": outer.top[0][1], "bytes": None,
                    "top_logprobs": [{"token": t, "logprob": lp, "bytes": None} for t, lp in outer.top]}]}
                body = json.dumps({"id": "x", "object": "chat.completion", "created": 0, "model": "m",
                                   "choices": [{"index": 0, "finish_reason": "length", "logprobs": logprobs,
                                                "message": {"role": "assistant", "content": outer.text}}],
                                   "usage": {"prompt_tokens": 57, "completion_tokens": 1, "total_tokens": 58}})
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_openai_compatible_judge_reads_the_logprobs_when_the_server_gives_them():
    with LogprobServer([("是", -0.2), ("否", -2.0), ("不", -3.5)]) as url:
        answer = OpenAICompatModel(url, "m", retries=0).yes_no(messages_for(["事实"], [], "句。", "句"))
    assert answer.how == "logprobs" and answer.score == pytest.approx(1.8) and answer.tokens_in == 57


def test_openai_compatible_judge_counts_a_missing_side_as_the_lowest_listed():
    with LogprobServer([("否", -0.1), ("不", -2.5)], text="否") as url:
        answer = OpenAICompatModel(url, "m", retries=0).yes_no(messages_for(["事实"], [], "句。", "句"))
    assert answer.score == pytest.approx(-2.4)


def test_openai_compatible_judge_falls_back_on_the_answer_text_and_asks_for_one_token():
    server = LogprobServer(None, text="否")
    with server as url:
        answer = OpenAICompatModel(url, "m", retries=0).yes_no(messages_for(["事实"], [], "句。", "句"))
    assert answer.how == "text" and answer.score < 0
    assert server.bodies[0]["max_tokens"] == 1 and server.bodies[0]["logprobs"] is True
    with LogprobServer(None, text="是") as url:
        answer = OpenAICompatModel(url, "m", retries=0).yes_no(messages_for(["事实"], [], "句。", "句"))
    assert answer.score > 0


def test_judgements_are_stored_in_the_drafts_store(tmp_path):
    from drafter.store import DraftStore

    store = DraftStore(f"sqlite:///{tmp_path / 'd.db'}")
    facts, text = CHECKUP
    model = ScriptedJudge({"专业检查": 3.0})
    Judge(model, store).review(facts, [], text, check(facts, text, lexicon=LEX), LEX)
    other = DraftStore(f"sqlite:///{tmp_path / 'd.db'}")  # another API machine on the same database
    judged = Judge(model, other).review(facts, [], text, check(facts, text, lexicon=LEX), LEX)
    assert len(model.asked) == 1 and judged.cleared[0].judge.cached


def test_the_service_judges_on_request_but_not_by_default(settings, monkeypatch):
    from drafter.service import DrafterService

    service = DrafterService(settings)
    model = ScriptedJudge({"专业检查": 3.0})
    monkeypatch.setattr(service, "judge_model", lambda: model)
    facts, text = CHECKUP
    assert service.check(facts, text).claims and model.asked == []  # as-you-type: rules only
    judged = service.check(facts, text, judge=True)
    assert judged.faithful and judged.cleared and model.asked == ["组织她们接受专业检查。"]
    off = DrafterService(settings.model_copy(update={"judge": "off"}))
    monkeypatch.setattr(off, "judge_model", lambda: model)
    assert off.check(facts, text, judge=True).claims and len(model.asked) == 1


def test_check_result_without_judge_fields_still_reads():
    doc = {"ok": True, "numbers": [], "claims": [{"start": 0, "end": 2, "text": "ab", "kind": "claim"}]}
    result = CheckResult.model_validate(doc)
    assert result.cleared == [] and result.claims[0].judge is None


def _request_and_result(service):
    from drafter.models import DraftRequest, DraftResult

    facts, text = CHECKUP
    request = DraftRequest(org="某公司工会", period="2025年", facts=facts)
    check_result = service.check_text(request, text)
    assert check_result.claims  # the rules alone flag the paraphrase
    return request, DraftResult(text=text, sections=[], check=check_result, provider="scripted", elapsed_s=0.1)


def test_a_generated_drafts_events_carry_the_judged_check(settings, monkeypatch):
    from drafter.models import DraftEvent
    from drafter.service import DrafterService

    service = DrafterService(settings)
    request, result = _request_and_result(service)
    model = ScriptedJudge({"专业检查": 3.0})
    events = [DraftEvent(type="check", data={"check": result.check.model_dump()}),
              DraftEvent(type="done", data={"result": result.model_dump()})]
    out = list(service.judged_events(request, iter(events), model))
    assert [e.type for e in out] == ["check", "done"]
    assert CheckResult.model_validate(out[0].data["check"]).faithful
    assert CheckResult.model_validate(out[1].data["result"]["check"]).cleared


def test_submit_and_approve_judge_the_latest_version(settings, monkeypatch):
    from drafter.service import DrafterService

    service = DrafterService(settings)
    request, result = _request_and_result(service)
    detail = service.create_draft(request, result, "起草人")
    assert not detail.latest.check.faithful
    model = ScriptedJudge({"专业检查": 3.0})
    monkeypatch.setattr(service, "judge_model", lambda: model)
    service.submit(detail.id, "起草人")
    stored = service.store.get_draft(detail.id).latest.check
    assert stored.faithful and stored.cleared[0].judge.verdict == "supported" and len(model.asked) == 1
    service.create_user("王主席", "password-wang", "reviewer")
    service.review(detail.id, "approve", "", "王主席")  # no override reason needed: the judged check passes
    assert service.store.get_draft(detail.id).status == "approved" and len(model.asked) == 1  # cached/judged


def test_the_page_applies_stored_verdicts_without_asking_the_model(settings, monkeypatch):
    """As the secretary types (or a reviewer reads) the page rechecks with rules and the verdicts judged before
    (generation, submit); no model call. A verdict follows today's margin."""
    from drafter.service import DrafterService

    service = DrafterService(settings.model_copy(update={"provider": "openai", "openai_base_url": "http://127.0.0.1:9",
                                                         "openai_model": "judge-model"}))
    request, result = _request_and_result(service)
    assert service.check_text(request, result.text, judged="cached").claims  # nothing judged yet, nothing asked
    model = ScriptedJudge({"专业检查": 3.0})
    model.model = "judge-model"  # cached under the configured model's name
    monkeypatch.setattr(service, "judge_model", lambda: model)
    assert service.check_text(request, result.text, judged="yes").faithful and len(model.asked) == 1
    monkeypatch.setattr(service, "judge_model", lambda: pytest.fail("the page never asks the model"))
    assert service.check_text(request, result.text, judged="cached").faithful
    assert service.check_text(request, result.text).claims  # rules only (the contract of check_text)
    strict = DrafterService(service.settings.model_copy(update={"judge_margin": 5.0}))
    assert strict.check_text(request, result.text, judged="cached").claims[0].judge.verdict == "unsupported"


def test_drafter_check_judge_reports_what_the_model_cleared(settings, monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from drafter.cli import app
    from drafter.service import DrafterService

    facts, text = CHECKUP
    (tmp_path / "f.txt").write_text("\n".join(facts), encoding="utf-8")
    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    model = ScriptedJudge({"专业检查": 3.0})
    monkeypatch.setattr(DrafterService, "judge_model", lambda self: model)
    args = ["check", "--facts", str(tmp_path / "f.txt"), str(tmp_path / "d.txt")]
    plain = CliRunner().invoke(app, args)
    assert "逐句核对未通过" in plain.stdout and model.asked == []
    judged = CliRunner().invoke(app, [*args, "--judge"])
    assert "逐句核对通过" in judged.stdout and "模型复核认为有事实依据" in judged.stdout and "得分 +3.0" in judged.stdout


def test_a_check_judged_again_keeps_one_verdict_per_claim():
    facts, text = CHECKUP
    model = ScriptedJudge({"专业检查": 1.0})
    once = Judge(model, MemoryCache()).review(facts, [], text, check(facts, text, lexicon=LEX), LEX)
    twice = Judge(model, MemoryCache()).review(facts, [], text, once, LEX)
    assert twice == once and len(model.asked) == 1 and once.claims[0].note.count("模型复核") == 1


class _Writer:
    """The three things final_check uses of a SectionWriter: the title, the lexicon and a template section."""

    lexicon = LEX

    class templates:  # noqa: N801 - stands in for SectionWriter.templates
        title = staticmethod(lambda: "某公司工会2025年工作总结")
        lead = staticmethod(lambda section: "")

    def __init__(self) -> None:
        self.replaced = []

    def template_result(self, section, attempts, reason, repairs, usage):
        from drafter.models import SectionResult

        self.replaced.append(section)
        return SectionResult(heading="一、关爱女职工", text="工会组织女职工参加健康体检。", provider="template",
                             check=CheckResult(ok=True))


@pytest.mark.parametrize("score, kept", [(3.0, True), (1.0, False)])
def test_the_final_check_asks_the_judge_before_a_section_is_replaced(score, kept):
    """The pipeline's hook (Pipeline(judge=…) → final_check): a claim the model clears costs its section nothing;
    one it does not clear sends the section to its template, as before."""
    from types import SimpleNamespace

    from drafter.models import SectionResult
    from drafter.pipeline.assemble import final_check

    facts, text = CHECKUP
    section = SectionResult(heading="一、关爱女职工", text=text, facts=[1], provider="scripted",
                            check=CheckResult(ok=True))
    model, writer = ScriptedJudge({"专业检查": score}), _Writer()
    judge = lambda f, c, t, r: Judge(model, MemoryCache()).review(f, c, t, r, LEX)  # noqa: E731
    plan = SimpleNamespace(sections=["plan-section"])
    sections = [section]
    out, result = final_check(writer, plan, sections, facts, ["某公司工会", "2025年"], judge)
    assert model.asked == ["组织她们接受专业检查。"]
    assert (text in out) is kept and bool(writer.replaced) is not kept
    assert result.faithful  # the cleared claim, or the template section
    assert bool(result.cleared) is kept


def test_v1_check_judges_only_when_asked(settings, monkeypatch):
    from fastapi.testclient import TestClient

    from drafter.api import create_app
    from drafter.service import DrafterService

    service = DrafterService(settings)
    model = ScriptedJudge({"专业检查": 3.0})
    monkeypatch.setattr(service, "judge_model", lambda: model)
    facts, text = CHECKUP
    with TestClient(create_app(service)) as client:
        plain = CheckResult.model_validate(client.post("/v1/check", json={"facts": facts, "draft": text}).json())
        judged = CheckResult.model_validate(
            client.post("/v1/check", json={"facts": facts, "draft": text, "judge": True}).json())
    assert plain.claims and not plain.cleared
    assert judged.faithful and judged.cleared[0].judge.score == 3.0 and len(model.asked) == 1


@pytest.mark.parametrize("clause", ["推动优质法律服务向困难职工身边", "用心用情服务困难职工和新就业形态劳动者",
                                    "配齐配强医疗、康复等设施", "困难职工的孩子们露出了灿烂的笑容"])
def test_a_claim_naming_no_role_is_left_to_the_judge(clause):
    """Even when the lexicon knows its new words (法律, 就业, 医疗): a wording that names no role is no verdict of
    the rules (undecided.py, rule 4b), whether it stays a claim (it names a thing: 设施) or is only to be read
    (CheckResult.unverified): the judge is asked about it either way."""
    facts, text = ["走访困难职工36户，发放慰问金5万元"], f"工会走访困难职工36户，发放慰问金5万元，{clause}。"
    result, found = asks(facts, text)
    unnamed = {("claims", k) for k, c in enumerate(result.claims) if c.note.startswith("这句话写了事实中没有的内容")}
    unnamed |= {("unverified", k) for k in range(len(result.unverified))}
    support = fact_set(facts, [], LEX).support
    asked = {("claims", u.index) for u in found}
    asked |= {("unverified", u.index) for u in undecided(text, result, support, LEX.faith, "unverified")}
    assert unnamed and asked >= unnamed
