"""The item judge with the real local model (issue 19 item 5, session 19): a reworded number item the rules flag
passes, a changed one stays a mismatch, and the call lands in the trace as step "judge". Both pairs are from
tests/data/item_pairs19.json (hp10 scored +2.3 on 2026-12-07 and h18-12-object0 −0.2 on 2026-12-06, margin 1.2;
h4-14-f1, used before, is passed by the rules since session 27: 案件 said by the unit 件, numcheck.measurenoun).
Skips only when the model is not installed and CI is unset (as tests/test_claim_judge_slow.py)."""

from __future__ import annotations

import pytest

from drafter.numcheck import check, load_lexicon
from drafter.pipeline.judging import Judge, MemoryCache
from drafter.providers.trace_log import TraceLog
from drafter.providers.traced import traced
from tests.test_claim_judge_slow import model  # noqa: F401 - the module's fixture

pytestmark = pytest.mark.slow
LEX = load_lexicon()


def test_a_reworded_item_passes_and_the_call_is_traced(model, tmp_path):  # noqa: F811
    facts, text = ["举办职工文艺汇演3场"], "举办职工文艺演出3场。"
    result = check(facts, text, lexicon=LEX)
    assert [h.status for h in result.numbers] == ["mismatch"]  # the rules: 少了'汇演'
    log = TraceLog(tmp_path)
    judged = Judge(traced(model, log, "run-1"), MemoryCache()).review(facts, [], text, result, LEX)
    (hit,) = judged.numbers
    assert hit.status == "supported" and hit.judge.score >= 1.2 and "模型复核：两处说的是同一件事" in hit.note
    log.flush()
    (call,) = log.for_run("run-1")
    assert call.step == "judge" and "文稿：举办职工文艺演出3场" in call.messages[-1]["content"]


def test_a_changed_item_stays_a_mismatch(model):  # noqa: F811
    facts, text = ["组织有限空间作业应急演练6次"], "组织高空作业应急演练6次。"
    result = check(facts, text, lexicon=LEX)
    judge = Judge(model, MemoryCache())
    judged = judge.review(facts, [], text, result, LEX)
    assert judge.calls and [h.status for h in judged.numbers] == ["mismatch"]
    assert judged.numbers[0].judge.verdict == "unsupported" and not judged.ok
