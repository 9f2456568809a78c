"""Sentences and clauses of Chinese prose, as spans that tile the text (every character in exactly one span).

A sentence ends after 。！？!? (and ；; unless `semicolons=False`), together with the closing quotes or brackets
right after the mark ("…开展活动。”" keeps its ”), or at a line break, which stays with the sentence before it.
A clause ends after ，,：: (inside a sentence).
"""

from __future__ import annotations

import re
from functools import lru_cache

FULL_STOP = "。"  # the full stop alone (FULL_STOPS holds ！？!? too)
FULL_STOPS = FULL_STOP + "！？!?"
SEMICOLONS = "；;"
SENTENCE_ENDS = FULL_STOPS + SEMICOLONS
CLOSERS = "”’」』）)]】"
COMMAS = "，,"
COLONS = "：:"
CLAUSE_ENDS = COMMAS + COLONS
BREAKS = SENTENCE_ENDS + CLAUSE_ENDS  # every sentence or clause end
ENUM_COMMA = "、"  # the list comma: ends an item of a list, not a clause
# A paragraph's last line ends its sentence when it ends with any of these (a hard wrap otherwise continues it).
LINE_ENDS = SENTENCE_ENDS + COLONS + "…" + CLOSERS + "."


def char_class(chars: str, negate: bool = False) -> str:
    """A regex character class of `chars`, escaped: char_class(SENTENCE_ENDS + "\n", negate=True) is a
    class of everything that does not end a sentence or a line."""
    return f"[{'^' if negate else ''}{re.escape(chars)}]"


_CLAUSE = re.compile(rf"[^{CLAUSE_ENDS}]*[{CLAUSE_ENDS}]?")
# Blanks and the marks left out when two sentences are compared ("工会，走访职工。" is "工会走访职工").
# Text ending where a list item could start: a line start or a sentence/colon end, then blanks or Markdown marks
# (a circled ① there is a list marker, not a number).
ITEM_START_BEFORE = re.compile(rf"(?:^|{char_class(chr(10) + SENTENCE_ENDS + COLONS)})[ \t\u3000#>*\-]*$")
NOT_COMPARED = re.compile(rf"[\s{re.escape(COMMAS + FULL_STOP + SEMICOLONS + COLONS + ENUM_COMMA)}“”]")


@lru_cache(maxsize=2)
def _sentence_pattern(semicolons: bool) -> re.Pattern[str]:
    ends = re.escape(SENTENCE_ENDS if semicolons else FULL_STOPS)
    closers = re.escape(CLOSERS)
    return re.compile(rf"[^{ends}\n]*(?:[{ends}]+[{closers}]*)?\n?")


def sentence_spans(text: str, semicolons: bool = True, line_breaks: bool = True) -> list[tuple[int, int]]:
    """(start, end) of each sentence, end marks, closers and a following line break included; they tile `text`.
    With `line_breaks=False` the line breaks are left out (and blank lines give no span): for highlighting."""
    spans = [(m.start(), m.end()) for m in _sentence_pattern(semicolons).finditer(text) if m.end() > m.start()]
    if line_breaks:
        return spans
    trimmed = [(start, end - (text[end - 1] == "\n")) for start, end in spans]
    return [(start, end) for start, end in trimmed if end > start]


def split_sentences(text: str, semicolons: bool = True) -> list[str]:
    """The sentences of `text`; "".join(split_sentences(text)) == text."""
    return [text[start:end] for start, end in sentence_spans(text, semicolons)]


def sentence_lines(text: str) -> list[str]:
    """Each line cut after every sentence end, without line breaks; an empty line stays an empty item."""
    out: list[str] = []
    for line in text.splitlines():
        out.extend(split_sentences(line) or [""])
    return out


def clause_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each comma/colon clause of text[start:end], delimiters included; they tile the range."""
    end = len(text) if end is None else end
    return [(start + m.start(), start + m.end()) for m in _CLAUSE.finditer(text[start:end]) if m.end() > m.start()]


def ends_sentence(text: str, semicolons: bool = True) -> bool:
    """Does `text` (trailing blanks and closers aside) end with a sentence mark or an ellipsis?"""
    body = text.rstrip().rstrip(CLOSERS)
    return bool(body) and body[-1] in (SENTENCE_ENDS if semicolons else FULL_STOPS) + "…"


def has_sentence_end(text: str) -> bool:
    """Is there a sentence end inside `text`, not counting the marks it ends with?"""
    body = text.rstrip(SENTENCE_ENDS + COLONS)
    return any(mark in body for mark in SENTENCE_ENDS)


PAIRED_MARKS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "「": "」", "『": "』", "【": "】", "[": "]"}


def balanced(text: str) -> bool:
    """Every opening quote or bracket in `text` is closed in order ("开展了“情满阳光" is not: a phrase cut
    inside a quotation), and straight double quotes come in pairs (五四"青年节 for "五四"青年节 is not)."""
    closing = set(PAIRED_MARKS.values())
    open_marks: list[str] = []
    for char in text:
        if char in PAIRED_MARKS:
            open_marks.append(PAIRED_MARKS[char])
        elif char in closing:
            if not open_marks or open_marks.pop() != char:
                return False
    return not open_marks and text.count('"') % 2 == 0


# ASCII punctuation in Chinese prose (facts pasted from scraped pages: "慰问困难职工86户,发放慰问金"), as a
# summary writes it. Only a mark touching a Chinese character or quote is changed, never one between digits
# (12,600 · 10:30) or inside Latin text; parentheses only around text with a Chinese character.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’"
_ASCII_MARK = re.compile(rf"(?<=[{_CJK}])[,;:?!]|[,;:](?=[{_CJK}])")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PAREN = re.compile(rf"\(([^()\n]*[\u3400-\u9fff][^()\n]*)\)")
_QUOTED = re.compile(r'"([^"\n]*)"')  # quote pairs in order; only those around Chinese are changed


def chinese_punctuation(text: str) -> str:
    """`text` with ASCII , ; : ? ! and () next to Chinese written full-width, and ASCII double quotes around
    Chinese as “” when they pair up (an odd count is left as it is: a pair cannot be told); the same length, so
    offsets hold."""
    text = _ASCII_MARK.sub(lambda m: _FULL[m.group(0)], text)
    if text.count('"') % 2 == 0:
        text = _QUOTED.sub(lambda m: f"“{m.group(1)}”" if re.search("[\u3400-\u9fff]", m.group(1)) else m.group(0), text)
    return _PAREN.sub(r"（\1）", text)
