"""Kind (年度总结 | 半年总结 | 月度总结 | 专项总结) and topic of an example, from its title and opening."""

from __future__ import annotations

import re

KINDS: tuple[str, ...] = ("年度总结", "半年总结", "月度总结", "专项总结")

# A topic word in the title makes the example a 专项总结 on that topic (checked in this order).
TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("送温暖", ("送温暖", "慰问", "帮扶", "帮困", "困难职工")),
    ("送清凉", ("送清凉",)),
    ("金秋助学", ("助学",)),
    ("女职工", ("女职工", "女工", "三八")),
    ("职代会", ("职代会", "职工代表大会", "教代会", "民主管理", "厂务公开", "企务公开", "校务公开")),
    ("劳动竞赛", ("劳动竞赛", "技能竞赛", "技术比武", "岗位练兵", "技能大赛")),
    ("安全生产", ("安全生产", "安康杯", "劳动保护")),
    ("文体活动", ("文体", "文艺", "运动会", "趣味")),
    ("职工培训", ("培训", "职工教育", "读书")),
    ("组织建设", ("建会", "会员发展", "组织建设", "职工之家")),
)
# Period words in a title, and the stronger phrases an example opens with ("一年来", "20xx年上半年").
_TITLE_PERIODS = {
    "半年总结": re.compile(r"半年"),
    "月度总结": re.compile(r"月度|月份|月总结|月工作|[0-9一二三四五六七八九十]+月"),
    "年度总结": re.compile(r"年度|全年|年终"),
}
_OPENING_PERIODS = {
    "半年总结": re.compile(r"上半年|半年来|半年以来|半年里|半年的"),
    "月度总结": re.compile(r"本月|这个月|月份以来"),
    "年度总结": re.compile(r"一年来|一年以来|年度|全年|本年"),
}
_OPENING_CHARS = 150


def _periods(text: str, cues: dict[str, re.Pattern]) -> set[str]:
    return {kind for kind, cue in cues.items() if cue.search(text)}


def _first_period(opening: str) -> str | None:
    """The period named first in an example's opening ("20xx年上半年，…全年…" → 半年总结)."""
    found = [(m.start(), kind) for kind, cue in _OPENING_PERIODS.items() if (m := cue.search(opening))]
    return min(found)[1] if found else None


def _most_named_period(text: str) -> str | None:
    counts = {kind: len(cue.findall(text)) for kind, cue in _OPENING_PERIODS.items()}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] and list(counts.values()).count(counts[best]) == 1 else None


def infer_kind(title: str, text: str = "") -> tuple[str, str | None]:
    """(kind, topic) of an example, by these rules in order:

    1. a topic word in the title (送温暖, 女职工, 职代会 …) → 专项总结 with that topic;
    2. the first period phrase in the example's opening ("一年来", "20xx年上半年"), when it differs from
       the title, wins — the example's own words beat a page's generic title;
    3. one period word in the title: 半年/上半年 → 半年总结, 月/月度 → 月度总结, 年度/全年 → 年度总结;
    4. a title naming several periods ("月总结及计划 … 年度工作总结") → the period the whole text names
       most often ("上半年", "全年" …);
    5. otherwise 年度总结.
    """
    for topic, words in TOPICS:
        if any(word in title for word in words):
            return "专项总结", topic
    opening = text.strip()[:_OPENING_CHARS]
    in_title = _periods(title, _TITLE_PERIODS)
    in_opening = _first_period(opening)
    if in_opening and {in_opening} != in_title:
        return in_opening, None
    if len(in_title) == 1:
        return in_title.pop(), None
    if len(in_title) > 1:
        return _most_named_period(text) or "年度总结", None
    return "年度总结", None
