"""Small page helpers: messages shown next to the control that caused them, tables that wrap on a phone."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from drafter.view.safe import plain, plain_rows

ss = st.session_state
CSS = Path(__file__).with_name("page.css")


def page_style() -> None:
    """The page's few CSS rules (Chinese upload widget, wrapping tables, phone padding)."""
    st.html(f"<style>{CSS.read_text(encoding='utf-8')}</style>")


def flash(area: str, message: tuple[str, str] | None) -> None:
    """Keep a (level, text) message for the next time `show_flash(area)` runs (right under its control)."""
    if message:
        ss.setdefault("flash", {}).setdefault(area, []).append(message)


def show_flash(area: str) -> None:
    for level, text in ss.get("flash", {}).pop(area, []):
        getattr(st, level)(plain(text))


def table(rows: list[dict], empty: str, where=None) -> None:
    """A static table (text wraps, nothing is cut off on a phone), or a caption when there are no rows."""
    where = where or st
    if rows:
        where.table(plain_rows(rows))
    else:
        where.caption(empty)
