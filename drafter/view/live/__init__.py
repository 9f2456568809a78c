"""Autosave of the plain form fields while the user types, before the field commits.

Streamlit's own text boxes report their value only when they commit (Enter, Ctrl+Enter or leaving the box), so
a reload in the middle of typing would lose what was typed. This tiny components-v2 piece (live.js, no HTML,
hidden by page.css) listens, in the page itself, to `input` events of the text boxes whose widget keys it is
given (Streamlit marks each widget's container with the class `st-key-<key>`), and 0.5 s after the last keystroke
sends the values typed since its last message as its state "typed". Its callback (drafter.view.workcopy.take_typed) records them beside
the widgets' committed values, and the fragment that mounts it writes the working copy at once, so the typed text
is in the store within about a second of the last keystroke.

Why this way:
- The native widgets stay (labels, keyboard, screen readers, phone keyboards, AppTest and the e2e tests all keep
  working); only a listener is added.
- The typed values never go back into the widgets' session state: writing a widget's value from Python while
  the user is still typing would replace the box's content and lose the keystrokes made meanwhile. They only feed
  the working copy; on a reload the restored form puts them into the boxes before the widgets exist.
- A typed value is kept with the committed value it was typed over (its base). When the widget's committed value
  changes (the box committed, or a button such as 拆分 rewrote it), the committed value is newer and wins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

NAME = "drafter_typed_fields"
_mounts: dict[int, object] = {}


def _component():
    """Register once per Streamlit runtime and return the mounting command."""
    import streamlit as st
    from streamlit.runtime import Runtime

    runtime = id(Runtime.instance()) if Runtime.exists() else 0
    if runtime not in _mounts:
        js = (Path(__file__).parent / "live.js").read_text(encoding="utf-8")
        _mounts[runtime] = st.components.v2.component(NAME, js=js)
    return _mounts[runtime]


def typed_fields(keys: Sequence[str], key: str, on_typed: Callable[[], None]):
    """Mount the listener for the text widgets with these `keys`; `on_typed` runs when typed values arrive
    (read them with sent_typed)."""
    return _component()(key=key, data={"keys": list(keys)}, default={"typed": None}, on_typed_change=on_typed)


def sent_typed(state, key: str) -> dict[str, str]:
    """The values the listener sent last ({widget key: text typed since its previous message})."""
    value = state.get(key)
    typed = value.get("typed") if hasattr(value, "get") else None
    values = typed.get("values") if isinstance(typed, dict) else None
    return {k: v for k, v in values.items() if isinstance(v, str)} if isinstance(values, dict) else {}
