"""A draft's text as a document, for Word export and import alike: its paragraphs (hard wraps joined), heading
levels ("一、" and "（一）"), a title line at the top and an organisation/date signature at the end, the date in the
user's zone and a safe file name."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from textkit.headings import MARKDOWN_MARK, numbering
from textkit.sentences import COMMAS, LINE_ENDS, SENTENCE_ENDS

CHINA = timezone(timedelta(hours=8))
HEADING_LEVELS = {"cn": 1, "cn_paren": 2}  # "一、" and "（一）" headings; other numbering is body text
DATE_LINE = re.compile(r"^(?:\d{4}|[〇零○一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$")


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a draft: blank lines separate them; inside a block a line starts a new paragraph when it is a
    heading or the previous line ended a sentence, otherwise it continues the previous line (hard wraps)."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        current = ""
        for raw in block.split("\n"):
            line = MARKDOWN_MARK.sub("", raw.strip(" \t\u3000"))
            if not line:
                continue
            if current and (current.endswith(tuple(LINE_ENDS)) or heading_level(line) or heading_level(current)):
                paragraphs.append(current)
                current = line
            else:
                current += line
        if current:
            paragraphs.append(current)
    return paragraphs


def heading_level(paragraph: str) -> int:
    """1 for "一、…", 2 for "（一）…", 0 for body text."""
    return HEADING_LEVELS.get(numbering(paragraph) or "", 0)


def heading_split(paragraph: str) -> tuple[str, str]:
    """A heading and the body text that follows it in the same paragraph ("（一）加强组织建设。全年……")."""
    end = paragraph.find("。")
    if end == -1 or end == len(paragraph) - 1:
        return paragraph, ""
    return paragraph[: end + 1], paragraph[end + 1:]


def chinese_date(moment: datetime, zone_name: str | None = None) -> str:
    """The date in the user's zone (DRAFTER_TIMEZONE, default Asia/Shanghai): the same day the page shows."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        where = ZoneInfo(zone_name) if zone_name else CHINA
    except (ZoneInfoNotFoundError, ValueError):
        where = CHINA
    local = moment.astimezone(where) if moment.tzinfo else moment
    return f"{local.year}年{local.month}月{local.day}日"


def _looks_like_title(paragraph: str, title: str) -> bool:
    return paragraph == title or (len(paragraph) <= 60 and not heading_level(paragraph)
                                  and not any(p in paragraph for p in SENTENCE_ENDS + COMMAS)
                                  and paragraph.endswith(("总结", "报告", "汇报")))


def document_parts(text: str, title: str, org: str, default_date: str) -> tuple[str, str, str, str]:
    """(title, body, org, date): a title line at the top and an org/date signature at the end of the text are
    used as such rather than repeated."""
    paragraphs = split_paragraphs(text)
    if len(paragraphs) > 1 and _looks_like_title(paragraphs[0], title):
        title = paragraphs.pop(0)
    date_text = default_date
    if len(paragraphs) > 1 and DATE_LINE.match(paragraphs[-1]):
        date_text = paragraphs.pop()
        if len(paragraphs) > 1 and paragraphs[-1] == org:
            paragraphs.pop()
    return title, "\n\n".join(paragraphs), org, date_text


def file_name(title: str, version: int) -> str:
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "", title).strip(" .") or "草稿"
    return f"{safe[:80]}（第{version}版）.docx"
