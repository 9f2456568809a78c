"""Fact lines: one fact per line, leading bullets and numbering stripped, blank lines dropped."""

from __future__ import annotations

import re
import unicodedata

from textkit.headings import INLINE_ITEM, numbering, strip_list_mark
from textkit.sentences import COMMAS, FULL_STOP, FULL_STOPS, SEMICOLONS, SENTENCE_ENDS, char_class

# "- ", "* ", "• ", "1.", "1、", "（1）", "(1)", "①", "一、" at the start of a line; "3.5万名…" keeps its number.


def strip_bullet(line: str) -> str:
    """Remove one leading bullet or list number and surrounding blanks (textkit's one definition)."""
    return strip_list_mark(line)


def clean_fact_lines(items: list[str] | str) -> list[str]:
    """Split (if given a text), strip bullets, drop blank lines. Order is kept: fact_line = index + 1."""
    if isinstance(items, str):
        items = items.splitlines()
    out: list[str] = []
    for item in items:
        for line in str(item).splitlines() or [""]:
            line = unicodedata.normalize("NFC", line)
            text = strip_bullet(line)
            if text:
                out.append(text)
    return out


_CLAUSE_END = re.compile(f"(?<={char_class(SEMICOLONS + FULL_STOP)})")


def split_pasted(text: str) -> list[str]:
    """Facts of a pasted text: each line split at numbered items and after "；" / "。", bullets stripped,
    trailing "；" / "。" / "，" removed (a WeChat paragraph joined by "；" becomes one fact per clause)."""
    out: list[str] = []
    for line in (text or "").splitlines():
        line = unicodedata.normalize("NFC", line)
        for item in _split_items(line):
            for clause in _CLAUSE_END.split(item):
                fact = strip_bullet(clause).rstrip(SEMICOLONS + FULL_STOP + COMMAS + " ")
                if fact:
                    out.append(fact)
    return out


def _split_items(line: str) -> list[str]:
    starts = [m.start() for m in INLINE_ITEM.finditer(line)]
    edges = sorted({0, *starts, len(line)})
    return [line[a:b] for a, b in zip(edges, edges[1:])]


def needs_split(text: str) -> bool:
    """True when splitting would turn the pasted lines into more facts than one per line."""
    return len(split_pasted(text)) > len(clean_fact_lines(text or ""))


def long_lines(facts: list[str], max_chars: int) -> list[int]:
    """1-based numbers of the facts longer than max_chars characters."""
    return [i for i, fact in enumerate(facts, start=1) if len(fact) > max_chars]


# A document's title or a section heading, not a fact: "2025年工会工作事实材料", "一、组织建设", "（二）帮扶工作".
_TITLE_WORDS = re.compile(r"(?:总结|材料|汇报|报告|情况|要点|清单|事实|提纲|一览表?|统计表?|台账|目录)[：:]?$")
_SENTENCE_MARKS = re.compile(char_class(COMMAS + SENTENCE_ENDS))
_COUNTED = re.compile(r"[0-9０-９]+(?:\.[0-9０-９]+)?\s*(?:[万亿]?(?:人|户|名|个|场|次|项|元|件|篇|册|期|支|家|台|间|对)|%|％)")
HEADING_LONGEST = 30

# A document's own frame, not a fact: "现将我局工会上半年工作总结报告如下，请审阅。", "特此报告。", "以上是…的总结".
_NOT_END = char_class(SENTENCE_ENDS, negate=True)
_FRAME_OPENING = re.compile(f"^(?:现将|特将|兹将|下面将|下面就){_NOT_END}{{0,40}}?(?:总结|汇报|报告|通报|情况){_NOT_END}{{0,6}}如下"
                            f"|^特此(?:报告|汇报|总结)|^以上(?:是|为|就是){_NOT_END}{{0,30}}(?:总结|汇报|报告)")
_FRAME_CLOSING = re.compile(f"(?:请|敬请|恳请)(?:予以)?(?:审阅|审议|批示|批评指正){char_class(FULL_STOPS)}?$"
                            f"|不妥之处{_NOT_END}{{0,10}}指正{char_class(FULL_STOPS)}?$")


def is_heading_line(line: str) -> bool:
    """A title or heading line of an imported document: short, no sentence marks, no counted number, and either
    numbered as a section (一、 （一）) or named as a document (…工作总结 / …事实材料 / …情况)."""
    text = unicodedata.normalize("NFC", line).strip().strip("#*").strip()
    if not text or len(text) > HEADING_LONGEST or _SENTENCE_MARKS.search(text) or _COUNTED.search(text):
        return False
    return numbering(text) in ("cn", "cn_paren", "part") or bool(_TITLE_WORDS.search(text))


def is_document_frame(line: str) -> bool:
    """The document's frame around its facts (现将…总结如下, 特此报告, 请审阅), with no counted number in it: a pasted
    summary's own words to its reader, which a draft must not repeat as a fact."""
    text = strip_bullet(unicodedata.normalize("NFC", line).strip())
    if not text or _COUNTED.search(text):
        return False
    return bool(_FRAME_OPENING.search(text) or _FRAME_CLOSING.search(text))


def facts_and_headings(lines: list[str], styled: set[int] = frozenset()) -> tuple[list[str], list[str]]:
    """An imported document's lines as (facts, headings): title and heading lines (by `is_heading_line`, or
    whose index is in `styled`: a Word Title/Heading style) are not facts, nor is the document's frame."""
    facts: list[str] = []
    headings: list[str] = []
    for index, line in enumerate(lines):
        if not str(line).strip() or is_document_frame(str(line)):
            continue
        if index in styled or is_heading_line(str(line)):
            headings.append(strip_bullet(str(line)).strip("#*： :"))
        else:
            facts += clean_fact_lines([str(line)])
    return facts, headings
