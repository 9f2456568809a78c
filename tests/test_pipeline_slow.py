"""The pipeline with the real local model (Qwen2.5-Coder-1.5B GGUF, installed by `drafter model install`).

Marked slow; CI runs them. Each drafts a small request, so the pair takes a few minutes on 2 cores."""

from __future__ import annotations

import os

import pytest

from drafter.models import DraftRequest
from drafter.pipeline import Pipeline
from drafter.settings import Settings

pytestmark = pytest.mark.slow

MODEL_PATH = Settings(_env_file=None).local_model_path.resolve()  # where `drafter model install` put it


@pytest.fixture(scope="module")
def local_model():
    pytest.importorskip("llama_cpp")
    if not MODEL_PATH.is_file():
        assert os.environ.get("CI") != "true", f"CI must install the local model first: {MODEL_PATH}"
        pytest.skip(f"local model not installed at {MODEL_PATH} (run drafter model install)")
    from drafter.providers.local import LocalModel

    model = LocalModel(MODEL_PATH, n_ctx=4096)
    model.load()
    return model


def test_full_draft_with_the_local_model_passes_the_check(settings, library, local_model):
    settings.max_repair_attempts = 1
    request = DraftRequest(org="滨海新区第二人民医院工会", period="2025年3月", kind="月度总结", length="short",
                           facts=["3月8日举办三八妇女节座谈会，62名女职工代表参加",
                                  "组织女职工“两癌”免费筛查，共筛查女职工347人",
                                  "慰问一线护理人员及困难职工15人，发放慰问品价值1.2万元"],
                           problems=["部分科室职工参加活动时间难以保证"])
    result = Pipeline(settings, library, local_model).run(request)
    assert result.check.ok, result.check
    assert result.provider == "local"
    assert any(s.provider == "local" and not s.fallback for s in result.sections)
    for section in result.sections:
        assert section.text.strip()
        assert section.fallback or section.check.ok
    assert "347人" in result.text and "1.2万元" in result.text
    assert result.sources


def _placeholder_example(library) -> str:
    """The sample whose body sections hold the most template placeholders (xx, 20__年 …)."""
    counts = {}
    for example in library.list_examples():
        counts[example.id] = sum(len(c.placeholders) for c in library.example_chunks(example.id) if c.role == "body")
    best = max(counts, key=counts.get)
    assert counts[best] >= 5
    return best


def test_placeholder_references_provoke_a_real_repair(settings, library, local_model):
    settings.max_repair_attempts = 1
    settings.references_per_section = settings.local_references_per_section = 3
    pinned = _placeholder_example(library)
    facts = ["全年组织职工参加技能培训和岗位练兵活动，培训职工420人次", "开展劳动竞赛，参赛班组36个",
             "走访慰问困难职工28户，发放慰问金5.6万元", "召开职工代表大会，收集职工提案19件"]
    request = DraftRequest(org="江北机床厂工会", period="2025年", kind="年度总结", length="short", facts=facts,
                           pinned_examples=[pinned])
    pipeline = Pipeline(settings, library, local_model)
    plan = pipeline.plan(request)
    refs = [h for s in plan.sections if s.role == "body" for h in s.references]
    assert refs and all(h.example_id == pinned for h in refs) and any(h.placeholders for h in refs)
    result = pipeline.run(request)
    body = [s for s in result.sections if s.facts]
    assert any(s.attempts > 1 or s.fallback or s.repairs for s in body), [s.text for s in body]
    assert result.check.ok
    assert not any(n.status == "placeholder" for n in result.check.numbers)
