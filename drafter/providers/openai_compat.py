"""Any OpenAI-compatible chat endpoint: DeepSeek, DashScope (compatible mode), vLLM, Ollama, llama.cpp server.

Timeouts, 5xx/429 answers and refused connections are retried here with exponential backoff
(settings.openai_retries; the SDK's own retries are off so the count is ours). A 429 or 503 with Retry-After
(seconds, an HTTP date, or retry-after-ms) is waited out as asked, up to MAX_RETRY_AFTER_S; an endpoint that asks
for a longer wait fails at once with a message saying how long it asked for. Once a call has failed after all its
retries, the endpoint is left alone for `cooldown_s` (30 s): calls in that time fail at once with the same reason,
so a draft against a dead endpoint takes its templates in seconds, not retries × timeout per section. A reply that breaks off after
text was already streamed cannot be retried transparently and fails at once. Failures end in ProviderError,
whose message names the reason; the pipeline then falls back to templates.
"""

from __future__ import annotations

import random
import time
from email.utils import parsedate_to_datetime
from collections.abc import Callable, Iterator

import openai

from drafter.providers.base import (ChatModel, Message, ProviderError, YesNo, past_call_end, score_of_answer,
                                    time_left)
from drafter.settings import Settings

MAX_DELAY_S = 30.0
MAX_RETRY_AFTER_S = 60.0  # the longest Retry-After waited out; a longer one fails the call at once
# Worth another try: the endpoint was slow, unreachable, overloaded or failed on its side.
RETRYABLE = (openai.APITimeoutError, openai.APIConnectionError, openai.InternalServerError,
             openai.RateLimitError)
# The SDK's HTTP layer (httpx, or httpx2 in openai 3.x) lets network errors raised while a stream is read escape
# unwrapped. They are recognised by their public class names, so this module never imports that layer.
TRANSPORT_ERRORS = {"TransportError", "TimeoutException"}
TIMEOUT_ERRORS = {"TimeoutException"}

STATUS_HINTS = {
    401: "（请检查 DRAFTER_OPENAI_API_KEY）",
    403: "（请检查 DRAFTER_OPENAI_API_KEY 的权限）",
    404: "（请检查 DRAFTER_OPENAI_BASE_URL（通常以 /v1 结尾）和 DRAFTER_OPENAI_MODEL）",
}


