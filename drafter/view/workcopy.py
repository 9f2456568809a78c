"""Autosave of a session's unsaved work as the user's working copy in the store, and restoring it on the next
visit (reload, a second tab, another browser). A working copy is never a version.

The slot of the draft being edited (its id, or None for a new draft) holds the form, the editor text and what is
needed to go on (request, result, saved text). The None slot always says which draft was open last.
"""

from __future__ import annotations

import json
from collections.abc import MutableMapping
from typing import Any

from drafter.domain.records import WorkingCopy
from drafter.domain.times import local

State = MutableMapping[str, Any]
FIELDS = ("f_org", "f_period", "f_kind", "f_topic", "f_facts", "f_problems", "f_plans", "f_length", "sig_org",
          "sig_date")
TYPED = ("f_org", "f_period", "f_topic", "f_facts", "f_problems", "f_plans", "sig_org", "sig_date")
CARRIED = ("pinned", "request", "result", "saved_text", "hits", "kept_other")
SENT = "_wc_sent"
LIVE = "_wc_typed"
SEEN = "_wc_seen"  # {"slot", "at", "text"}: the stored copy this session last wrote or loaded
CONFLICT = "wc_conflict"  # a newer copy another tab or device stored: {"slot", "at", "text", "facts"}


def take_typed(state: State, values: dict[str, str]) -> None:
    """Record text typed into the form's boxes before they commit (drafter.view.live), each with the committed
    value it was typed over; a value equal to the committed one needs no record."""
    live = dict(state.get(LIVE) or {})
    for key, value in values.items():
        if key not in TYPED or not isinstance(value, str):
            continue
        if value == state.get(key):
            live.pop(key, None)
        elif (live.get(key) or {}).get("value") != value:
            live[key] = {"value": value, "base": state.get(key)}
    state[LIVE] = live


def field_value(state: State, key: str) -> Any:
    """A form field as the user sees it: the typed text while the committed value is still the one it was typed
    over, else the committed value (a commit or a button that rewrote the field is newer)."""
    typed = (state.get(LIVE) or {}).get(key)
    if typed is not None and typed.get("base") == state.get(key):
        return typed["value"]
    return state.get(key)


def snapshot(state: State, user: str) -> WorkingCopy:
    """The session's work as a working copy of the open draft (slot None when it is not saved yet)."""
    typed = state.get(LIVE) or {}
    form = {k: field_value(state, k) for k in FIELDS if k in state or k in typed}
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
    if state.get(CONFLICT):
        return False  # the page shows both texts; nothing is written until the user chooses
    stored = svc.load_working_copy(user, copy.draft_id)
    if newer_elsewhere(state, stored, copy):
        state[CONFLICT] = {"slot": copy.draft_id, "at": stored.updated_at.isoformat(), "text": stored.text,
                           "facts": stored.form.get("f_facts")}
        return False
    saved = svc.save_working_copy(copy)
    seen(state, copy.draft_id, saved)
    if copy.draft_id and state.get("_wc_open") != copy.draft_id:
        desk = svc.load_working_copy(user, None)
        svc.save_working_copy(_pointer(user, copy.draft_id, desk))
        state["_wc_open"] = copy.draft_id
    elif not copy.draft_id:
        state["_wc_open"] = None
    state[SENT] = fingerprint
    return True


def seen(state: State, slot: str | None, copy: WorkingCopy | None) -> None:
    """Remember the stored copy this session wrote or loaded (what a later autosave expects to find)."""
    if copy is not None and copy.updated_at is not None:
        state[SEEN] = {"slot": slot, "at": copy.updated_at.isoformat(), "text": copy.text,
                       "facts": copy.form.get("f_facts")}


def newer_elsewhere(state: State, stored: WorkingCopy | None, mine: WorkingCopy) -> bool:
    """True when another tab or device stored different work in this slot since this session last wrote or
    loaded it (the last autosave would otherwise win, and that edit would vanish)."""
    last = state.get(SEEN)
    if stored is None or stored.updated_at is None or not last or last.get("slot") != mine.draft_id:
        return False
    if stored.updated_at.isoformat() == last.get("at"):
        return False
    theirs = (stored.text, stored.form.get("f_facts"))
    return theirs != (last.get("text"), last.get("facts")) and theirs != (mine.text, mine.form.get("f_facts"))


