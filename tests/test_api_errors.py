"""Only the project's own errors become 4xx: a ValueError from anywhere else is a bug, answered with a 500, a plain
Chinese body and the traceback in the log (it used to be a 422 with whatever text the library raised)."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from drafter.api.app import create_app
from drafter.domain.errors import InvalidInput, NotFound
from textkit.decoding import DecodeError

BODY = {"facts": ["走访慰问困难职工86户"], "draft": "走访慰问困难职工86户。"}


@pytest.fixture
def client(settings):
    from drafter.service import DrafterService

    service = DrafterService(settings)
    with TestClient(create_app(service), raise_server_exceptions=False) as c:
        yield c, service


def failing(exc: Exception):
    def check(*args, **kwargs):
        raise exc
    return check


def test_a_library_value_error_is_a_500_with_a_chinese_body_and_a_logged_traceback(client, monkeypatch, caplog):
    c, service = client
    monkeypatch.setattr(service, "check", failing(ValueError("math domain error")))
    with caplog.at_level(logging.ERROR, logger="drafter.api"):
        r = c.post("/v1/check", json=BODY)
    assert r.status_code == 500
    error = r.json()["error"]
    assert error["code"] == "internal_error" and "服务器内部错误" in error["message"]
    assert "math domain" not in r.text  # internals stay in the log
    assert any(rec.exc_info and "math domain error" in str(rec.exc_info[1]) for rec in caplog.records)


@pytest.mark.parametrize(("exc", "status", "code"), [
    (InvalidInput("事实不能为空"), 422, "validation_error"),
    (NotFound("稿件不存在"), 404, "not_found"),
    (DecodeError("不是 UTF-8 文本（第 3 个字节无法解码）"), 422, "validation_error"),
])
def test_the_projects_own_errors_keep_their_status_and_message(client, monkeypatch, exc, status, code):
    c, service = client
    monkeypatch.setattr(service, "check", failing(exc))
    r = c.post("/v1/check", json=BODY)
    assert (r.status_code, r.json()["error"]["code"]) == (status, code)
    assert r.json()["error"]["message"] == str(exc)
