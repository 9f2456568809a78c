"""Chat models for unit tests only: deterministic, instant, and they record what they were given.

    model = ScriptedModel(["第一节正文", ProviderError("超时"), "重写后的正文"])
    ...run the pipeline with `model`...
    model.calls[0]          # the messages of the first call (list[Message])
    model.prompts[0]        # the same call's user message text
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Iterator, Sequence

from drafter.providers.base import ChatModel, Message

Reply = str | BaseException | Callable[[list[Message]], str]


class ScriptExhausted(AssertionError):
    """A ScriptedModel was called more often than it has replies (a test bug, not a provider failure)."""


class _RecordingModel(ChatModel):
    """Records every call's messages and options; streams replies in small pieces."""

    def __init__(self, name: str, concurrent: bool, piece_chars: int) -> None:
        self.name = name
        self.concurrent = concurrent
        self.piece_chars = max(1, piece_chars)
        self.calls: list[list[Message]] = []
        self.options: list[dict] = []
        self._lock = threading.Lock()

    @property
    def prompts(self) -> list[str]:
        """The last user message of each call."""
        return [_last_user(call) for call in self.calls]

    def stream(self, messages: list[Message], *, max_tokens: int = 800, temperature: float = 0.3) -> Iterator[str]:
        with self._lock:
            self.calls.append(copy.deepcopy(list(messages)))
            self.options.append({"max_tokens": max_tokens, "temperature": temperature})
            reply = self._reply(messages)
        if isinstance(reply, BaseException):
            raise reply
        text = reply(messages) if callable(reply) else reply
        for start in range(0, len(text), self.piece_chars):
            yield text[start:start + self.piece_chars]

    def _reply(self, messages: list[Message]) -> Reply:
        raise NotImplementedError


class EchoModel(_RecordingModel):
    """Replies with the last user message, optionally transformed (e.g. `transform=str.upper`)."""

    def __init__(self, transform: Callable[[str], str] | None = None, *, name: str = "echo",
                 concurrent: bool = False, piece_chars: int = 4) -> None:
        super().__init__(name, concurrent, piece_chars)
        self.transform = transform

    def _reply(self, messages: list[Message]) -> Reply:
        text = _last_user(messages)
        return self.transform(text) if self.transform else text


class ScriptedModel(_RecordingModel):
    """Returns queued replies in order. A reply may be text, an exception to raise (e.g. ProviderError) or a
    function of the messages. When the script runs out, `default` is used, or ScriptExhausted is raised."""

    def __init__(self, replies: Sequence[Reply] = (), *, default: Reply | None = None, name: str = "scripted",
                 concurrent: bool = False, piece_chars: int = 4) -> None:
        super().__init__(name, concurrent, piece_chars)
        self.replies: list[Reply] = list(replies)
        self.default = default

    def add(self, *replies: Reply) -> ScriptedModel:
        with self._lock:
            self.replies.extend(replies)
        return self

    @property
    def remaining(self) -> int:
        return len(self.replies)

    def _reply(self, messages: list[Message]) -> Reply:
        if self.replies:
            return self.replies.pop(0)
        if self.default is not None:
            return self.default
        raise ScriptExhausted(f"ScriptedModel 的回复已用完（第 {len(self.calls)} 次调用）")


def _last_user(messages: list[Message]) -> str:
    return next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
