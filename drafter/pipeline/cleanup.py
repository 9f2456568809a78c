"""Tidy what a model wrote before it is checked: a numbered line of a section reply, or a frame paragraph.

Only form is fixed here (Markdown marks, list numbers, a "第2条：" prefix, half-width punctuation at the end, a
missing full stop); anything that changes content is left to the check, which then has the sentence written again.
"""

from __future__ import annotations

import re

from drafter.pipeline.defects import sentences
from textkit.headings import MARKDOWN_MARK
from textkit.sentences import (
    COLONS, COMMAS, ENUM_COMMA, FULL_STOP, FULL_STOPS, SEMICOLONS, char_class, chinese_punctuation,
)

_EMPHASIS = re.compile(r"\*\*|__|`")
_MD_HEADING = MARKDOWN_MARK
_FENCE = re.compile(r"^\s*```[\w-]*\s*$")
_LINE_NUMBER = re.compile(r"^\s*(?:第\s*)?(\d{1,2})\s*(?:条\s*[：:]?|[.．](?!\d)|[、:：)）])\s*")
_BULLET = re.compile(r"^\s*[-•·*]\s+")
_PREAMBLE = re.compile(r"^\s*(?:好的|当然|以下是|下面是|根据您|根据你|根据以上|这是)[^。\n]{0,60}" + char_class(COLONS + FULL_STOP) + r"\s*$")


def numbered_lines(reply: str) -> tuple[dict[int, str], list[str]]:
    """{line number: text} of a reply written as "0. …", "1. …" (the first text of each number wins), and the
    unnumbered lines in order."""
    numbered: dict[int, str] = {}
    loose: list[str] = []
    for raw in reply.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(raw) or not raw.strip():
            continue
        line = _BULLET.sub("", _MD_HEADING.sub("", _EMPHASIS.sub("", raw))).strip()
        match = _LINE_NUMBER.match(line)
        if match:
            numbered.setdefault(int(match.group(1)), line[match.end():].strip())
        elif line:
            loose.append(line)
    return numbered, loose


def tidy_sentence(text: str, most: int = 2) -> str:
    """At most `most` sentences of `text`, without list numbers or emphasis, ending with a full stop."""
    text = _EMPHASIS.sub("", text or "").strip()
    text = _LINE_NUMBER.sub("", _BULLET.sub("", text), count=1).strip().strip("“”\"'")
    text = chinese_punctuation(re.sub(r"\s+", "", text))
    if not text:
        return ""
    parts = sentences(text)[:most]
    text = "".join(parts)
    text = text.rstrip(SEMICOLONS + COMMAS + ENUM_COMMA + COLONS + " ")
    if text and text[-1] in ".!?":
        text = text[:-1] + "。"
    return text if not text or text[-1] in FULL_STOPS else text + "。"


def clean_paragraph(text: str) -> str:
    """A frame paragraph (opening or closing): one paragraph, without fences, Markdown heading lines, preambles and
    emphasis."""
    lines = [_EMPHASIS.sub("", line).strip() for line in text.replace("\r\n", "\n").split("\n")
             if not _FENCE.match(line) and not _MD_HEADING.match(line)]  # a "### 标题" line is no paragraph text
    lines = [line for line in lines if line and not _PREAMBLE.match(line)]
    return tidy_sentence("".join(lines), most=8)
