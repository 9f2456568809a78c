"""The secretary's autosave on the page: text typed into the form's boxes is stored before the box commits
(drafter.view.live), and opening a saved draft brings back this user's own unsaved work on it."""

from __future__ import annotations

import streamlit as st

from drafter.view import actions, workcopy
from drafter.view.live import sent_typed, typed_fields
from drafter.view.page import answering
from drafter.view.safe import plain
from drafter.view.page.common import flash, ss

TYPED_KEY = "typed_fields"


@st.fragment
def typed_autosave(svc, user) -> None:
    """Reruns alone when typed text arrives, and writes the working copy at once."""
    typed_fields((*workcopy.TYPED, *answering.typed_keys()), key=TYPED_KEY, on_typed=_take_typed)
    try:
        workcopy.autosave(ss, svc, user.name)
    except Exception as exc:  # noqa: BLE001 - shown; the typed text stays in the boxes
        st.warning(plain(f"自动暂存失败：{actions.error_text(exc)}"))
    answering.autosave(svc, user)  # reply boxes too (answers to a returned review)


def _take_typed() -> None:
    values = sent_typed(ss, TYPED_KEY)
    workcopy.take_typed(ss, values)
    answering.take_typed(values)


def open_draft(svc, user, draft_id: str) -> None:
    """Open a saved draft: its latest version, then this user's unsaved edit of that draft (not another's)."""
    level, message = actions.load_draft(ss, svc, draft_id)
    if level == "success":
        try:
            note = workcopy.reopen(ss, svc, user.name, draft_id)
        except Exception as exc:  # noqa: BLE001 - the saved version is open; say what could not come back
            note = f"未能恢复未保存的修改：{actions.error_text(exc)}"
        message = f"{message}；{note}" if note else message
    flash("drafts", (level, message))


def keep_signature() -> None:
    """The export box's signature fields keep their text while the box is closed (Streamlit drops the state of
    widgets not shown in a run)."""
    for key in ("sig_org", "sig_date"):
        if key in ss:
            ss[key] = ss[key]
