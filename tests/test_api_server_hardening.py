"""Issue 24 through a real `drafter serve`: one heavy request never delays /healthz nor others beyond the check
queue's own 429 (D1/D2); request heads, bodies and bare connections have a deadline (D7)."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest

from api_support import Server, bearer, cli, server_env

FACTS = ["春节走访慰问困难职工86户，发放慰问金12.6万元"]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("server_hardening")
    env = server_env(root, DRAFTER_REQUEST_DEADLINE_S="3", DRAFTER_BODY_READ_TIMEOUT_S="10",
                     DRAFTER_CHECK_QUEUE_SIZE="0", DRAFTER_CHECK_DEADLINE_S="120")
    key = cli(root, env, "keys", "create", "读者", "--role", "reader").strip()
    with Server(root, env) as server:
        yield server, key


def _maximal_draft() -> str:
    """Just under the 1,000,000-byte body limit, of the costliest text the check has (digits of other scripts)."""
    return "另向𝟗𝟗户⑫Ⅻ届٣٤1O0，" * 20_000


def test_healthz_answers_at_once_while_a_maximal_check_runs_and_others_get_429(served):
    server, key = served
    draft = _maximal_draft()
    heavy: dict = {}

    def run_heavy() -> None:
        with httpx.Client(base_url=server.url, headers=bearer(key), timeout=300) as c:
            heavy["response"] = c.post("/v1/check", json={"facts": FACTS, "draft": draft})

    thread = threading.Thread(target=run_heavy)
    thread.start()
    time.sleep(1.5)  # the heavy check is in the check process now
    with httpx.Client(base_url=server.url, headers=bearer(key), timeout=30) as c:
        waits = []
        for _ in range(5):
            start = time.monotonic()
            assert c.get("/healthz").status_code == 200
            waits.append(time.monotonic() - start)
        assert max(waits) < 1.0, waits
        start = time.monotonic()
        second = c.post("/v1/check", json={"facts": FACTS, "draft": draft})
        assert second.status_code == 429 and time.monotonic() - start < 5, second.text
        small = c.post("/v1/check", json={"facts": FACTS, "draft": FACTS[0] + "。"})
        assert small.status_code == 200 and small.json()["ok"] is True
    assert thread.is_alive() or heavy["response"].status_code == 200
    thread.join(300)
    assert heavy["response"].status_code == 200, heavy["response"].text


def test_a_hundred_thousand_blank_lines_do_not_hold_a_worker(served):
    server, key = served
    start = time.monotonic()
    response = httpx.post(f"{server.url}/v1/check", headers=bearer(key), timeout=60,
                          json={"facts": ["走访86户"], "draft": "标题" + "\n" * 100_000 + "正文86户"})
    assert response.status_code == 200 and response.json()["ok"] is True
    assert time.monotonic() - start < 20


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    try:
        while data := sock.recv(65536):
            chunks.append(data)
    except (ConnectionResetError, socket.timeout):
        pass
    return b"".join(chunks)


def test_partial_headers_get_408_and_are_closed_at_the_deadline(served):
    server, _ = served
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        start = time.monotonic()
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        reply = _read_all(sock)
        assert time.monotonic() - start < 10
    assert reply.startswith(b"HTTP/1.1 408") and "请求头发送超时".encode() in reply, reply[:200]


def test_a_bare_connection_is_closed_at_the_deadline(served):
    server, _ = served
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        start = time.monotonic()
        assert _read_all(sock) == b""
        assert time.monotonic() - start < 10


def test_a_body_sent_a_byte_a_second_gets_408_at_the_total_deadline(served):
    server, key = served
    body = b'{"facts": ["1\\u4eba"], "draft": "' + b"x" * 100 + b'"}'
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     + f"Authorization: Bearer {key}\r\nContent-Length: {len(body)}\r\n\r\n".encode())
        start = time.monotonic()
        sock.settimeout(1.0)
        reply = b""
        for byte in body:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                break
            try:
                reply += sock.recv(65536)
            except socket.timeout:
                continue
            if reply:
                break
        assert time.monotonic() - start < 15
    assert reply.startswith(b"HTTP/1.1 408"), reply[:200]
