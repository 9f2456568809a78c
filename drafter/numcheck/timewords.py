"""The words of the time role (issue 19): time words, the words after a time phrase, named days and holidays.
Read by drafter.numcheck.roles (and undecided.py, through it)."""

from __future__ import annotations

import re

from drafter.numcheck.synonyms import cilin_classes

TIME_WORDS = frozenset({"年初", "年中", "年底", "年末", "上半年", "下半年", "周末", "每年", "每月", "每周", "月初", "月底",
                        "月末", "淡季", "旺季", "假期", "春运", "年前", "年后", "节后", "节前", "寒假", "暑假", "当天", "当日"})
TIME_AFTER = frozenset({"期间", "前夕", "当天", "之际", "假期", "前后", "淡季", "时间"})
TIME_ENDS = tuple(TIME_AFTER - {"时间"})
DAYS = re.compile(r"春节|国庆|中秋|端午|元旦|五一|劳动节|妇女节|重阳|清明|元宵|读书日|献血者日|建党|建军|植树|七夕|腊八|"
                  r"前夕|期间|之际|假期|淡季|旺季|年初|年中|年底|年末|月初|月底|周末|上旬|中旬|下旬")
TIME_TAIL = re.compile(r"(?:节|季|假|夕|初|末|底|周末|年中|月中|旬)$")
HOLIDAYS = r"春节|国庆|中秋|端午|元旦|重阳|清明|元宵|七夕|腊八|除夕|五一|三八|六一|七一|八一|五四|儿童节|教师节|护士节"
HOLIDAY = re.compile(HOLIDAYS)
# a holiday in a time phrase (元旦、春节前夕; 端午、中秋等节日期间): from the holiday to the phrase's time word
HOLIDAY_TIME = re.compile(rf"(?:{HOLIDAYS}|[、和与及等“”\"'节日佳双两]|国际|劳动|妇女)*?(?:前夕|期间|当天|之际|假期|前后|来临"
                          r"|[前后](?![进往行来去]))")  # 春节前, 国庆后


_BEFORE_AFTER = frozenset({"前", "后", "之前", "之后", "以前", "以后", "前后"})


def before_or_after_event(word: str, last: str) -> bool:
    """Is `word` 前/后/之前… after an event or act (`last`: the phrase's last word, one 词林 knows only as an act,
    event or state: 开学, 入汛, 复工), so that 在新学年开学前 says when, not where (在大楼前 is a place)?"""
    classes = cilin_classes().get(last, ())
    return word in _BEFORE_AFTER and bool(classes) and all(c[0] in "HI" for c in classes)
