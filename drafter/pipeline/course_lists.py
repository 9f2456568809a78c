"""The subjects of a course listed together (财务核算、物业管理、安全生产等21个项目的培训; 送去法律、安全、医保等方面
知识): the course is the act, and one subject among others of other areas is no matter of the fact (issue 20,
session 24: held-out s002_11's training fact headed 抓好安全生产, s002_04's 劳务工大课堂 a safety fact). A theme's
keyword in such a list counts only when at least half of the list's subjects write one of its keywords (开展安全生产、
消防、应急救护等项目的培训 stays safety). `courses` in themes.toml [senses].
"""

from __future__ import annotations

import re
from functools import lru_cache

from textkit.sentences import BREAKS, COMMAS, ENUM_COMMA, SENTENCE_ENDS, char_class

_ITEM = char_class(BREAKS + ENUM_COMMA + ".“”\"（）() \n", negate=True) + "{1,6}"  # a few characters: no verb before it
_PHRASE = char_class(SENTENCE_ENDS + COMMAS + "\n", negate=True)  # between 等 and the course word


@lru_cache(maxsize=4)
def _listed(courses: tuple[str, ...]) -> re.Pattern:
    """Three subjects or more joined by 、 and closed by 等, then a course word within one short phrase."""
    return re.compile(f"{_ITEM}(?:{ENUM_COMMA}{_ITEM}){{2,}}(?=等{_PHRASE}{{0,8}}?(?:{'|'.join(map(re.escape, courses))}))")


def off_list(text: str, word: str, keywords: tuple[str, ...], courses: tuple[str, ...]) -> bool:
    """`word` is said somewhere but as one subject of a course whose subjects are mostly of other areas."""
    if not courses:
        return True
    spans = [m for m in _listed(courses).finditer(text)]
    for at in (m.start() for m in re.finditer(re.escape(word), text)):
        inside = next((m for m in spans if m.start() <= at < m.end()), None)
        if inside is None:
            return True
        items = inside.group().split(ENUM_COMMA)
        if 2 * sum(any(k in item for k in keywords) for item in items) >= len(items):
            return True
    return False
