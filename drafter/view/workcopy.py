"""Autosave of a session's unsaved work as the user's working copy in the store, and restoring it on the next
visit (reload, a second tab, another browser). A working copy is never a version.

The slot of the draft being edited (its id, or None for a new draft) holds the form, the editor text and what is
needed to go on (request, result, saved text). The None slot always says which draft was open last.
"""

from __future__ import annotations

import json
from collections.abc import MutableMapping
from typing import Any

from drafter.records import WorkingCopy

State = MutableMapping[str, Any]
FIELDS = ("f_org", "f_period", "f_kind", "f_topic", "f_facts", "f_problems", "f_plans", "f_length")
CARRIED = ("pinned", "request", "result", "saved_text", "hits")
SENT = "_wc_sent"


def snapshot(state: State, user: str) -> WorkingCopy:
    """The session's work as a working copy of the open draft (slot None when it is not saved yet)."""
    form = {k: state[k] for k in FIELDS if k in state}
    form.update({k: state[k] for k in CARRIED if state.get(k) is not None})
    return WorkingCopy(user=user, draft_id=state.get("draft_id"), base_version=state.get("base_version"),
                       form=form, text=state.get("draft_text") or "")


def _pointer(user: str, draft_id: str | None, desk: WorkingCopy | None) -> WorkingCopy | None:
    """The None slot's note of the open draft, when the open draft is a saved one."""
    if draft_id is None:
        return None
    form = dict(desk.form) if desk else {}
    form["open_draft"] = draft_id
    return WorkingCopy(user=user, draft_id=None, form=form, text=desk.text if desk else "")


def autosave(state: State, svc, user: str) -> bool:
    """Store the working copy when anything changed since the last autosave; True when written."""
    copy = snapshot(state, user)
    if not (copy.text.strip() or any(str(v).strip() for k, v in copy.form.items() if k in FIELDS[:2] + FIELDS[4:5])):
        return False
    fingerprint = json.dumps([copy.draft_id, copy.base_version, copy.form, copy.text], ensure_ascii=False,
                             sort_keys=True, default=str)
    if state.get(SENT) == fingerprint:
        return False
    svc.save_working_copy(copy)
    if copy.draft_id and state.get("_wc_open") != copy.draft_id:
        desk = svc.load_working_copy(user, None)
        svc.save_working_copy(_pointer(user, copy.draft_id, desk))
        state["_wc_open"] = copy.draft_id
    elif not copy.draft_id:
        state["_wc_open"] = None
    state[SENT] = fingerprint
    return True


def latest_copy(svc, user: str) -> WorkingCopy | None:
    """The working copy to restore: the open saved draft's, else the new draft's."""
    desk = svc.load_working_copy(user, None)
    open_draft = desk.form.get("open_draft") if desk else None
    if open_draft:
        copy = svc.load_working_copy(user, open_draft)
        if copy is not None:
            return copy
    return desk


def apply(state: State, copy: WorkingCopy) -> None:
    """Put a working copy back into the session (before any widget is created)."""
    form = copy.form
    state.update({k: form[k] for k in FIELDS + CARRIED if k in form})
    state.update(draft_id=copy.draft_id, base_version=copy.base_version)
    if copy.text or form.get("request"):
        state["draft_text"] = copy.text
        state["editor_rev"] = int(state.get("editor_rev", 0)) + 1
    if copy.draft_id:
        state["_wc_open"] = copy.draft_id


def restore(state: State, svc, user: str) -> str | None:
    """Restore the user's latest working copy once per session; a Chinese note of what came back, or None."""
    if state.get("_wc_restored"):
        return None
    state["_wc_restored"] = True
    copy = latest_copy(svc, user)
    if copy is None or not (copy.text or copy.form):
        return None
    apply(state, copy)
    state[SENT] = None
    when = copy.updated_at.astimezone().strftime("%H:%M") if copy.updated_at else ""
    edited = copy.text and copy.text != copy.form.get("saved_text")
    what = "表单、初稿和未保存的修改" if edited else "表单和初稿" if copy.text else "表单"
    return f"已恢复您上次（{when}）的{what}"
