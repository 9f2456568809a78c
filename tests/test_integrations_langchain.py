"""drafter.integrations.langchain composed with LangChain's own runnables: the example library as a retriever, the
check and drafting as Runnables; and the CLI never imports langchain."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from langchain_core.documents import Document
from langchain_core.runnables import RunnableLambda, RunnableParallel

from drafter.integrations.langchain import ExampleRetriever, check_runnable, draft_runnable
from drafter.models import CheckResult, DraftResult

REQUESTS = Path(__file__).resolve().parent.parent / "bench" / "requests"


def test_the_library_is_a_retriever_in_a_chain(service):
    facts = ["春节期间走访慰问困难职工86户", "发放慰问金12.6万元"]
    chain = RunnableLambda(lambda lines: "，".join(lines)) | ExampleRetriever(service=service, k=3)
    docs = chain.invoke(facts)
    assert 1 <= len(docs) <= 3 and all(isinstance(d, Document) and d.page_content for d in docs)
    assert {"title", "source", "heading", "score", "example_id"} <= set(docs[0].metadata)
    assert any("慰问" in d.page_content for d in docs)
    direct = service.search_examples("，".join(facts), k=3)
    assert [d.page_content for d in docs] == [h.text for h in direct]


def test_the_check_is_a_runnable_and_batches(service):
    facts = ["全年新发展会员126人"]
    to_input = RunnableLambda(lambda text: {"facts": facts, "text": text})
    chain = to_input | check_runnable(service)
    right, wrong = chain.batch(["全年共发展新会员126人。", "全年共发展新会员162人。"])
    assert isinstance(right, CheckResult) and right.ok
    assert not wrong.ok and any(h.status == "mismatch" for h in wrong.numbers)


def test_a_draft_chain_from_typed_text_to_checked_text(service):
    typed = (REQUESTS / "special_warmth_2024.txt").read_text(encoding="utf-8")
    draft = draft_runnable(service, provider="template")
    chain = draft | RunnableParallel(text=RunnableLambda(lambda r: r.text),
                                     recheck=RunnableLambda(lambda r: {"request": typed_request, "text": r.text})
                                     | check_runnable(service))
    typed_request = service.parse_request(typed, "text")
    out = chain.invoke(typed)
    assert out["text"].startswith("南湖纺织集团有限公司工会") and "9.6万元" in out["text"]
    assert out["recheck"].ok and out["recheck"].faithful
    assert isinstance(draft.invoke(typed_request.model_dump()), DraftResult)


def test_a_bad_request_is_the_services_chinese_error(service):
    import pytest

    from drafter.domain.errors import InvalidInput

    with pytest.raises(InvalidInput) as info:
        draft_runnable(service, provider="template").invoke({"org": "某工会", "period": "2025年", "facts": []})
    assert "至少需要一条事实" in str(info.value)


def test_the_cli_does_not_import_langchain():
    code = "import sys, drafter.cli; import drafter.cli.draft_cmds; print(any(m.startswith('langchain') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
