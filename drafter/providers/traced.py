"""TracedModel: any ChatModel, with each call recorded in a TraceLog (drafter.providers.trace_log) for one drafting run.

The service wraps the model of every run, so local, openai and test models are all traced and no call site
changes. A call site names its pipeline step with `with model_step("repair"):` around the call, or
`model.complete(messages, step="repair")` (both from drafter.providers.base: they work whether or not the model
is traced; threads start at the default "write").
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from drafter.providers.base import ChatModel, Message, YesNo, current_step, model_step
from drafter.providers.trace_log import TraceCall, TraceLog

__all__ = ["TracedModel", "traced", "model_step", "current_step"]


class TracedModel(ChatModel):
    """Delegates to `inner`; records every call (messages, reply, error, time, step) under `run_id`."""

    def __init__(self, inner: ChatModel, log: TraceLog, run_id: str) -> None:
        self.inner = inner
        self.log = log
        self.run_id = run_id
        self.name = inner.name
        self.concurrent = inner.concurrent

    @property
    def model_label(self) -> str:
        """The model behind the provider: the GGUF file name or the endpoint's model name."""
        path = getattr(self.inner, "model_path", None)
        return str(getattr(self.inner, "model", None) or (path.name if path is not None else self.inner.name))

    def stream(self, messages: list[Message], *, max_tokens: int = 800, temperature: float = 0.3,
               step: str | None = None) -> Iterator[str]:
        step = step or current_step()
        started, wall = time.perf_counter(), time.time()
        pieces: list[str] = []
        error: str | None = None
        try:
            for piece in self.inner.stream(messages, max_tokens=max_tokens, temperature=temperature):
                pieces.append(piece)
                yield piece
        except GeneratorExit:  # the caller had what it asked for (the writer stops at the last line): no error
            raise
        except BaseException as exc:
            error = f"{type(exc).__name__}: {exc}"
            raise
        finally:
            self.log.record(TraceCall(
                run_id=self.run_id, step=step, provider=self.name, model=self.model_label,
                messages=[{"role": m["role"], "content": m["content"]} for m in messages], reply="".join(pieces),
                error=error, max_tokens=max_tokens, temperature=temperature, started_at=wall,
                elapsed_s=round(time.perf_counter() - started, 3)), self._counter())

    def prepare(self, messages: list[Message]) -> None:
        self.inner.prepare(messages)

    def yes_no(self, messages: list[Message]) -> YesNo:
        """The inner model's yes/no answer, recorded as a call of step "judge" (reply: the answer and its score)."""
        started, wall = time.perf_counter(), time.time()
        answer, error = None, None
        try:
            answer = self.inner.yes_no(messages)
            return answer
        except BaseException as exc:
            error = f"{type(exc).__name__}: {exc}"
            raise
        finally:
            reply = f"{answer.answer} {answer.score:+.2f}" if answer is not None else ""
            self.log.record(TraceCall(
                run_id=self.run_id, step="judge", provider=self.name, model=self.model_label,
                messages=[{"role": m["role"], "content": m["content"]} for m in messages], reply=reply,
                error=error, max_tokens=1, temperature=0.0, started_at=wall,
                elapsed_s=round(time.perf_counter() - started, 3)), self._counter())

    @property
    def exact_token_count(self) -> bool:
        return bool(getattr(self.inner, "exact_token_count", False))

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def _counter(self):
        """The inner model's token counter for the trace, only where it counts exactly (else tokens stay unknown)."""
        return self.inner.count_tokens if self.exact_token_count else None

    def __getattr__(self, name: str):
        """Anything else (load, count_tokens, base_url …) is the inner model's."""
        return getattr(self.inner, name)


def traced(model: ChatModel | None, log: TraceLog | None, run_id: str | None) -> ChatModel | None:
    """`model` wrapped for run `run_id`, or as it is (no model, tracing off, or no run)."""
    if model is None or log is None or not log.enabled or not run_id:
        return model
    return TracedModel(model, log, run_id)
