"""Limits against a real `drafter serve` (uvicorn): a 200 KB query string and deeply nested JSON get the JSON
error body, and the keep-alive connection survives them."""

from __future__ import annotations

import socket

import httpx
import pytest

from api_support import Server, bearer, cli, server_env


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = tmp_path_factory.mktemp("server_limits")
    env = server_env(root)
    key = cli(root, env, "keys", "create", "压测", "--role", "writer").strip()
    with Server(root, env) as server:
        yield server, key


def _raw_get(port: int, target: str) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while data := sock.recv(65536):
            chunks.append(data)
    return b"".join(chunks)


def test_a_200_kb_query_string_gets_414_in_json(served):
    server, _ = served
    reply = _raw_get(server.port, "/v1/drafts?org=" + "a" * 200_000)
    head, _, body = reply.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 414") and b"application/json" in head, reply[:300]
    assert b'"uri_too_long"' in body


def test_deep_json_is_422_and_the_connection_stays_usable(served):
    server, key = served
    deep = b'{"org": "a", "period": "b", "facts": ' + b"[" * 3000 + b"]" * 3000 + b"}"
    with httpx.Client(base_url=server.url, headers=bearer(key), timeout=30) as client:
        for path in ("/v1/drafts", "/v1/check"):
            response = client.post(path, content=deep, headers={"Content-Type": "application/json"})
            assert response.status_code == 422 and "嵌套层数过深" in response.json()["error"]["message"], response.text
        assert client.get("/v1/drafts").status_code == 200
    assert "Traceback" not in server.log_text()
