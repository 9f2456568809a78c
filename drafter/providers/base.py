"""The small model interface every chat provider implements (after simonw/llm: a name, a stream of text)."""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypedDict

from drafter.domain.errors import ProviderError, ProviderUnavailable  # noqa: F401 - re-exported; defined in drafter.domain.errors

DEFAULT_STEP = "write"
# The steps a model call can serve (the trace's `step`): writing a section, repairing a sentence that failed the
# check, planning sections, judging a claim. Wrap a call in model_step(step), or a stream in in_step(step, …).
STEPS = ("write", "repair", "plan", "judge")
_STEP: ContextVar[str] = ContextVar("drafter_model_step", default=DEFAULT_STEP)
_ENDS: ContextVar[float | None] = ContextVar("drafter_call_ends", default=None)
_STOPPED: ContextVar[Callable[[], bool] | None] = ContextVar("drafter_call_stopped", default=None)


@contextmanager
def model_step(step: str) -> Iterator[None]:
    """Label the model calls made inside the block with a pipeline step ("repair", "sentence repair" …) for the
    trace (drafter.providers.traced). Works whether or not the model is traced; new threads start at "write"."""
    token = _STEP.set(step)
    try:
        yield
    finally:
        _STEP.reset(token)


def current_step() -> str:
    return _STEP.get()


@contextmanager
def call_ends_at(moment: float | None, stopped: Callable[[], bool] | None = None) -> Iterator[None]:
    """Model calls made inside the block should end by `moment` (time.monotonic(); the draft's deadline), or as
    soon as `stopped()` says so (停止, a client gone: the draft's Deadline.passed): a provider that can bound a call
    reads time_left() (the OpenAI-compatible one, as its per-call timeout) or call_stop() (the local one, inside
    llama.cpp's prompt read)."""
    tokens = _ENDS.set(moment), _STOPPED.set(stopped)
    try:
        yield
    finally:
        _ENDS.reset(tokens[0])
        _STOPPED.reset(tokens[1])


def time_left(default: float) -> float:
    """Seconds the current call may take: `default`, or less when the draft's deadline is nearer (at least 0.05)."""
    ends = _ENDS.get()
    return default if ends is None else max(0.05, min(default, ends - time.monotonic()))


def past_call_end() -> bool:
    stop = call_stop()
    return stop is not None and stop()


def call_stop() -> Callable[[], bool] | None:
    """The current call's stop test (deadline passed or stopped), to be called from any thread or from native code
    (it reads no context variable); None when the call has neither deadline nor stop flag."""
    ends, stopped = _ENDS.get(), _STOPPED.get()
    if ends is None and stopped is None:
        return None
    return lambda: (ends is not None and time.monotonic() >= ends) or (stopped is not None and stopped())


def in_step(step: str, stream: Iterator[str], ends: float | None = None,
            stopped: Callable[[], bool] | None = None) -> Iterator[str]:
    """`stream` advanced with model_step(step) (and call_ends_at(ends, stopped)) set around each piece only, so a
    generator consumed across yields or threads labels its call without leaking the step to the code around it."""
    try:
        while True:
            with model_step(step), call_ends_at(ends, stopped):
                piece = next(stream, None)
            if piece is None:
                return
            yield piece
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()


class Message(TypedDict):
    role: str  # "system" | "user" | "assistant"
    content: str


@dataclass
class YesNo:
    """A one-token yes/no answer (the claim judge's): score = logit(是) − logit(否) (or the log-probabilities'
    difference, or ±ANSWER_ONLY_SCORE from the answer's text alone), with what it cost."""

    score: float
    answer: str = ""
    tokens_in: int | None = None  # the prompt's tokens
    tokens_read: int | None = None  # tokens the model read for this call (the rest was its cached prefix)
    elapsed_s: float = 0.0
    how: str = "text"  # "logits", "logprobs" or "text"


ANSWER_ONLY_SCORE = 4.0  # the score of a bare 是/否 when the provider gives no probabilities


def score_of_answer(text: str) -> float:
    """±ANSWER_ONLY_SCORE for a reply starting with 是/否 (对/不, yes/no); 0 when it says neither."""
    head = text.strip().lstrip("“\"'「").lower()
    if head.startswith(("是", "对", "yes", "支持")):
        return ANSWER_ONLY_SCORE
    if head.startswith(("否", "不", "no")):
        return -ANSWER_ONLY_SCORE
    return 0.0


class ChatModel(ABC):
    """A chat model: give it messages, get text back as a stream of pieces."""

    name: str = "model"
    concurrent: bool = False  # may several sections be written at once?

    @abstractmethod
    def stream(self, messages: list[Message], *, max_tokens: int = 800, temperature: float = 0.3) -> Iterator[str]:
        """Yield the reply piece by piece; raise ProviderError when the call fails."""

    def prepare(self, messages: list[Message]) -> None:
        """Read a prompt prefix ahead of time, so later calls starting with it skip it (no-op unless local)."""

    exact_token_count = False  # True where count_tokens uses the model's own vocabulary (the local model)

    def count_tokens(self, text: str) -> int:
        """Tokens of `text` for this model; an estimate (1.7 Chinese characters a token) unless overridden."""
        return -(-len(text) * 10 // 17) if text else 0

    def complete(self, messages: list[Message], *, max_tokens: int = 800, temperature: float = 0.3,
                 step: str | None = None) -> str:
        """The whole reply; `step` labels the call in the trace (default: the enclosing model_step, or "write")."""
        with model_step(step or current_step()):
            return "".join(self.stream(messages, max_tokens=max_tokens, temperature=temperature))

    def yes_no(self, messages: list[Message]) -> YesNo:
        """Ask a yes/no question (the claim judge's): the reply's first words read as 是/否. Providers that see
        the model's probabilities override this (local: logits; openai: logprobs when the server gives them)."""
        started = time.perf_counter()
        with model_step("judge"):
            reply = self.complete(messages, max_tokens=2, temperature=0.0, step="judge")
        return YesNo(score_of_answer(reply), reply.strip()[:2], elapsed_s=time.perf_counter() - started)
