"""OpenAICompatModel against real loopback HTTP servers: streaming, retries with backoff, timeouts, refusals."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from drafter.providers import OpenAICompatModel, ProviderError, ProviderRegistry

MESSAGES = [{"role": "system", "content": "你是工会秘书。"}, {"role": "user", "content": "写一句话。"}]
REPLY_PIECES = ["全年走访", "困难职工", "86户。"]


class FakeOpenAI:
    """A stdlib HTTP server speaking just enough of /v1/chat/completions. `script` holds one action per request
    ("ok", "break", "sleep" or an HTTP status); when it runs out, `after` is used. Every request is recorded."""

    def __init__(self, script: list[str], after: str = "ok", sleep_s: float = 2.0) -> None:
        self.script, self.after, self.sleep_s = list(script), after, sleep_s
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        self.stop = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    @property
    def hits(self) -> int:
        return len(self.requests)

    def _next_action(self) -> str:
        return self.script.pop(0) if self.script else self.after

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(body)
                fake.headers.append({k.lower(): v for k, v in self.headers.items()})
                action = fake._next_action()
                if action == "sleep":
                    fake.stop.wait(fake.sleep_s)
                    action = "ok"
                try:
                    if action == "ok":
                        self._stream_reply(body.get("model", "m"))
                    elif action == "break":
                        self._broken_reply(body.get("model", "m"))
                    else:  # "429" or "429|Retry-After: 2": a status, with headers after "|"
                        status, *headers = action.split("|")
                        self._error(int(status), dict(h.split(": ", 1) for h in headers))
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout): expected
                    pass

            def _stream_reply(self, model: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for piece in REPLY_PIECES:
                    chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": model,
                             "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")

            def _broken_reply(self, model: str) -> None:
                """Promise a long body, send the first piece, then hang up (a connection lost mid-reply)."""
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Content-Length", "100000")
                self.end_headers()
                chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0, "model": model,
                         "choices": [{"index": 0, "delta": {"content": REPLY_PIECES[0]}, "finish_reason": None}]}
                self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
                self.wfile.flush()

            def _error(self, status: int, headers: dict | None = None) -> None:
                payload = json.dumps({"error": {"message": f"fake error {status}", "type": "server_error"}}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

        return Handler

    def __enter__(self) -> FakeOpenAI:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


class SleepRecorder:
    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


def make_model(base_url: str, *, retries: int = 3, timeout_s: float = 5.0, sleep=None, api_key: str | None = None,
               cooldown_s: float = 30.0):
    return OpenAICompatModel(base_url, "test-model", api_key=api_key, timeout_s=timeout_s, retries=retries,
                             backoff_s=0.01, sleep=sleep or SleepRecorder(), cooldown_s=cooldown_s)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_streams_the_reply_and_sends_the_request_it_was_given():
    with FakeOpenAI([]) as server:
        model = make_model(server.base_url, api_key="sk-test")
        pieces = list(model.stream(MESSAGES, max_tokens=123, temperature=0.7))
    assert pieces == REPLY_PIECES
    assert server.hits == 1
    body = server.requests[0]
    assert body["model"] == "test-model"
    assert body["messages"] == MESSAGES
    assert body["stream"] is True
    assert body["max_tokens"] == 123 and body["temperature"] == 0.7
    assert server.headers[0]["authorization"] == "Bearer sk-test"


def test_5xx_answers_are_retried_with_doubling_backoff_until_a_reply():
    sleep = SleepRecorder()
    with FakeOpenAI(["500", "503"]) as server:
        text = make_model(server.base_url, retries=3, sleep=sleep).complete(MESSAGES)
    assert text == "".join(REPLY_PIECES)
    assert server.hits == 3
    assert len(sleep.delays) == 2
    assert 0.01 <= sleep.delays[0] <= 0.011 and 0.02 <= sleep.delays[1] <= 0.022


def test_persistent_5xx_gives_a_provider_error_after_retries_plus_one_attempts():
    sleep = SleepRecorder()
    with FakeOpenAI([], after="500") as server:
        with pytest.raises(ProviderError) as info:
            make_model(server.base_url, retries=2, sleep=sleep).complete(MESSAGES)
    assert server.hits == 3
    assert len(sleep.delays) == 2
    assert "HTTP 500" in str(info.value) and "3 次" in str(info.value)


def test_a_client_error_is_not_retried():
    with FakeOpenAI(["401"]) as server:
        with pytest.raises(ProviderError) as info:
            make_model(server.base_url, retries=3).complete(MESSAGES)
    assert server.hits == 1
    assert "HTTP 401" in str(info.value) and "DRAFTER_OPENAI_API_KEY" in str(info.value)


def test_rate_limit_is_retried():
    with FakeOpenAI(["429"]) as server:
        assert make_model(server.base_url, retries=1).complete(MESSAGES) == "".join(REPLY_PIECES)
    assert server.hits == 2


def test_refused_connection_is_retried_then_reported():
    sleep = SleepRecorder()
    model = make_model(f"http://127.0.0.1:{closed_port()}/v1", retries=2, sleep=sleep)
    with pytest.raises(ProviderError) as info:
        model.complete(MESSAGES)
    assert len(sleep.delays) == 2  # three attempts, two waits
    assert "无法连接" in str(info.value) and "3 次" in str(info.value)


def test_a_slow_server_times_out_and_the_retry_succeeds():
    with FakeOpenAI(["sleep"], sleep_s=3.0) as server:
        text = make_model(server.base_url, retries=2, timeout_s=0.3).complete(MESSAGES)
    assert text == "".join(REPLY_PIECES)
    assert server.hits == 2


def test_a_server_that_always_times_out_gives_a_timeout_error():
    with FakeOpenAI([], after="sleep", sleep_s=3.0) as server:
        with pytest.raises(ProviderError) as info:
            make_model(server.base_url, retries=1, timeout_s=0.3).complete(MESSAGES)
    assert server.hits == 2
    assert "超时" in str(info.value)


def test_zero_retries_means_one_attempt():
    with FakeOpenAI([], after="502") as server:
        with pytest.raises(ProviderError):
            make_model(server.base_url, retries=0).complete(MESSAGES)
    assert server.hits == 1


def test_backoff_doubles_and_is_capped():
    model = OpenAICompatModel("http://127.0.0.1:9/v1", "m", backoff_s=1.0)
    bases = [1, 2, 4, 8, 16, 30, 30]
    for attempt, base in enumerate(bases, start=1):
        assert base <= model.delay(attempt) <= base * 1.1


def test_registry_builds_the_model_from_settings(settings):
    with FakeOpenAI(["500"]) as server:
        configured = settings.model_copy(update={"openai_base_url": server.base_url, "openai_model": "qwen-test",
                                                 "openai_retries": 1, "openai_backoff_s": 0.01})
        resolved = ProviderRegistry(configured).resolve("openai")
        assert resolved.model.complete(MESSAGES) == "".join(REPLY_PIECES)
    assert server.hits == 2
    assert server.requests[-1]["model"] == "qwen-test"


def test_a_reply_broken_off_midway_is_not_retried_so_no_text_is_repeated():
    with FakeOpenAI(["break"]) as server:
        pieces: list[str] = []
        with pytest.raises(ProviderError) as info:
            for piece in make_model(server.base_url, retries=3).stream(MESSAGES):
                pieces.append(piece)
    assert pieces == REPLY_PIECES[:1]
    assert server.hits == 1
    assert "中途中断" in str(info.value)


@pytest.mark.parametrize("header, asked", [("Retry-After: 7", 7.0), ("retry-after-ms: 2500", 2.5),
                                           ("Retry-After: 0", 0.0)])
def test_retry_after_is_waited_out_as_asked(header, asked):
    sleep = SleepRecorder()
    with FakeOpenAI([f"429|{header}"]) as server:
        assert make_model(server.base_url, retries=2, sleep=sleep).complete(MESSAGES) == "".join(REPLY_PIECES)
    assert sleep.delays == [asked] and server.hits == 2


def test_retry_after_as_an_http_date():
    from email.utils import formatdate

    sleep = SleepRecorder()
    with FakeOpenAI([f"503|Retry-After: {formatdate(time.time() + 20, usegmt=True)}"]) as server:
        make_model(server.base_url, retries=1, sleep=sleep).complete(MESSAGES)
    assert len(sleep.delays) == 1 and 17 <= sleep.delays[0] <= 20.5


def test_a_retry_after_past_the_limit_is_not_waited_for():
    sleep = SleepRecorder()
    with FakeOpenAI(["429|Retry-After: 3600"]) as server:
        with pytest.raises(ProviderError) as info:
            make_model(server.base_url, retries=3, sleep=sleep).complete(MESSAGES)
    assert sleep.delays == [] and server.hits == 1
    assert "要求 3600 秒后再试" in str(info.value) and "HTTP 429：fake error 429" in str(info.value)


def test_an_unreadable_retry_after_falls_back_to_the_backoff():
    sleep = SleepRecorder()
    with FakeOpenAI(["429|Retry-After: soon"]) as server:
        make_model(server.base_url, retries=1, sleep=sleep).complete(MESSAGES)
    assert len(sleep.delays) == 1 and 0.01 <= sleep.delays[0] <= 0.011


def test_after_a_call_fails_for_good_the_endpoint_is_left_alone_for_the_cooldown():
    with FakeOpenAI([], after="500") as server:
        model = make_model(server.base_url, retries=1)
        with pytest.raises(ProviderError):
            model.complete(MESSAGES)
        with pytest.raises(ProviderError) as info:
            model.complete(MESSAGES)
    assert server.hits == 2  # the second call did not reach the endpoint
    assert "共尝试 2 次" in str(info.value) and "30 秒内不再调用该接口" in str(info.value)


def test_without_a_cooldown_every_call_tries_again():
    with FakeOpenAI([], after="500") as server:
        model = make_model(server.base_url, retries=1, cooldown_s=0)
        for _ in range(2):
            with pytest.raises(ProviderError):
                model.complete(MESSAGES)
    assert server.hits == 4


def test_the_cooldown_ends():
    with FakeOpenAI(["500", "500"]) as server:
        model = make_model(server.base_url, retries=1, cooldown_s=0.2)
        with pytest.raises(ProviderError):
            model.complete(MESSAGES)
        time.sleep(0.3)
        assert model.complete(MESSAGES) == "".join(REPLY_PIECES)
    assert server.hits == 3
