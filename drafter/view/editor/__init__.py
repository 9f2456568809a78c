"""The draft editor as a Streamlit custom component (components v2): plain HTML, CSS and JavaScript shipped in
this folder and passed inline (notes.js and editor.js joined into one module), so nothing is fetched from a CDN
and no npm build is needed.

The component sends {"text", "revision"} as its "doc" state 300 ms after the last keystroke (and on blur); Python
rechecks and sends back the marks. Python replaces the text only by raising `revision`, so the browser's own undo
history survives every check.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).parent
NAME = "drafter_editor"


def _read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


_mounts: dict[int, object] = {}


def _component():
    """Register once per Streamlit runtime (a test may start several) and return the mounting command."""
    import streamlit as st
    from streamlit.runtime import Runtime

    runtime = id(Runtime.instance()) if Runtime.exists() else 0
    if runtime not in _mounts:
        _mounts[runtime] = st.components.v2.component(NAME, html=_read("editor.html"), css=_read("editor.css"),
                                                      js=_read("notes.js") + _read("editor.js"))
    return _mounts[runtime]


def draft_editor(payload: dict, key: str, on_change: Callable[[], None] | None = None,
                 on_comment: Callable[[], None] | None = None, on_drop: Callable[[], None] | None = None):
    """Mount the editor with `payload` (drafter.view.marks.editor_payload); `on_change` runs when a new text
    arrives (read it from st.session_state[key]["doc"]), `on_comment` when a comment on a selected span arrives
    (sent_event(state, key, "comment")), `on_drop` when a pending comment is removed."""
    callbacks = {name: fn for name, fn in (("on_doc_change", on_change), ("on_comment_change", on_comment),
                                           ("on_drop_change", on_drop)) if fn is not None}
    default = {"doc": None} if on_change is not None else None
    from drafter.view.utf16 import payload_for_browser

    return _component()(key=key, data=payload_for_browser(payload), default=default, **callbacks)


def sent_event(state, key: str, name: str) -> dict | None:
    """The payload of the component's trigger `name` in this run (a dict), if it fired."""
    value = state.get(key)
    event = value.get(name) if hasattr(value, "get") else None
    return event if isinstance(event, dict) else None


def sent_doc(state, key: str) -> dict | None:
    """The last {"text", "revision"} the editor sent, if any."""
    value = state.get(key)
    doc = value.get("doc") if hasattr(value, "get") else None
    return doc if isinstance(doc, dict) and isinstance(doc.get("text"), str) else None
