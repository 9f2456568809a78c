"""The sign-in page: name and password of a user in the store, or the one-person password (DRAFTER_UI_PASSWORD),
or nothing to ask when neither is set up. Authors and reviewers are the signed-in user.

Wrong passwords are throttled by the service (per user and per address, a growing wait, a lock after
DRAFTER_SIGNIN_LOCK_AFTER). A sign-in is a server-side session whose random token lives in a cookie, never in the
page address; 退出登录 revokes it on the server and clears the cookie.

A signed-in user carries their organisation (PageUser.org_id, from the store): the page's service calls are scoped
to it (drafter.view.scoped), as the API's are; with DRAFTER_AUTH=off nothing is scoped."""

from __future__ import annotations

import hmac
from datetime import UTC, datetime
import json
import math

import streamlit as st

from drafter.domain.records import UserInfo
from drafter.settings import Settings
from drafter.view import signin as vs
from drafter.view.actions import error_text
from drafter.view.safe import plain
from drafter.view.page.common import ss

COOKIE = "drafter_session"


def _cookie_script(value: str, max_age: int) -> str:
    cookie = f"{COOKIE}={value}; path=/; max-age={max_age}; SameSite=Strict"
    return f"<script>document.cookie = {json.dumps(cookie)};</script>"


def keep_cookie(settings: Settings) -> None:
    """Write (or, after signing out, clear) the session cookie in the browser; shows nothing."""
    token, max_age = ss.get("session_token"), int(settings.session_days * 86400)
    if ss.get("clear_cookie"):
        st.html(_cookie_script("", 0), unsafe_allow_javascript=True)
    elif token:
        st.html(_cookie_script(token, max_age), unsafe_allow_javascript=True)


def sign_out(svc) -> None:
    """退出登录: the session is revoked on the server (the cookie no longer signs in anywhere), the page forgets."""
    token = ss.get("session_token") or _cookie_token()
    try:
        svc.end_page_session(token)
    except Exception:  # noqa: BLE001 - the page forgets the user anyway; the cookie is cleared below
        pass
    for key in list(ss.keys()):
        del ss[key]
    ss.clear_cookie = True
    ss.revoked_token = token


def _cookie_token() -> str | None:
    try:
        token = st.context.cookies.get(COOKIE)
    except Exception:  # noqa: BLE001 - no browser context
        return None
    return token if isinstance(token, str) else None  # AppTest's context is a stand-in


def _address() -> str:
    try:
        address = st.context.ip_address
    except Exception:  # noqa: BLE001 - no browser context
        address = None
    return address if isinstance(address, str) and address else "本机"


def current_user(svc, settings: Settings) -> vs.PageUser:
    """The signed-in user; shows the sign-in form and stops the page until there is one."""
    if ss.get("user"):
        return vs.PageUser.model_validate(ss.user)
    if "s" in st.query_params:
        del st.query_params["s"]  # an old-style token in the address: never used, never kept
    password = settings.ui_password.get_secret_value() if settings.ui_password else ""
    try:
        users = vs.has_users(svc)
        token = _cookie_token()
        name = svc.page_session_user(token) if token and token != ss.get("revoked_token") else None
    except Exception as exc:  # noqa: BLE001 - a broken store is a message, not a crash
        st.error(plain(error_text(exc)))
        st.stop()
    if name:
        user = vs.known_user(svc, name, _scoped(settings)) if users else vs.PageUser(name=vs.LOCAL_USER, role="local")
        if user is not None:
            ss.update(user=user.model_dump(), session_token=token)
            return user
    if not users and not password:
        ss.user = vs.PageUser(name=vs.LOCAL_USER, role="local").model_dump()
        return vs.PageUser.model_validate(ss.user)
    _form(svc, settings, users, password)
    st.stop()


def _scoped(settings: Settings) -> bool:
    """Signed-in users act within their organisation, except in one-person local use (DRAFTER_AUTH=off)."""
    return settings.auth != "off"


def _form(svc, settings: Settings, users: bool, password: str) -> None:
    st.title("工会工作总结起草助手")
    keep_cookie(settings)
    with st.form("login"):
        if users:
            name = st.text_input("用户名", key="login_name")
            given = st.text_input("密码", type="password", key="password")
        else:
            name, given = vs.LOCAL_USER, st.text_input("请输入访问密码", type="password", key="password")
        if not st.form_submit_button("登录" if users else "进入"):
            if users:
                st.caption("还没有账号？请联系管理员为您开通。")
            return
    verify = None if users else (lambda _n, given_: _one_person(given_, password))
    try:
        result = svc.sign_in(name, given, _address(), verify=verify)
    except Exception as exc:  # noqa: BLE001
        st.error(plain(error_text(exc)))
        return
    if result.user is None:
        st.error(_refusal(result, users, settings))
        return
    user = vs.page_user(svc, result.user, _scoped(settings)) if users else vs.PageUser(
        name=vs.LOCAL_USER, role="local")
    ss.update(user=user.model_dump(), session_token=result.token, clear_cookie=False)
    st.rerun()


def _one_person(given: str, password: str) -> UserInfo | None:
    """The one-person password's check, in the shape of a user (the page signs in the local user)."""
    if not hmac.compare_digest(given.encode(), password.encode()):
        return None
    return UserInfo(name=vs.LOCAL_USER, role="writer", created_at=datetime.now(UTC))


def _refusal(result, users: bool, settings: Settings) -> str:
    wrong = "用户名或密码不正确" if users else "密码不正确"
    if not result.checked and not result.locked:
        return f"尝试过于频繁，为保护账号，请 {max(1, math.ceil(result.wait_s))} 秒后再试。"
    if result.locked:
        minutes = max(1, math.ceil(result.wait_s / 60))
        return (f"密码错误次数过多，账号已暂时锁定，请 {minutes} 分钟后再试；如忘记密码，请联系管理员重设。")
    if result.wait_s >= 1:
        return f"{wrong}。为保护账号，请 {math.ceil(result.wait_s)} 秒后再试。"
    return f"{wrong}，请重新输入"
