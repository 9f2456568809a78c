"""Draft titles that read like a real 公文 title, e.g. "华东精密机械有限公司工会2025年度工作总结"."""

from __future__ import annotations

import re

_YEAR_ONLY = re.compile(r"^\s*(\d{4})\s*年?\s*$")


def draft_title(org: str, period: str, kind: str, topic: str | None = None) -> str:
    """Org + period + (topic) + 工作总结, with the period phrased for the kind of summary."""
    org, period, topic = org.strip(), period.strip(), (topic or "").strip()
    return f"{org}{_period_phrase(period, kind)}{_subject(topic, kind)}"


def _period_phrase(period: str, kind: str) -> str:
    year = _YEAR_ONLY.match(period)
    if kind == "年度总结":
        if year:
            return f"{year.group(1)}年度"
        return period
    if year:
        return f"{year.group(1)}年"
    return period


def _subject(topic: str, kind: str) -> str:
    if topic:
        topic = topic.removesuffix("总结")
        return topic + ("总结" if topic.endswith(("工作", "活动")) else "工作总结")
    if kind == "半年总结":
        return "工作总结"
    if kind == "专项总结":
        return "专项工作总结"
    return "工作总结"
