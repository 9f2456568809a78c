"""The honour role's markers (issue 19): an honour is a title given by someone: 评为, 授予, 荣获, 获评, 命名为, 当选,
入选 (selected into a showcase or list someone keeps: 入选全国职工书画展) … (things.HONOUR_MARKS), and the clause's
words after the marker up to its end are the title (roles.py)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.numcheck.things import HONOUR_MARKS
from drafter.numcheck.words import Word

if TYPE_CHECKING:
    from drafter.numcheck.support import Support

_MARKS = "|".join(sorted(HONOUR_MARKS, key=len, reverse=True))
_LISTED = frozenset({"列为", "列入", "确定为", "确立为"})  # after 被 only
_LEVELS = "全国|国家级|省部级|省级|市级|区级|县级|厂级|公司级|集团级|全省|全市|全区|省|市|区|县"


def awarded(clause: str, title: list[Word], support: Support) -> bool:
    """Do the facts award this title (获评技术能手 for 省级技术能手)?"""
    text = clause[title[0][0]:title[-1][1]] if title else ""
    return len(text) >= 2 and re.search(f"(?:{_MARKS})(?:{_LEVELS})?{re.escape(text)}", support.text) is not None


def honour_marker(ws: tuple[Word, ...], i: int, clause: str) -> int:
    """How many words the honour marker at word i takes (评为; 被 评为; 命名 为; 被 命名 为); 0: none here."""
    k = i + 1 if ws[i][2] == "被" else i
    if k > i and k < len(ws) and ws[k][2] in _LISTED and not clause.startswith("的", ws[k][1]):
        return 2  # 被列为全市职工创新示范点: put on a list someone keeps (列为重点工作, no 被: a plan)
    for n in (1, 2):
        if k + n <= len(ws) and clause[ws[k][0]:ws[k + n - 1][1]] in HONOUR_MARKS:
            return 0 if clause.startswith("的", ws[k + n - 1][1]) else k + n - i  # 新当选的工会主席: an attribute
    return 0