def resolve(state: State, keep: str) -> None:
    """The user chose after a conflict: keep="theirs" loads the other tab's text (this one's is kept beside it),
    keep="mine" stays with this text (the other's is kept beside it). Neither text is dropped."""
    conflict = state.pop(CONFLICT, None)
    if not conflict:
        return
    mine = state.get("draft_text") or ""
    if keep == "theirs":
        state.update(draft_text=conflict["text"], kept_other=mine,
                     editor_rev=int(state.get("editor_rev", 0)) + 1)
        if conflict.get("facts") is not None:
            state["f_facts"] = conflict["facts"]
    else:
        state["kept_other"] = conflict["text"]
    state[SEEN] = {"slot": conflict["slot"], "at": conflict["at"], "text": conflict["text"],
                   "facts": conflict.get("facts")}
    state[SENT] = None


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
    seen(state, copy.draft_id, copy)


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
    when = local(copy.updated_at, state.get("tz"), "%H:%M")
    edited = copy.text and copy.text != copy.form.get("saved_text")
    what = "表单、初稿和未保存的修改" if edited else "表单和初稿" if copy.text else "表单"
    return f"已恢复您上次（{when}）的{what}"


def reopen(state: State, svc, user: str, draft_id: str) -> str | None:
    """After a saved draft was opened (its latest version in the form and editor): bring back this user's own
    unsaved work on that very draft, if any; a Chinese note of what came back, or None.

    An edited text comes back with the version it was based on, so saving over a newer version someone else
    saved meanwhile shows the stale-edit comparison instead of overwriting it."""
    copy = svc.load_working_copy(user, draft_id)
    if copy is None:
        return None
    seen(state, draft_id, copy)
    latest = state.get("base_version")  # load_draft put the latest version there
    text_edited = bool(copy.text) and copy.text != copy.form.get("saved_text")
    typed = {k: copy.form[k] for k in FIELDS if k in copy.form and copy.form[k] != state.get(k)}
    if text_edited:
        apply(state, copy)
    elif typed:
        state.update(typed)
    else:
        return None
    state[SENT] = None
    when = local(copy.updated_at, state.get("tz"), "%m-%d %H:%M")
    if not text_edited:
        return f"已恢复您（{when}）对表单未保存的修改"
    newer = f"；此后已有第 {latest} 版，保存时会请您对照合并" if latest and latest != copy.base_version else ""
    return f"已恢复您（{when}）对这篇稿件未保存的修改（基于第 {copy.base_version} 版{newer}）"


def review_slot(draft_id: str) -> str:
    """The working-copy slot of a reviewer's pending comments on a draft (beside the draft's own slot)."""
    return f"review:{draft_id}"


def load_review(svc, user: str, draft_id: str, version: int) -> list[dict]:
    """The reviewer's pending passage comments on this version of the draft (none for another version)."""
    copy = svc.load_working_copy(user, review_slot(draft_id))
    if copy is None or copy.base_version != version:
        return []
    return [p for p in copy.form.get("passages") or [] if isinstance(p, dict)]


def save_review(svc, user: str, draft_id: str, version: int, passages: list[dict]) -> None:
    """Autosave the reviewer's pending comments (an empty list removes the slot: the review was sent)."""
    if not passages:
        svc.discard_working_copy(user, review_slot(draft_id))
        return
    svc.save_working_copy(WorkingCopy(user=user, draft_id=review_slot(draft_id), base_version=version,
                                      form={"passages": passages}))


def clear(state: State) -> None:
    """Start over: the form's boxes are emptied by value (a widget whose state is only deleted keeps showing its
    old text in the browser), everything else of the open draft is dropped."""
    from drafter.models import KINDS

    state.update({key: "" for key in TYPED if not key.startswith("sig_")})
    state.update(f_kind=KINDS[0], f_length="normal")
    for key in (*CARRIED, LIVE, "sig_org", "sig_date", "draft_id", "base_version", "draft_text", "stale", "_wc_open",
                SEEN, CONFLICT):
        state.pop(key, None)
    state[SENT] = None
