"""drafter 网页：登录后秘书起草、边写边核对、保存提交导出；审核人对照事实审核。

Widgets are laid out by drafter.view.page; every action goes through the one DrafterService, as the signed-in user
(drafter.view.scoped: drafts of the user's organisation and its descendants, examples the user may see, as in
the API). Unsaved work is autosaved per user as a working copy and comes back after a reload, in a second tab or in
another browser.
"""

from __future__ import annotations

import streamlit as st

from drafter.service import DrafterService
from drafter.settings import Settings
from drafter.view import actions, workcopy
from drafter.view.scoped import as_user
from drafter.view import labels as vl
from drafter.view.safe import plain
from drafter.view.page import autosave, compose, editing, reviewing, signin
from drafter.view.page.common import flash, page_style, show_flash, ss
from drafter.view.page.conflict import conflict_box


@st.cache_resource(show_spinner="正在启动服务…")
def _cached_service(_settings: Settings, key: str) -> DrafterService:
    return DrafterService(_settings)


def get_service(settings: Settings) -> DrafterService:
    """One service per process (and per DRAFTER_ configuration)."""
    return _cached_service(settings, settings.model_dump_json())


def sidebar(svc: DrafterService, user) -> None:
    with st.sidebar:
        st.markdown(f"当前用户：**{plain(user.label)}**")
        if user.org_name:
            st.markdown(f"所属单位：{plain(user.org_name)}")
        st.button("退出登录", key="sign_out", on_click=lambda: signin.sign_out(svc))
        signin.keep_cookie(svc.settings)
        try:
            ready = svc.readiness()
        except Exception as exc:  # noqa: BLE001
            st.error(plain(actions.error_text(exc)))
            return
        for line in vl.readiness_summary(ready):
            st.caption(line)
        if user.admin:  # model paths and endpoints are for the one who runs the server
            with st.expander("高级信息（管理员）"):
                for line in vl.readiness_lines(ready):
                    st.caption(plain(line))


@st.dialog("范文全文", width="large")
def show_example(svc: DrafterService, example_id: str) -> None:
    example = svc.get_example(example_id)  # None too for another organisation's upload (drafter.view.scoped)
    if example is None:
        st.error("范文不存在（可能已被删除）")
        return
    st.markdown(plain(f"{vl.display_title(example.title)} · {example.kind}{' · ' + example.topic if example.topic else ''}"))
    st.text(example.text)


def secretary(svc: DrafterService, settings: Settings, user) -> None:
    autosave.keep_signature()
    with st.expander("打开已保存的稿件（继续修改、查看审核意见）"):
        picked = reviewing.drafts_picker(svc, "s", None)
        if picked:
            st.button("打开", key="s_open", on_click=lambda: autosave.open_draft(svc, user, picked))
        st.button("新建一份总结（清空表单和编辑框）", key="s_new", on_click=lambda: ask_new_draft(svc, user))
    if ss.get("confirm_new"):
        with st.container(border=True, key="new_box"):
            st.warning("编辑框中的内容还没有保存为版本。新建会清空表单和编辑框：要先把当前内容保存为一个版本吗？")
            c1, c2 = st.columns(2)
            c1.button("保存为版本，然后新建", key="new_save", type="primary", on_click=lambda: save_then_new(svc, user))
            c2.button("取消", key="new_cancel", on_click=lambda: ss.update(confirm_new=False))
    show_flash("drafts")
    if not (ss.get("request") and "draft_text" in ss):
        conflict_box("form")  # with a draft open, the editor shows it
    compose.facts_form(settings)
    compose.examples_panel(svc, show_example)
    compose.generate_panel(svc, settings, user)
    if ss.get("request") and "draft_text" in ss:
        editing.editor_panel(svc, user)
        editing.save_panel(svc, user)
    autosave.typed_autosave(svc, user)


def ask_new_draft(svc: DrafterService, user) -> None:
    """新建 over text not saved as a version asks first (and offers to keep it as a version)."""
    if compose.edited():
        ss.confirm_new = True
    else:
        new_draft(svc, user)


def save_then_new(svc: DrafterService, user) -> None:
    level, message = actions.save(ss, svc, user)
    ss.confirm_new = False
    if level == "error":
        flash("drafts", (level, message))
        return
    new_draft(svc, user)
    flash("drafts", ("success", f"{message}；已新建一份空白总结（之前的稿件可在“打开已保存的稿件”中找到）"))


def new_draft(svc: DrafterService, user) -> None:
    """Start over: the form and editor are cleared, and so is the autosaved new-draft slot (saved drafts stay)."""
    workcopy.clear(ss)
    svc.discard_working_copy(user.name, None)


def main() -> None:
    st.set_page_config(page_title="工会工作总结起草助手", page_icon="📝", layout="wide")
    try:
        settings = Settings()
    except ValueError as exc:  # pydantic ValidationError: a bad DRAFTER_ variable
        st.error(f"配置有误（请检查 DRAFTER_ 开头的环境变量或 .env）：{exc}")
        st.stop()
    page_style()
    ss["tz"] = settings.timezone  # times on the page in the user's zone (drafter.domain.times)
    svc = get_service(settings)
    user = signin.current_user(svc, settings)
    svc = as_user(svc, user.viewer)  # from here on, every call acts for the user's organisation
    restored = workcopy.restore(ss, svc, user.name)
    sidebar(svc, user)
    st.title("工会工作总结起草助手")
    note = st.empty()  # always there, so the tabs below keep their place (and their expanders stay open)
    if restored:
        note.info(restored)
    tabs = [("起草（秘书）", user.writes), ("审核（审核人）", user.reviews)]
    shown = [name for name, allowed in tabs if allowed]
    for name, tab in zip(shown, st.tabs(shown)):
        with tab:
            if name.startswith("起草"):
                secretary(svc, settings, user)
            else:
                reviewing.reviewer(svc, user)
    if user.writes:
        try:
            workcopy.autosave(ss, svc, user.name)  # the form too, before there is a draft
        except Exception as exc:  # noqa: BLE001 - shown; the work stays in this session
            st.warning(plain(f"自动暂存失败：{actions.error_text(exc)}"))


main()
