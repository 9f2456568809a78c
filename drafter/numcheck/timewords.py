"""The words of the time role (issue 19): time words, the words after a time phrase, named days and holidays.
Read by drafter.numcheck.roles and undecided.py."""

from __future__ import annotations

import re

from drafter.numcheck.synonyms import cilin_classes

TIME_WORDS = frozenset({"年初", "年中", "年底", "年末", "上半年", "下半年", "周末", "每年", "每月", "每周", "月初", "月底",
                        "月末", "淡季", "旺季", "假期", "春运", "年前", "年后", "节后", "节前", "寒假", "暑假", "当天", "当日",
                        "春天", "夏天", "秋天", "冬天"})  # 夏季, 冬季: TIME_TAIL
TIME_AFTER = frozenset({"期间", "前夕", "当天", "之际", "假期", "前后", "淡季", "时间"})
TIME_ENDS = tuple(TIME_AFTER - {"时间"})
DAYS = re.compile(r"春节|国庆|中秋|端午|元旦|五一|劳动节|妇女节|重阳|清明|元宵|读书日|献血者日|建党|建军|植树|七夕|腊八|"
                  r"前夕|期间|之际|假期|淡季|旺季|年初|年中|年底|年末|月初|月底|周末|上旬|中旬|下旬")
TIME_TAIL = re.compile(r"(?:节|季|假|夕|初|末|底|周末|年中|月中|旬|首[日周月])$")  # 入职首周: the first week
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


# a festival's own date beside its name: “5·12”国际护士节, 5月12日国际护士节, “3·15”消费者权益日
_FESTIVAL_AFTER = re.compile(r"[日号]?[·．.\-—/]?[0-9０-９]{0,2}[日号]?[”\"’」]?(?:国际|世界|全国|中国)?([\u4e00-\u9fff]{1,5}?[节日])")
_FESTIVAL_BEFORE = re.compile(r"[0-9０-９]{1,2}[月·．.\-—/]$")


def festival_date(source: str, start: int, end: int, given: str) -> bool:
    """Is the number at [start, end) of `source` part of the date of a festival written right after it, whose name
    (its last three characters or fewer: 护士节) the facts (`given`) write? The festival's date is its name's."""
    m = _FESTIVAL_AFTER.match(source, end)
    dated = source[end - 1:end] in ("日", "号") or m is not None and m.group(0)[:1] in "日号·．.-—/”\"’」"
    if m is None or not (dated or _FESTIVAL_BEFORE.search(source, 0, start)):
        return False  # a number with a festival after it but no date form (120名职工国庆…): a count
    name = m.group(1)
    if len(name) < 2 or name[-3:] not in given:
        return False
    known = next((d for n, d in _DATES.items() if name.endswith(n)), None)  # a known festival on another day: wrong
    return known is None or re.sub(r"\D+", ".", source[max(0, start - 3):m.start(1)]).strip(".").endswith(known)


_DATES = {"护士节": "5.12", "妇女节": "3.8", "劳动节": "5.1", "青年节": "5.4", "儿童节": "6.1", "教师节": "9.10",
          "权益日": "3.15", "读书日": "4.23", "环卫工人节": "10.26"}


_SPAN_BEFORE = re.compile(r"(?:连续|持续|历时|长达|前后|先后)$")  # 连续五年, 持续两个月: how long the work went on
_SPAN_AFTER = re.compile(r"^(?:来|以来|之久|间)")  # 三年来


def duration(source: str, start: int, end: int, group: str | None) -> bool:
    """A count of years, months or days that says how long the work went on (连续五年, 持续两个月, 三年来), not
    how much was done: a time role when no fact gives it."""
    return group in ("年", "月数", "天", "周") and (_SPAN_BEFORE.search(source, max(0, start - 2), start) is not None
                                                 or _SPAN_AFTER.match(source[end:end + 2]) is not None)


def time_ahead(ws, j: int, phrase_text: str, last: str) -> int | None:
    """The index of a time locative written at most three glued words after the phrase that ends before word j
    (在汛期|来临|前, 在开馆|十周年|之际, 在清明祭扫高峰|前), when the words between are a verb, a count or none and the
    locative is a time's (之际, 期间 …) or 前/后 after an act or a phrase naming a day or season (not 在大楼|前)."""
    for k in range(j, min(j + 3, len(ws))):
        if k > j and ws[k][0] != ws[k - 1][1]:
            return None
        word = ws[k][2]
        if word in TIME_AFTER or word in _BEFORE_AFTER and (DAYS.search(phrase_text) or before_or_after_event(word, last)):
            return k
        if ws[k][3] not in ("v", "m"):
            return None
        last = word
    return None
