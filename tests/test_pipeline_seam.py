"""Issue 20 item 7: the draft loop has one seam. The template provider is a writer strategy of its own, and a
model's writer extends it, so a model section that cannot be written, and the whole-draft check, fall back to the
very rendering the template provider drafts."""

from __future__ import annotations

import ast
from pathlib import Path

from drafter.cli.draft_cmds import read_request
from drafter.domain.errors import ProviderError
from drafter.pipeline import Pipeline
from drafter.pipeline.provider import ModelProvider, TemplateProvider, provider_for
from drafter.pipeline.writer import SectionWriter
from drafter.pipeline.writing import TemplateSections
from drafter.providers.fake import ScriptedModel

ROOT = Path(__file__).resolve().parent.parent
REQUEST = read_request(ROOT / "bench" / "requests" / "annual_2025.json")


def test_the_provider_picks_the_writer_once(settings):
    template, model = provider_for(None), provider_for(ScriptedModel(name="fake", concurrent=True))
    assert type(template) is TemplateProvider and template.name == "template" and not template.concurrent
    assert isinstance(model, ModelProvider) and model.name == "fake" and model.concurrent
    plan = Pipeline(settings, None, None).plan(REQUEST)
    assert type(template.writer(settings, REQUEST, plan, [])) is TemplateSections
    assert isinstance(model.writer(settings, REQUEST, plan, []), SectionWriter)


def test_a_model_that_always_fails_drafts_what_the_template_provider_drafts(settings, library):
    template = Pipeline(settings, library, None).run(REQUEST)
    failing = Pipeline(settings, library, ScriptedModel(default=ProviderError("连接被拒绝"), name="fake")).run(REQUEST)
    body = [s for s in failing.sections if s.facts]
    assert failing.provider == "template" and all(s.provider == "template" for s in failing.sections)
    assert body and all(s.fallback and "模型调用失败" in s.fallback_reason for s in body)
    assert [s.text for s in failing.sections] == [s.text for s in template.sections]
    assert failing.text == template.text and failing.check.ok


def test_no_branch_on_a_missing_model_in_the_loop():
    for name in ("runner.py", "writer.py", "assemble.py"):
        tree = ast.parse((ROOT / "drafter" / "pipeline" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
                names = [ast.unparse(part) for part in (node.left, *node.comparators)]
                assert not any(n.endswith("model") for n in names), f"{name}: {ast.unparse(node)}"
