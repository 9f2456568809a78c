"""Headings, numbering and list marks of Chinese work summaries.

Numbering styles (a line's *category*; retrieval.chunking builds the hierarchy from their order):
  cn 一、   cn_paren （一）/(一)   num 1、 1.   num_paren （1）/(1)   part 第X段 / 第一部分 / 第X章
  md{n}  Markdown `#` heading without numbering   bold  a `**…**` line without numbering
  plain  an unnumbered short label line such as "下半年工作安排：" or "xx年工作计划"
A numbered line is a *pure* heading when it is short (≤ 50 characters) and at most one sentence. A longer
numbered line ("1、召开了一届二次委员扩大会议，对…。…") is a numbered paragraph: a sub-section whose
heading is its first phrase (up to the first 。/：/；), or its first clause (up to the first ，) when that
phrase is longer than 20 characters; at most 40 characters either way.
"一是…", "第一，…" list items are never headings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textkit.sentences import (COLONS, COMMAS, ENUM_COMMA, FULL_STOPS, SEMICOLONS, SENTENCE_ENDS, char_class,
                               has_sentence_end)

PURE_HEADING_MAX = 50
PHRASE_MAX = 40
TWO_CLAUSE_MAX = 20
PLAIN_MAX = 20

CN_NUMERALS = "一二三四五六七八九十百"
NUMBERING = (
    ("cn", re.compile(rf"^[{CN_NUMERALS}]+\s*[、.．]")),
    ("cn_paren", re.compile(rf"^[（(]\s*[{CN_NUMERALS}]+\s*[）)]")),
    ("num_paren", re.compile(r"^[（(]\s*\d{1,3}\s*[）)]")),
    ("num", re.compile(r"^\d{1,3}\s*(?:[、．]|\.(?!\d))")),
    ("part", re.compile(rf"^第[{CN_NUMERALS}\d]+(?:段|部分|章|节)")),
)
# A bullet or list number opening a line: "- ", "* ", "• ", "1.", "1、", "（1）", "(1)", "①", "一、";
# "3.5万名…" keeps its number.
LIST_MARK = re.compile(
    r"^\s*(?:[-*+•·●▪◆■□○◇>]+\s*"
    r"|[0-9０-９]{1,3}\s*(?:[.．](?![0-9０-９])|[、)）])\s*"
    r"|[（(]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[)）]\s*"
    r"|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*"
    r"|[一二三四五六七八九十]{1,3}\s*、\s*)"
)
# The mark opening a heading line of a draft: optional Markdown "#" and bold, then 一、 （一） 1、 or 第一部分.
HEADING_MARK = re.compile(r"^\s*+(?:#{1,6}\s*+)?(?:\*\*)?\s*+(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]"
                          r"|[0-9]{1,2}[、.．](?![0-9])|第[一二三四五六七八九十]+[部分章节])")
# Numbers in running text that are list or heading marks, not quantities (the number check skips them): a
# number opening a line or sentence ("1、" "二、" "(3)"), a bracketed number, a heading's 篇十二, and the 一户户 of
# 'one after another'. The leading look-ahead (every character an alternative can start with) lets the engine
# skip other positions.
NUMBER_MARK = re.compile(
    r"(?=[ \t#>*\-(0-9一二三四五六七八九十个件户首次项张本封篇条位名])"
    rf"(?:(?:^|(?<={char_class(chr(10) + FULL_STOPS + SEMICOLONS + ':')}))"
    r"[ \t#>*\-]*(?:\(?[0-9]{1,2}(?:[、)]|\.(?![0-9]))|[一二三四五六七八九十]{1,3}[、.])"
    r"|\([ ]?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[ ]?\)"
    r"|(?<=篇)[一二三四五六七八九十]{1,3}(?=[ \t]*(?:\n|$))"  # headings such as 工作总结篇十二
    r"|(?<=[一两几])([个件户首次项张本封篇条位名])\1)"  # 一户户, 一首首: 'one after another'
)
# The "…篇七" / "（精选篇7）" ordinal that scraped example titles end with.
TITLE_ORDINAL = re.compile(r"\s*[（(]?(?:精选)?\s*篇\s*[0-9一二三四五六七八九十百]+[）)]?\s*$")
# A Markdown heading's "#"s at the start of a line, with the blanks around them.
MARKDOWN_MARK = re.compile(r"^\s*#{1,6}\s*")
# A line that opens a section of an example (retrieval.loader: the title is not such a line).
SECTION_START = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．]"
                           r"|第[一二三四五六七八九十\d]+[段部分章节条])")
# Heading numbers of a draft by level: 一、 → （一） → 1. → （1）.
LEVEL_MARKS = (re.compile(r"^([一二三四五六七八九十]{1,3})、"), re.compile(r"^[（(]([一二三四五六七八九十]{1,3})[)）]"),
               re.compile(r"^(\d{1,2})[.．、](?!\d)"), re.compile(r"^[（(](\d{1,2})[)）]"))
# A sentence of a draft that opens with a list or heading number ("（一）…", "2. …").
NUMBERED_START = re.compile(r"^\s*(?:[（(]?[一二三四五六七八九十]{1,3}[)）、.．]|[（(]?\d{1,2}[)）.．、](?!\d))\s*")
# A list number inside a draft's sentence, after a sentence end or a colon.
INNER_MARK = re.compile(rf"(?:^|{char_class('。' + SEMICOLONS + COLONS)})\s*"
                        r"(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]{1,3}、)")
# A numbered item inside a pasted line: "1." / "1、" / "（1）" / "(1)" / "①" after the line start, a blank or a
# punctuation mark ("3.5万" and "第2.1条" keep their numbers: the dot must not be followed by a digit).
INLINE_ITEM = re.compile(
    rf"(?:(?<=^)|(?<=[\s{re.escape(COMMAS + SEMICOLONS + '。' + COLONS)}]))"
    r"(?:[0-9０-９]{1,2}\s*(?:[.．](?![0-9０-９])|[、])|[（(]\s*[0-9０-９一二三四五六七八九十]{1,3}\s*[)）]"
    r"|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"
)
_MARKDOWN = re.compile(r"^(#{1,6})\s*([^#\s].*)$")
_BOLD = re.compile(r"^\*\*(.+?)\*\*\s*[：:]?$")
_BULLET = re.compile(r"^[-*+•·]\s+")
_PHRASE_END = re.compile(char_class(SENTENCE_ENDS + COLONS))
_PLAIN_LABEL = re.compile(r"工作|计划|安排|打算|设想|思路|措施|不足|问题|体会|经验|成绩|目标|要求|情况|建议|展望")


@dataclass(frozen=True)
class Heading:
    category: str
    text: str
    pure: bool


def numbering(line: str) -> str | None:
    """The numbering style a line starts with (cn, cn_paren, num_paren, num, part), or None."""
    line = line.strip()
    return next((category for category, pattern in NUMBERING if pattern.match(line)), None)


def without_number(text: str) -> str:
    """A numbered line without its number ("（二）活动组织" → "活动组织"); other lines as they are."""
    for _, pattern in NUMBERING:
        number = pattern.match(text)
        if number:
            return text[number.end():].strip(" 、.．")
    return text


def strip_list_mark(line: str) -> str:
    """The line without one leading bullet or list number and the blanks around it."""
    return LIST_MARK.sub("", line.replace("\u3000", " ").strip(), count=1).strip()


def plain_line(line: str) -> str:
    """A line without Markdown heading marks or wrapping bold ("## **二、…**" → "二、…"), as kept in chunks."""
    line = line.strip()
    marked = _MARKDOWN.match(line)
    line = marked.group(2).strip() if marked else line
    bold = _BOLD.match(line)
    return line if bold is None else bold.group(1).strip() + line[bold.end(1) + 2:].strip()


def _strip_end(text: str) -> str:
    return text.strip().rstrip("。" + COLONS + SEMICOLONS + COMMAS).strip()


def first_phrase(text: str) -> str:
    """The heading phrase of a numbered paragraph."""
    phrase = _PHRASE_END.split(text, 1)[0]
    if len(phrase) > TWO_CLAUSE_MAX:  # "一、加强了基础建设，规范了档案管理" stays whole
        phrase = re.split(char_class(COMMAS), phrase, 1)[0]
    return _strip_end(phrase[:PHRASE_MAX])


def _is_one_short_sentence(text: str) -> bool:
    return len(text) <= PURE_HEADING_MAX and not has_sentence_end(text)


def classify(line: str, allow_plain: bool = True) -> Heading | None:
    """The heading a line opens, or None for an ordinary paragraph."""
    line = line.strip()
    marked = _MARKDOWN.match(line)
    bold = _BOLD.match(line)
    inner = marked.group(2) if marked else bold.group(1) if bold else _BULLET.sub("", line)
    inner = re.sub(r"^\*\*(.+?)\*\*$", r"\1", inner.strip()).strip()
    for category, pattern in NUMBERING:
        number = pattern.match(inner)
        if number and len(inner[number.end():].strip(" 、.．：:")) >= 2:  # "5、" alone is a broken line
            pure = bool(marked or bold) or _is_one_short_sentence(inner)
            return Heading(category, _strip_end(inner) if pure else first_phrase(inner), pure)
    if marked:
        return Heading(f"md{len(marked.group(1))}", _strip_end(inner), True)
    if bold:
        return Heading("bold", _strip_end(inner), True)
    if allow_plain and _is_plain_label(inner):
        return Heading("plain", _strip_end(inner), True)
    return None


def _is_plain_label(text: str) -> bool:
    if len(text) > PLAIN_MAX or any(mark in text for mark in SENTENCE_ENDS + COMMAS + ENUM_COMMA):
        return False
    return text.endswith(("：", ":")) or bool(_PLAIN_LABEL.search(text))


# A run-in topic label a secretary puts before a fact ("送温暖：春节前走访慰问困难职工412人"): 2–8 Chinese
# characters, no digit, then a colon and a statement of its own (at least RUN_IN_BODY_MIN characters, not opening
# with a number). "会员总数：1842人" has no statement after its colon and keeps its label.
RUN_IN_BODY_MIN = 8
_RUN_IN_LABEL = re.compile(rf"^([\u4e00-\u9fff“”‘’、]{{2,8}})\s*{char_class(COLONS)}\s*(?![0-9０-９])(\S.*)$")
_NOT_A_LABEL = ("如", "例如", "比如", "其中", "包括", "主要有", "具体", "分别是", "即")


def run_in_label(text: str) -> tuple[str, str]:
    """(label, statement) of a fact written "label：statement", or ("", text) when it has no such label."""
    match = _RUN_IN_LABEL.match(text.strip())
    if not match or match.group(1) in _NOT_A_LABEL or len(match.group(2)) < RUN_IN_BODY_MIN:
        return "", text
    return match.group(1), match.group(2)
