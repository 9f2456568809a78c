"""The sign-in page: name and password of a user in the store, or the one-person password (DRAFTER_UI_PASSWORD),
or nothing to ask when neither is set up. Authors and reviewers are the signed-in user."""

from __future__ import annotations

import hmac

import streamlit as st

from drafter.settings import Settings
from drafter.view import signin as vs
from drafter.view.actions import error_text
from drafter.view.page.common import ss

TOKEN_PARAM = "s"


def _sign_in(settings: Settings, user: vs.PageUser) -> None:
    ss.user = user.model_dump()
    st.query_params[TOKEN_PARAM] = vs.make_token(vs.secret(settings.data_dir), user.name)


def sign_out() -> None:
    for key in list(ss.keys()):
        del ss[key]
    st.query_params.clear()


def current_user(svc, settings: Settings) -> vs.PageUser:
    """The signed-in user; shows the sign-in form and stops the page until there is one."""
    if ss.get("user"):
        return vs.PageUser.model_validate(ss.user)
    password = settings.ui_password.get_secret_value() if settings.ui_password else ""
    try:
        users = vs.has_users(svc)
    except Exception as exc:  # noqa: BLE001 - a broken store is a message, not a crash
        st.error(error_text(exc))
        st.stop()
    name = vs.read_token(vs.secret(settings.data_dir), st.query_params.get(TOKEN_PARAM))
    if name:
        user = vs.known_user(svc, name) if users else vs.PageUser(name=vs.LOCAL_USER, role="local")
        if user is not None:
            ss.user = user.model_dump()
            return user
    if not users and not password:
        ss.user = vs.PageUser(name=vs.LOCAL_USER, role="local").model_dump()
        return vs.PageUser.model_validate(ss.user)
    _form(svc, settings, users, password)
    st.stop()


def _form(svc, settings: Settings, users: bool, password: str) -> None:
    st.title("工会工作总结起草助手")
    with st.form("login"):
        if users:
            name = st.text_input("用户名", key="login_name")
            given = st.text_input("密码", type="password", key="password")
        else:
            name, given = vs.LOCAL_USER, st.text_input("请输入访问密码", type="password", key="password")
        if not st.form_submit_button("登录" if users else "进入"):
            if users:
                st.caption("账号由管理员用 `drafter users create 用户名 --role writer|reviewer|editor|admin` 创建")
            return
    user = vs.login(svc, name, given) if users else (
        vs.PageUser(name=vs.LOCAL_USER, role="local") if hmac.compare_digest(given.encode(), password.encode()) else None)
    if user is None:
        st.error("用户名或密码不正确，请重新输入" if users else "密码不正确，请重新输入")
        return
    _sign_in(settings, user)
    st.rerun()
