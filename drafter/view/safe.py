"""Text a user typed, made inert for Streamlit's Markdown (st.markdown, captions, alerts, table cells, labels).

Every ASCII punctuation character is backslash-escaped (CommonMark allows it for each of them), so nothing a user
typed becomes a link, an image, emphasis, a list, a heading, HTML, an emoji shortcode or a Streamlit directive such
as :red[…]: a bare "http://…" or "www.…" is no autolink either once its ":" and "." are escaped. The reader sees the
same characters. Line breaks stay line breaks.
"""

from __future__ import annotations

import re

_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character


def plain(text: object) -> str:
    """`text` as Markdown that shows exactly these characters and nothing more."""
    lines = str(text if text is not None else "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "  \n".join(_PUNCT.sub(r"\\\1", line) for line in lines)


def plain_rows(rows: list[dict]) -> list[dict]:
    """Table rows (st.table renders Markdown in its cells) with every text cell made plain."""
    return [{key: plain(value) if isinstance(value, str) else value for key, value in row.items()} for row in rows]
