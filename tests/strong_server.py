"""A scripted OpenAI-compatible chat server (real HTTP on 127.0.0.1, SSE streaming) that answers drafter's real
prompts with prose written in advance, in a strong hosted model's style (bench/strong/<request>.json).

It reads each prompt the way a model would and recognises which of drafter's prompts it is (prompts/*.j2):
- a section call (sentences.j2: "为<org><period><kind>的“<title>”部分改写下列…：" then "1. <fact>" lines): it
  writes every numbered line's prepared sentence back under its number, then "概括：" and the prepared lead;
- a one-sentence rewrite (sentence.j2: "把下面这条内容改写成…只输出这一句：" then the line): the line's
  prepared retry sentence (a rewrite asked for the fact alone), else its sentence;
- an opening (opening.j2) or a closing (closing.j2) of the request named by the org in the prompt;
- the claim judge's question (judge.j2): 否 for a clause of a planted sentence, else 是;
- a section heading (heading.j2, asked when no example heading fits a section): the book holds no headings, so it
  answers with the first example heading the prompt shows, as a model copying its pattern would (the planner's
  heading rules refuse it unless it fits the section's facts).
Which request and which fact a prompt is about is found from the prompt's own text (the org, the fact lines),
never from a side channel. A prompt it cannot answer gets HTTP 400 and is recorded in `unknown`.

`variant="embellished"` answers with the planted sentences of the request's "embellished" list where it has one
(a leader who took part, a place, an honour, an extra activity, a near-miss object).

Faults, for the failure tests: `faults` is a list of actions, one per request in order ("ok" once it is empty):
  "429" (with Retry-After: `retry_after`), any other status ("500", "503" …), "sleep" (answer after `sleep_s`),
  "cut" (stream half the reply, then hang up), "empty" (a stream with no text), "english", "markdown".
`piece_delay_s` makes a slow model (a pause before every streamed piece; with `slow_after` N, only from the
N+1-th call on); `hung_up` counts the streams the client
closed before their end.
Replies are cut at the request's max_tokens (CHARS_PER_TOKEN characters a token), as a real endpoint does;
such calls are counted in `truncated`. Standard library only, so bench scripts and tests both use it.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

BOOK_DIR = Path(__file__).resolve().parent.parent / "bench" / "strong"
CHARS_PER_TOKEN = 1.5  # a hosted model's tokenizer on formal Chinese (DeepSeek / Qwen: 1.4–1.7)
PIECE_CHARS = 6  # characters per SSE chunk

_SECTION = re.compile(r"(?m)^为(?P<head>[^\n]+?)的“(?P<title>[^\n]*?)”部分改写下列(?P<what>[^：\n]+)：\n(?P<body>(?:\d.*\n)+)\n按序号")
_LINE = re.compile(r"^(\d{1,2})\. (.+)$", re.M)
_SENTENCE = re.compile(r"(?m)^把下面这条内容改写成(?P<org>[^\n]+?)工作总结中的一句正式语句[^\n]*：\n(?P<line>[^\n]+)")
_FRAME = re.compile(r"(?m)^请为(?P<head>[^\n]+?)写(?P<role>开头|结尾)段落")
_JUDGE = re.compile(r"(?m)^要核对的部分：(?P<clause>[^\n]+)\n事实是否支持要核对的部分")
_HEADING = re.compile(r"^这次只写一个小标题。下面是(?P<head>[^\n]+?)工作总结中同一节的[\s\S]*?\n- (?P<example>[^\n]+)")

ENGLISH = ("Sure! Here is the rewritten summary of the union's work this year. The union organised many "
           "activities and supported its members.")


@dataclass
class Prose:
    """One request's prepared prose (a bench/strong/<name>.json file)."""
    name: str
    org: str
    opening: str
    closing: str
    sentences: dict[str, dict]  # fact / problem / plan line -> {"text", "lead", "again"?}
    leads: dict[str, str]  # "problems" / "plans" -> lead
    embellished: dict[str, dict] = field(default_factory=dict)  # line -> {"text", "kind", "planted"}

    @classmethod
    def load(cls, path: Path) -> Prose:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(name=path.stem, org=data["org"], opening=data["opening"], closing=data["closing"],
                   sentences={s["line"]: s for s in data["sentences"]}, leads=data.get("leads", {}),
                   embellished={e["line"]: e for e in data.get("embellished", [])})


def load_book(directory: Path = BOOK_DIR) -> dict[str, Prose]:
    """Every request's prose, by request name."""
    return {p.stem: Prose.load(p) for p in sorted(directory.glob("*.json"))}


