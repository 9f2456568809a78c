"""The draft editor as a Streamlit custom component (components v2): plain HTML, CSS and JavaScript shipped in
this folder and passed inline, so nothing is fetched from a CDN and no npm build is needed.

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
                                                      js=_read("editor.js"))
    return _mounts[runtime]


def draft_editor(payload: dict, key: str, on_change: Callable[[], None]):
    """Mount the editor with `payload` (drafter.view.marks.editor_payload); `on_change` runs when a new text
    arrives (read it from st.session_state[key]["doc"])."""
    return _component()(key=key, data=payload, default={"doc": None}, on_doc_change=on_change)


def sent_doc(state, key: str) -> dict | None:
    """The last {"text", "revision"} the editor sent, if any."""
    value = state.get(key)
    doc = value.get("doc") if hasattr(value, "get") else None
    return doc if isinstance(doc, dict) and isinstance(doc.get("text"), str) else None
