"""Versions of the open draft: the list, restoring an older one (as a new version), a side-by-side diff whose
selectors follow the newest version, and the stale-edit box (someone else saved a newer version)."""

from __future__ import annotations

import streamlit as st

from drafter.view import actions
from drafter.view import diff as vdiff
from drafter.view import review as vr
from drafter.view.safe import plain
from drafter.view.page.common import flash, show_flash, ss, table


def history(svc, draft_id: str, user) -> None:
    with st.expander("版本历史、恢复与差异", expanded=True):
        try:
            versions = svc.list_versions(draft_id)
        except Exception as exc:  # noqa: BLE001
            st.error(plain(actions.error_text(exc)))
            return
        table(vr.version_rows(versions, ss.get("tz"), user.name), "没有版本")
        numbers = [v.number for v in versions]
        latest = numbers[-1]
        if len(numbers) < 2:
            st.caption("保存两个以上版本后可以比较差异和恢复旧版本")
            return
        c1, c2 = st.columns([2, 1])
        labels = {v.number: f"第 {v.number} 版（{vr.version_label(v, user.name)}）" for v in versions}
        chosen = c1.selectbox("恢复旧版本", numbers[:-1][::-1], key=f"restore_pick_{latest}",
                              format_func=labels.get)
        c2.button("恢复为新版本", key="restore", disabled=not user.writes,
                  on_click=lambda: flash("restore", actions.restore_version(ss, svc, chosen, user)))
        show_flash("restore")
        # keys carry the newest number, so a new version resets both selectors to (previous → newest)
        c1, c2 = st.columns(2)
        a = c1.selectbox("比较：从", numbers, index=len(numbers) - 2, key=f"diff_from_{latest}",
                         format_func="第 {} 版".format)
        b = c2.selectbox("到", numbers, index=len(numbers) - 1, key=f"diff_to_{latest}", format_func="第 {} 版".format)
        show_diff(svc, draft_id, a, b)


def show_diff(svc, draft_id: str, a: int, b: int) -> None:
    try:
        diff = svc.diff(draft_id, a, b)
        before, after = svc.get_version(draft_id, a).text, svc.get_version(draft_id, b).text
    except Exception as exc:  # noqa: BLE001
        st.error(plain(actions.error_text(exc)))
        return
    st.html(vdiff.side_by_side_html(before, after, f"第 {a} 版", f"第 {b} 版"))
    st.markdown("**数字变化**")
    table(vdiff.change_rows(diff.changed_numbers), "没有数字发生变化")


def stale_box(svc, draft_id: str) -> None:
    """Someone saved a newer version: show theirs beside mine, then load theirs (mine stays shown to copy)."""
    with st.container(border=True, key="stale_box"):
        try:
            latest = svc.get_draft(draft_id).latest
        except Exception as exc:  # noqa: BLE001
            st.error(plain(actions.error_text(exc)))
            return
        st.warning(plain(f"第 {latest.number} 版由 {latest.author} 保存，比您编辑所依据的第 {ss.base_version} 版新。"
                         "下面左边是对方的版本，右边是您的修改："))
        st.html(vdiff.side_by_side_html(latest.text, ss.draft_text, f"第 {latest.number} 版（{latest.author}）",
                                        "您的修改（未保存）"))
        st.button("载入最新版本继续编辑（您的修改会保留在下方，可复制）", key="load_latest",
                  on_click=lambda: _load_latest(svc, draft_id))


def kept_text() -> None:
    """The text the user had before loading someone else's newer version."""
    if ss.get("my_stale_text"):
        with st.expander("您之前未保存的修改（可复制）"):
            st.code(ss.my_stale_text, language=None, wrap_lines=True)


def _load_latest(svc, draft_id: str) -> None:
    mine = ss.get("draft_text")
    flash("save", actions.load_draft(ss, svc, draft_id))
    ss.my_stale_text = mine