class Answerer:
    """Prompt → reply, from the book. Records which prompt kinds it answered and what it could not answer."""

    def __init__(self, book: dict[str, Prose], variant: str = "faithful") -> None:
        self.book = book
        self.variant = variant
        self.unknown: list[str] = []
        self.answered: list[tuple[str, str]] = []  # (kind, request name)

    def answer(self, prompt: str) -> str | None:
        for kind, reader in (("section", self._section), ("sentence", self._sentence), ("frame", self._frame),
                             ("heading", self._heading), ("judge", self._judge)):
            reply = reader(prompt)
            if reply is not None:
                return reply
        self.unknown.append(prompt[-300:])
        return None

    def _prose_for(self, head: str) -> Prose | None:
        """The request whose org opens `head` (the longest org that does: one may be a prefix of another)."""
        found = [p for p in self.book.values() if head.startswith(p.org)]
        return max(found, key=lambda p: len(p.org)) if found else None

    def _line(self, prose: Prose, line: str) -> dict | None:
        entry = prose.sentences.get(line.strip())
        if entry is None:
            return None
        planted = prose.embellished.get(line.strip()) if self.variant == "embellished" else None
        return {**entry, "text": planted["text"]} if planted else entry

    def _section(self, prompt: str) -> str | None:
        match = _SECTION.search(prompt)
        if not match:
            return None
        prose = self._prose_for(match["head"])
        lines = _LINE.findall(match["body"])
        entries = [self._line(prose, text) for _, text in lines] if prose else [None]
        if not lines or None in entries:
            return None
        what = match["what"]
        role = "problems" if "不足" in what else "plans" if "打算" in what else "body"
        lead = prose.leads.get(role) if role != "body" else entries[0].get("lead")
        self.answered.append(("section", prose.name))
        written = [f"{number}. {entry['text']}" for (number, _), entry in zip(lines, entries)]
        return "\n".join(written) + (f"\n概括：{lead}\n" if lead else "\n")

    def _sentence(self, prompt: str) -> str | None:
        match = _SENTENCE.search(prompt)
        if not match:
            return None
        prose = self._prose_for(match["org"])
        entry = prose.sentences.get(match["line"].strip()) if prose else None
        if entry is None:
            return None
        self.answered.append(("sentence", prose.name))
        return entry.get("again") or entry["text"]

    def _frame(self, prompt: str) -> str | None:
        match = _FRAME.search(prompt)
        prose = self._prose_for(match["head"]) if match else None
        if prose is None:
            return None
        self.answered.append(("opening" if match["role"] == "开头" else "closing", prose.name))
        return prose.opening if match["role"] == "开头" else prose.closing

    def _judge(self, prompt: str) -> str | None:
        """The claim judge's question (judge.j2): 否 for a clause of one of the planted sentences (variant
        "embellished"), else 是 (its own prose and drafter's frame say what the facts say), as a strong model that
        reads the facts would answer."""
        match = _JUDGE.search(prompt)
        if not match:
            return None
        clause = match["clause"].rstrip("，。；、,.;")
        planted = [e["text"] for p in self.book.values() for e in p.embellished.values()]
        self.answered.append(("judge", ""))
        return "否" if self.variant == "embellished" and any(clause in text for text in planted) else "是"

    def _heading(self, prompt: str) -> str | None:
        match = _HEADING.search(prompt)
        prose = self._prose_for(match["head"]) if match else None
        if prose is None:
            return None
        self.answered.append(("heading", prose.name))
        return match["example"]


def markdown(reply: str) -> str:
    """A reply dressed up as a chatty model does: a heading, bold line numbers, bullets."""
    lines = [re.sub(r"^(\d{1,2})\. ", r"**\1.** ", line) if line.strip() else line for line in reply.split("\n")]
    return "### 改写结果\n\n" + "\n".join(lines)


