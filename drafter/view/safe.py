"""Text a user typed, made inert for Streamlit's Markdown (st.markdown, captions, alerts, table cells, labels).

Every ASCII punctuation character is backslash-escaped (CommonMark allows it for each of them), so nothing a user
typed becomes a link, an image, emphasis, a list, a heading, HTML, an emoji shortcode or a Streamlit directive such
as :red[…]. Escapes do not stop GitHub's autolinks (found in the text after parsing), so a word joiner (U+2060,
invisible) goes after the ":" of "http:", "https:", "mailto:" …, into "www." and after "@": a bare address or an
e-mail is no link either. The reader sees the same characters. Line breaks stay line breaks.
"""

from __future__ import annotations

import re

_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character
_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|xmpp|javascript|data|file)(:)")
_WWW = re.compile(r"(?i)\b(www)(\.)")
JOINER = "\u2060"


def plain(text: object) -> str:
    """`text` as Markdown that shows exactly these characters and nothing more."""
    lines = str(text if text is not None else "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "  \n".join(_PUNCT.sub(r"\\\1", _unlinked(line)) for line in lines)


def _unlinked(line: str) -> str:
    line = _SCHEME.sub(lambda m: m.group(1) + m.group(2) + JOINER, line)
    line = _WWW.sub(lambda m: m.group(1) + JOINER + m.group(2), line)
    return line.replace("@", "@" + JOINER)


def plain_rows(rows: list[dict]) -> list[dict]:
    """Table rows (st.table renders Markdown in its cells) with every text cell made plain."""
    return [{key: plain(value) if isinstance(value, str) else value for key, value in row.items()} for row in rows]
