"""The pipeline with the real local model (Qwen2.5-Coder-1.5B GGUF, installed by `drafter model install`).

Marked slow; CI runs them. Every bench request is drafted once: the hard guarantees hold on each draft (no
artifacts, no numbering defects, no claims, every fact present, every number proven)."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.cli.draft_cmds import read_request
from drafter.models import DraftRequest
from drafter.pipeline import Pipeline
from drafter.pipeline.defects import draft_defects
from model_support import loaded_model

pytestmark = pytest.mark.slow

REQUESTS = sorted((Path(__file__).resolve().parent.parent / "bench" / "requests").iterdir())


@pytest.fixture(scope="module")
def local_model():
    return loaded_model()


def assert_hard_guarantees(request: DraftRequest, result) -> None:
    assert result.check.ok and not result.check.missing, result.check
    assert not result.check.claims, [(c.kind, c.text, c.note) for c in result.check.claims]
    defects = draft_defects(result.text, request.facts)
    assert not [d for d in defects if d.kind in ("artifact", "numbering", "raw_fact", "opener")], defects
    body = [s for s in result.sections if s.facts]
    assert sorted(line for s in body for line in s.facts) == list(range(1, len(request.facts) + 1))
    for section in result.sections:
        assert section.text.strip() and (section.fallback or section.check.ok)


@pytest.mark.parametrize("path", REQUESTS, ids=lambda p: p.stem)
def test_bench_request_local_draft_keeps_the_hard_guarantees(path, settings, library, local_model):
    request = read_request(path)
    result = Pipeline(settings, library, local_model).run(request)
    assert_hard_guarantees(request, result)
    assert result.provider == "local" and any(s.provider == "local" for s in result.sections if s.facts)
    assert result.usage.calls >= len([s for s in result.sections if s.facts])
    assert 0 < result.usage.kept_tokens <= result.usage.completion_tokens


def _placeholder_example(library) -> str:
    """The sample whose body sections hold the most template placeholders (xx, 20__年 …)."""
    counts = {}
    for example in library.list_examples():
        counts[example.id] = sum(len(c.placeholders) for c in library.example_chunks(example.id) if c.role == "body")
    best = max(counts, key=counts.get)
    assert counts[best] >= 5
    return best


def test_placeholder_references_leave_no_placeholder(settings, library, local_model):
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
    assert_hard_guarantees(request, result)
    assert not any(n.status == "placeholder" for n in result.check.numbers)
