"""The claim judge with the real local model (issue 19, item 5): a faithful paraphrase the rules flag is cleared,
a planted invention the rules leave undecided is not, and the calls land in the trace as step "judge".

Skips only when the model is not installed and CI is unset (as tests/test_providers_slow.py); in CI the model is
installed first. DRAFTER_LOCAL_MODEL names another GGUF file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from drafter.numcheck import check, load_lexicon
from drafter.pipeline.judging import Judge, MemoryCache
from drafter.providers.local import LocalModel
from drafter.providers.trace_log import TraceLog
from drafter.providers.traced import traced
from drafter.settings import DEFAULT_MODEL_FILE, PROJECT_ROOT, Settings
from tests.strong_set import load

pytestmark = pytest.mark.slow
LEX = load_lexicon()
PARAPHRASE = (["组织女职工参加健康体检"], "工会关心女职工身心健康，组织她们接受专业检查。")
# This 1.5B model leans to 是: the paraphrase scored +2.4 to +2.6 in runs on 2026-12-05 (thread counts differ),
# the two inventions below +1.0 to +2.1. The tests show the mechanism at margin 2.0; the shipped margin (2.5) stays
# above every invention of the strong set and so clears this paraphrase only on a good day (docs/check_rules.md).
MARGIN = 2.0


@pytest.fixture(scope="module")
def model() -> LocalModel:
    path = os.environ.get("DRAFTER_LOCAL_MODEL")
    if not path:
        settings = Settings(data_dir=Path(os.environ.get("DRAFTER_DATA_DIR") or PROJECT_ROOT / ".drafter"),
                            _env_file=None)
        if not (settings.models_dir / DEFAULT_MODEL_FILE).exists() and os.environ.get("CI", "") in ("", "0", "false"):
            pytest.skip("本地模型未安装（drafter model install）")
        from drafter.providers.install import install_model

        path = install_model(settings)
    return LocalModel(Path(path), n_ctx=2048)


def test_a_faithful_paraphrase_the_rules_flag_is_cleared(model, tmp_path):
    facts, text = PARAPHRASE
    result = check(facts, text, lexicon=LEX)
    assert result.claims and not result.faithful  # the rules alone: 活动"检查"事实中没有
    log = TraceLog(tmp_path)
    judged = Judge(traced(model, log, "run-1"), MemoryCache(), MARGIN).review(facts, [], text, result, LEX)
    assert judged.faithful and judged.claims == [], [c.note for c in judged.claims]
    (cleared,) = judged.cleared
    assert cleared.judge.score >= MARGIN and "模型复核：事实支持这句话" in cleared.note
    log.flush()
    (call,) = log.for_run("run-1")
    assert call.step == "judge" and call.reply.startswith("是") and call.tokens_in


@pytest.mark.parametrize("pid", ["s25-activity1", "s39-activity0"])
def test_a_planted_invention_the_rules_leave_undecided_is_not_cleared(model, pid):
    p = next(p for p in load() if p.id == pid)
    result = check(p.facts, p.text, lexicon=LEX)
    judge = Judge(model, MemoryCache(), MARGIN)
    judged = judge.review(p.facts, [], p.text, result, LEX)
    assert judge.calls, "the invention's claim is undecided: the model is asked"
    s, e = p.span
    assert any(c.start < e and s < c.end and c.judge and c.judge.verdict == "unsupported" for c in judged.claims), \
        [c.note for c in judged.claims + judged.cleared]
    assert not judged.faithful


def test_the_facts_stay_cached_between_clauses_of_one_draft(model):
    facts = ["组织女职工参加健康体检", "举办“三八”妇女节插花活动，参加女职工80人"]
    judge = Judge(model, MemoryCache())
    judge.verdict(facts, [], "组织她们接受专业检查。", "组织她们接受专业检查。")
    judge.verdict(facts, [], "工会还为每位女职工赠送节日鲜花。", "工会还为每位女职工赠送节日鲜花。")
    first, second = judge.calls
    assert second.tokens_read < second.tokens_in / 2  # the system prompt and the facts were not read again
