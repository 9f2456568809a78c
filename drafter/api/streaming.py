"""POST /v1/drafts?stream=true: the pipeline's events as Server-Sent Events; `done` carries the stored id."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator

import anyio
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import run_in_threadpool

from drafter.api.errors import STATUS_CODES
from drafter.domain.errors import DrafterError, InvalidInput
from drafter.models import DraftEvent, DraftRequest, DraftResult
from textkit.decoding import encodable

log = logging.getLogger("drafter.api")
_END = object()


def _next(events: Iterator[DraftEvent]):
    return next(events, _END)


def created_body(result: DraftResult, detail) -> dict:
    """The POST /v1/drafts answer: the draft result plus the stored draft's id and version."""
    return {**result.model_dump(mode="json"), "id": detail.id, "version": detail.latest_version}


async def _sse(service, request: DraftRequest, events: Iterator[DraftEvent], author) -> AsyncIterator[dict]:
    try:
        while (event := await run_in_threadpool(_next, events)) is not _END:
            data = event.model_dump(mode="json")["data"]
            if event.type == "done":
                result = DraftResult.model_validate(event.data["result"])
                detail = await run_in_threadpool(service.create_draft, request, result, author)
                data = {**data, "result": created_body(result, detail), "id": detail.id}
            yield {"event": event.type, "data": json.dumps(data, ensure_ascii=False)}
    except Exception as exc:  # mid-stream failures become an `error` event (the status line is already sent)
        log.exception("draft stream failed")
        code, message = STATUS_CODES[500]
        if isinstance(exc, DrafterError):  # a Chinese message meant for users; never internals
            code, message = ("validation_error" if isinstance(exc, InvalidInput) else "error"), str(exc)
        message = encodable(message)
        yield {"event": "error", "data": json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False)}
    finally:
        close = getattr(events, "close", None)
        if close is not None:  # gives the queue place back even when the client went away (cancelled task)
            with anyio.CancelScope(shield=True):
                await run_in_threadpool(close)


async def draft_stream(service, request: DraftRequest, provider: str | None, author) -> EventSourceResponse:
    """Start the stream; QueueFull / ProviderUnavailable are raised here, before any event (429 / 503)."""
    events = await run_in_threadpool(service.draft_events, request, provider, author)
    return EventSourceResponse(_sse(service, request, events, author), ping=15)