class OpenAICompatModel(ChatModel):
    name = "openai"
    concurrent = True

    def __init__(self, base_url: str, model: str, *, api_key: str | None = None, timeout_s: float = 120.0,
                 retries: int = 3, backoff_s: float = 1.0, sleep: Callable[[float], None] = time.sleep,
                 cooldown_s: float = 30.0) -> None:
        self.base_url = base_url
        self.model = model
        self.timeout_s = timeout_s
        self.retries = max(0, retries)
        self.backoff_s = max(0.0, backoff_s)
        self._sleep = sleep
        self.cooldown_s = max(0.0, cooldown_s)
        self._down: tuple[float, str] | None = None  # (until, monotonic; the failure) after a call failed for good
        self._client = openai.OpenAI(
            base_url=base_url, api_key=api_key or "not-needed", max_retries=0,
            timeout=openai.Timeout(timeout_s, connect=min(timeout_s, 10.0)))

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAICompatModel:
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        return cls(settings.openai_base_url or "", settings.openai_model, api_key=key,
                   timeout_s=settings.openai_timeout_s, retries=settings.openai_retries,
                   backoff_s=settings.openai_backoff_s)

    def stream(self, messages: list[Message], *, max_tokens: int = 800, temperature: float = 0.3) -> Iterator[str]:
        down = self._down
        if down is not None and time.monotonic() < down[0]:
            raise ProviderError(f"{down[1]}；{self.cooldown_s:g} 秒内不再调用该接口")
        attempt = 0
        while True:
            attempt += 1
            started = False
            try:
                for piece in self._one_call(messages, max_tokens, temperature):
                    started = True
                    yield piece
                return
            except Exception as exc:  # noqa: BLE001 - sorted below; anything else becomes a ProviderError
                if not _retryable(exc):
                    raise self._failure(exc) from exc
                reason = self._reason(exc)
                if started:
                    raise ProviderError(f"接口 {self.base_url} 在回复中途中断：{reason}") from exc
                if attempt > self.retries or past_call_end():  # no retry past the draft's deadline
                    if past_call_end():
                        raise ProviderError(f"接口 {self.base_url} 在起草时限前没有答完：{reason}") from exc
                    raise self._gone(f"接口 {self.base_url} 调用失败（共尝试 {attempt} 次）：{reason}") from exc
                asked = retry_after(exc)
                if asked is not None and asked > MAX_RETRY_AFTER_S:
                    raise self._gone(f"接口 {self.base_url} 繁忙（{reason}），要求 {asked:.0f} 秒后再试，"
                                     f"超过等待上限 {MAX_RETRY_AFTER_S:.0f} 秒，本次不再重试") from exc
                wait = asked if asked is not None else self.delay(attempt)
                self._sleep(min(wait, time_left(wait)))

    def yes_no(self, messages: list[Message]) -> YesNo:
        """A one-token answer (the claim judge's): score = logprob(是) − logprob(否) from top_logprobs when the
        server gives them (a side missing from the top counts as the lowest listed), else ±4 from the text.
        One attempt with the usual failures as ProviderError (the judge then leaves the rules' claim standing)."""
        down = self._down
        if down is not None and time.monotonic() < down[0]:
            raise ProviderError(f"{down[1]}；{self.cooldown_s:g} 秒内不再调用该接口")
        started = time.perf_counter()
        try:
            reply = self._client.chat.completions.create(
                model=self.model, messages=[{"role": m["role"], "content": m["content"]} for m in messages],
                max_tokens=1, temperature=0.0, logprobs=True, top_logprobs=10, timeout=self._timeout())
        except Exception as exc:  # noqa: BLE001 - every failure becomes a ProviderError with its reason
            raise ProviderError(f"接口 {self.base_url} 判断失败：{self._reason(exc)}") from exc
        choice = reply.choices[0] if reply.choices else None
        text = (choice.message.content or "") if choice is not None else ""
        usage = getattr(reply, "usage", None)
        tokens = getattr(usage, "prompt_tokens", None)
        score, how = _logprob_score(choice), "logprobs"
        if score is None:
            score, how = score_of_answer(text), "text"
        return YesNo(score=round(score, 3), answer=text.strip()[:2], tokens_in=tokens, tokens_read=tokens,
                     elapsed_s=time.perf_counter() - started, how=how)

    def _gone(self, message: str) -> ProviderError:
        """The error of a call that failed for good; the endpoint is left alone for cooldown_s."""
        if self.cooldown_s:
            self._down = (time.monotonic() + self.cooldown_s, message)
        return ProviderError(message)

    def _failure(self, exc: Exception) -> ProviderError:
        if isinstance(exc, openai.APIStatusError):  # 4xx other than 429: retrying cannot help
            return ProviderError(f"接口 {self.base_url} 拒绝了请求：{self._reason(exc)}")
        return ProviderError(f"接口 {self.base_url} 返回了无法使用的回复：{_short(str(exc))}")

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number `attempt` (1-based): doubling, capped, with jitter."""
        base = min(MAX_DELAY_S, self.backoff_s * 2 ** (attempt - 1))
        return base + random.uniform(0, base * 0.1)

    def _one_call(self, messages: list[Message], max_tokens: int, temperature: float) -> Iterator[str]:
        response = self._client.chat.completions.create(
            model=self.model, messages=[{"role": m["role"], "content": m["content"]} for m in messages],
            stream=True, max_tokens=max_tokens, temperature=temperature, timeout=self._timeout())
        with response:
            for chunk in response:
                if not chunk.choices:  # e.g. a trailing usage chunk
                    continue
                piece = chunk.choices[0].delta.content
                if piece:
                    yield piece

    def _timeout(self) -> openai.Timeout:
        """This call's timeout: the configured one, or the time left before the draft's deadline when nearer (the
        wait for the first piece, the endpoint reading the prompt, is bounded by it too)."""
        left = time_left(self.timeout_s)
        return openai.Timeout(left, connect=min(left, 10.0))

    def _reason(self, exc: Exception) -> str:
        if isinstance(exc, openai.APITimeoutError) or _named(exc, TIMEOUT_ERRORS):
            return f"请求超时（{self.timeout_s:g} 秒）"
        if isinstance(exc, openai.APIConnectionError):
            cause = exc.__cause__ or exc
            return f"无法连接（{type(cause).__name__}: {cause}）"
        if isinstance(exc, openai.APIStatusError):
            said = exc.body.get("message") if isinstance(exc.body, dict) else None  # the endpoint's own words
            return f"HTTP {exc.status_code}：{_short(str(said or exc.message))}{STATUS_HINTS.get(exc.status_code, '')}"
        return f"{type(exc).__name__}: {_short(str(exc))}"


def retry_after(exc: BaseException) -> float | None:
    """Seconds an error answer asks us to wait (Retry-After / retry-after-ms headers), None when it does not say."""
    response = getattr(exc, "response", None) if isinstance(exc, openai.APIStatusError) else None
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    try:
        if headers.get("retry-after-ms"):
            return max(0.0, float(headers["retry-after-ms"]) / 1000)
        value = (headers.get("retry-after") or "").strip()
        if not value:
            return None
        try:
            return max(0.0, float(value))
        except ValueError:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None  # an unreadable header: the usual backoff


def _logprob_score(choice) -> float | None:
    """logprob(是) − logprob(否) of the first answer token, None when the server sent no logprobs."""
    content = getattr(getattr(choice, "logprobs", None), "content", None)
    if not content:
        return None
    top = {(t.token or "").strip(): t.logprob for t in (content[0].top_logprobs or [])}
    top.setdefault((content[0].token or "").strip(), content[0].logprob)
    floor = min(top.values())
    yes, no = top.get("是"), top.get("否")
    if yes is None and no is None:
        return None
    return (yes if yes is not None else floor) - (no if no is not None else floor)


def _named(exc: BaseException, names: set[str]) -> bool:
    return any(cls.__name__ in names for cls in type(exc).__mro__)


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, RETRYABLE) or _named(exc, TRANSPORT_ERRORS)


def _short(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