class ScriptedServer:
    """`with ScriptedServer(book) as server:` … `server.base_url` (…/v1). See the module docstring."""

    def __init__(self, book: dict[str, Prose] | None = None, *, variant: str = "faithful",
                 faults: list[str] | None = None, retry_after: str = "1", sleep_s: float = 3.0,
                 chars_per_token: float = CHARS_PER_TOKEN, piece_delay_s: float = 0.0, slow_after: int = 0) -> None:
        self.answerer = Answerer(book if book is not None else load_book(), variant)
        self.faults = list(faults or [])
        self.retry_after, self.sleep_s, self.chars_per_token = retry_after, sleep_s, chars_per_token
        self.requests: list[dict] = []
        self.times: list[float] = []  # when each request arrived (time.monotonic())
        self.truncated = 0
        self.piece_delay_s = piece_delay_s  # a slow model: this long before each streamed piece
        self.slow_after = slow_after  # the first `slow_after` calls stream at once, the later ones slowly
        self.hung_up = 0  # streams the client closed before their end
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self.server = _QuietServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    @property
    def unknown(self) -> list[str]:
        return self.answerer.unknown

    def _next(self, body: dict) -> str:
        with self._lock:
            self.requests.append(body)
            self.times.append(time.monotonic())
            return self.faults.pop(0) if self.faults else "ok"

    def reply_for(self, body: dict) -> str | None:
        prompt = "\n".join(m.get("content", "") for m in body.get("messages", []) if m.get("role") == "user")
        reply = self.answerer.answer(prompt)
        if reply is None:
            return None
        cap = int(body.get("max_tokens") or 10**6 * self.chars_per_token)
        limit = int(cap * self.chars_per_token)
        if len(reply) > limit:
            with self._lock:
                self.truncated += 1
            reply = reply[:limit]
        return reply

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
                action = server._next(body)
                try:
                    self._act(action, body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout): expected
                    with server._lock:
                        server.hung_up += 1

            def _act(self, action: str, body: dict) -> None:
                if action == "sleep":
                    server._stop.wait(server.sleep_s)
                    action = "ok"
                if action.isdigit():
                    return self._error(int(action))
                if action == "empty":
                    return self._stream([], body)
                if action == "english":
                    return self._stream(_pieces(ENGLISH), body)
                reply = server.reply_for(body)
                if reply is None:
                    return self._error(400, "the scripted server has no prose for this prompt")
                if action == "markdown":
                    reply = markdown(reply)
                if not body.get("stream"):  # a one-shot call (the claim judge's): one JSON completion
                    return self._whole(reply, body)
                pieces = _pieces(reply)
                if action == "cut":
                    return self._stream(pieces[: max(1, len(pieces) // 2)], body, cut=True)
                self._stream(pieces, body)

            def _stream(self, pieces: list[str], body: dict, cut: bool = False) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                if cut:  # promise more than is sent, then hang up: a connection lost mid-reply
                    self.send_header("Content-Length", "1000000")
                else:
                    self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                model = body.get("model", "scripted")
                slow = server.piece_delay_s and any(b is body for b in server.requests[server.slow_after:])
                for piece in pieces:
                    if slow:
                        server._stop.wait(server.piece_delay_s)
                    self._event(_chunk(model, {"content": piece}, None), cut)
                if cut:
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self._event(_chunk(model, {}, "stop"), cut)
                self._send(b"data: [DONE]\n\n", cut)
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()

            def _whole(self, reply: str, body: dict) -> None:
                payload = json.dumps({"id": "scripted", "object": "chat.completion", "created": 0,
                                      "model": body.get("model", "scripted"),
                                      "choices": [{"index": 0, "finish_reason": "stop",
                                                   "message": {"role": "assistant", "content": reply}}],
                                      "usage": {"prompt_tokens": 0, "completion_tokens": 1, "total_tokens": 1}},
                                     ensure_ascii=False).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                self.wfile.flush()

            def _event(self, payload: dict, cut: bool) -> None:
                self._send(f"data: {json.dumps(payload, ensure_ascii=False)}\n\n".encode(), cut)

            def _send(self, data: bytes, raw: bool) -> None:
                self.wfile.write(data if raw else b"%x\r\n%s\r\n" % (len(data), data))
                self.wfile.flush()

            def _error(self, status: int, message: str | None = None) -> None:
                payload = json.dumps({"error": {"message": message or f"scripted error {status}",
                                                "type": "rate_limit" if status == 429 else "server_error"}}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                if status == 429:
                    self.send_header("Retry-After", server.retry_after)
                self.end_headers()
                self.wfile.write(payload)
                self.wfile.flush()

        return Handler

    def __enter__(self) -> ScriptedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A client that hangs up early (it stops reading once it has what it needs) is no error."""
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def _pieces(text: str) -> list[str]:
    return [text[i:i + PIECE_CHARS] for i in range(0, len(text), PIECE_CHARS)]


def _chunk(model: str, delta: dict, finish: str | None) -> dict:
    return {"id": "chatcmpl-scripted", "object": "chat.completion.chunk", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}


def main() -> None:  # python tests/strong_server.py [--embellished]: serve until Ctrl-C, for trying drafter by hand
    import sys

    with ScriptedServer(variant="embellished" if "--embellished" in sys.argv else "faithful") as server:
        print(f"DRAFTER_OPENAI_BASE_URL={server.base_url}", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
