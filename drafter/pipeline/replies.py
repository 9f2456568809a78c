"""Reading a section reply as it streams: when to stop (`SectionDone`) and its "概括：" line (`summary_line`)."""

from __future__ import annotations

import re
from textkit.sentences import FULL_STOPS, char_class

LEAD_LONGEST = 44  # a lead sentence's most characters (writer.LEAD_CHARS): a 概括 line past it is refused anyway

SUMMARY = re.compile(r"(?m)^\s*概括\s*[：:]\s*")
SUMMARY_DONE = re.compile(r"(?m)^\s*概括\s*[：:][^\n]*" + char_class(FULL_STOPS) + r"[^\n]*\n")


def after_line(last: int) -> re.Pattern:
    """Done once line `last` ("3. …") is complete."""
    return re.compile(rf"(?m)^\s*{last}\s*[.．、:：)）][^\n]*{char_class(FULL_STOPS)}[^\n]*\n")


class SectionDone:
    """Done once line `last` and the "概括：" line after it are complete, as soon as a line numbered past `last`
    begins (a small model goes on with invented items or the prompt's own words), or once the 概括 line has run past
    the longest lead kept: what follows is never used."""

    def __init__(self, last: int) -> None:
        self.last_line = after_line(last)
        self.past = re.compile(rf"(?m)^\s*{last + 1}\s*[.．、:：)）]")

    def search(self, text: str) -> bool:
        last = self.last_line.search(text)
        if not last:
            return False
        summary = SUMMARY.search(text, last.start())
        too_long = summary and len(text[summary.end():].split("\n", 1)[0]) > LEAD_LONGEST  # refused anyway
        return bool(SUMMARY_DONE.search(text, last.start()) or self.past.search(text, last.end()) or too_long)


_INLINE_SUMMARY = re.compile(f"(?<={char_class(FULL_STOPS)})[ \t]*(?=概括\\s*[：:])")


def summary_apart(reply: str) -> str:
    """The reply with a "概括：" written on at the end of the last numbered line put on its own line ("5. …活动。概括：
    工会通过…": the 1.5B model's, held-out s002_18, session 27; read as it was, 概括：… stood in the section's text)."""
    return _INLINE_SUMMARY.sub("\n", reply)


def summary_line(reply: str) -> str:
    """The text of the reply's "概括：" line, up to its first sentence end ("" when there is none, or when the line
    was cut before a sentence ended: a half sentence is no lead)."""
    found = SUMMARY.search(reply)
    line = reply[found.end():].split("\n", 1)[0].strip() if found else ""
    ends = [line.find(mark) for mark in FULL_STOPS if mark in line]
    return line[:min(ends) + 1] if ends else ""
