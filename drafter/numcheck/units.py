"""Units that may follow a number, and the groups in which values are compared.

Values are compared inside one group after scaling (万元 -> 元 happens in the numeral itself: 12.6万 = 126000).
A unit missing from GROUPS forms its own group.
"""

from __future__ import annotations

# Longest first in the scanner's alternation (sorted there); every unit here is recognised after a number.
UNITS: tuple[str, ...] = (
    # money
    "元", "块钱", "块", "角",
    # people and households
    "人次", "户次", "人", "名", "位", "户", "家庭", "家",
    # ratios
    "个百分点", "百分点", "%", "‰", "成", "倍",
    # dates and durations (dates are recognised by the scanner, these only when they are no date)
    "年度", "年底", "年初", "年末", "年中", "年", "个多月", "个余月", "个半月", "个月", "月底", "月初", "月末", "月中",
    "月上旬", "月中旬", "月下旬", "月份", "月", "日", "号", "季度", "周年", "周", "天", "小时", "时", "分钟",
    "学时", "课时", "岁",
    # counts
    "个", "次", "场", "期", "件", "条", "篇", "台", "棵", "株", "项", "支", "所", "座", "份", "套", "本", "册",
    "张", "批", "届", "部", "封", "首", "幅", "节", "门", "类", "款", "轮", "层", "级", "处", "栋", "间", "对",
    "组", "队", "班", "辆", "床", "箱", "袋", "桶", "瓶", "盒", "只", "头", "枚", "笔", "宗", "起", "例", "种",
    "样", "篇次", "场次", "期次", "点", "分", "元/人", "元/户", "元/月", "元/年",
    # measures
    "平方公里", "平方米", "㎡", "公里", "千米", "米", "亩", "公顷", "吨", "公斤", "千克", "斤", "克", "升", "度",
)

GROUPS: dict[str, str] = {
    "人": "人", "名": "人", "位": "人",
    "户": "户", "家庭": "户",
    "元": "元", "块": "元", "块钱": "元",
    "%": "%",
    "个百分点": "百分点", "百分点": "百分点",
    "个月": "月数", "个多月": "月数", "个余月": "月数", "个半月": "月数",
    "平方米": "平方米", "㎡": "平方米",
    "公里": "公里", "千米": "公里",
    "公斤": "公斤", "千克": "公斤",
    "篇次": "篇", "场次": "场", "期次": "期",
}

# Units after which a value is scaled to the group's base unit.
SCALE: dict[str, float] = {"角": 0.1}
GROUPS["角"] = "元"

DATE_YEAR_UNITS = ("年度", "年底", "年初", "年末", "年中", "年")
DATE_MONTH_UNITS = ("月底", "月初", "月末", "月中", "月上旬", "月中旬", "月下旬", "月份", "月")
DATE_DAY_UNITS = ("日", "号")


def group_of(unit: str | None) -> str | None:
    """The comparison group of a unit (人/名/位 -> 人); None for a bare number."""
    if unit is None:
        return None
    return GROUPS.get(unit, unit)


def kind_of_unit(unit: str | None) -> str:
    group = group_of(unit)
    if group == "元":
        return "money"
    if group in ("%", "百分点"):
        return "percent"
    return "number"
