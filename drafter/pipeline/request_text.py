"""The plain-text request a secretary types:

    单位：华东精密机械有限公司工会
    期间：2025年
    类型：年度总结            (年度/半年/月度/专项, with or without 总结)
    专题：送温暖              (optional; 主题： too)
    篇幅：标准                (optional: 简短/标准/详细)
    - 全年新发展会员126人，会员总数达到1842人
    二、民主管理              (her own headings: "一、…", "（一）…", "民主管理：", "## 民主管理" over facts
    - 召开六届三次职代会…      become the draft's outline, drafter.domain.typed_outline)
    存在问题：
    - 基层工会活动经费使用不够均衡
    下一步计划：
    - 推进职工书屋提档升级

Headers take full- or half-width colons. Bullet lines before any block go to the facts.
"""

from __future__ import annotations

import re
import unicodedata

from pydantic import ValidationError

from drafter.domain.typed_outline import plan_of, typed_outline
from drafter.models import DraftRequest
from textkit.sentences import COLONS, COMMAS, SEMICOLONS, SENTENCE_ENDS, char_class

_HEADERS = {"单位": "org", "期间": "period", "总结期间": "period", "报告期": "period", "类型": "kind", "专题": "topic", "主题": "topic", "篇幅": "length", "参考范文": "pinned"}
_BLOCKS = {
    "facts": ("事实", "主要事实", "工作情况", "主要工作", "主要成绩", "工作成效", "完成情况"),
    "problems": ("存在问题", "存在的问题", "存在不足", "存在的不足", "问题与不足", "不足"),
    "plans": ("下一步计划", "下一步工作打算", "下一步打算", "工作打算", "工作计划", "下步计划", "计划"),
}
_KINDS = {"年度": "年度总结", "全年": "年度总结", "半年": "半年总结", "上半年": "半年总结", "下半年": "半年总结",
          "月度": "月度总结", "月": "月度总结", "专项": "专项总结"}
_LENGTHS = {"简短": "short", "短": "short", "标准": "normal", "一般": "normal", "详细": "long", "长": "long",
            "short": "short", "normal": "normal", "long": "long"}
# Labels secretaries also write for the period; taken as the period only when the value reads as one.
_PERIOD_LABELS = ("年度", "年份", "时间", "时段", "期限", "总结时间")
# A line that is only a period (2026年上半年, 2025年度, 2025年1—6月, 2026年3月): the period, where no 期间： line gives it.
_PERIOD_LINE = re.compile(r"^[0-9０-９]{4}\s*年\s*(度|全年|上半年|下半年|[0-9０-９]{1,2}\s*(月份?)?(\s*[-—–~～至到]\s*[0-9０-９]{1,2}\s*月份?)?)?"
                          r"(工作)?(总结)?$")
# A line that names a stretch of time (2026年元旦春节期间, 2025年第三季度, 2024年10月至2025年9月): the period too.
_PERIOD_SPAN = re.compile(r"^[0-9０-９]{4}\s*年" + char_class(COMMAS + SEMICOLONS + COLONS + SENTENCE_ENDS, negate=True) + "{0,14}"
                          r"(?:期间|前后|以来|季度|年度|[0-9０-９一二三四五六七八九十]{1,2}\s*月份?)(?:工作)?(?:总结)?$")
# 类型 with its topic: 专项总结（送温暖）, 专项：送温暖, 送温暖专项总结
_KIND_TOPIC = re.compile(r"^(?P<kind>[^（(：:—\-－]+?)\s*(?:[（(](?P<paren>[^）)]+)[）)]|[：:—\-－]\s*(?P<after>.+))?$")
_LABEL = re.compile(r"^\s*[#【\[]*\s*([^：:\s】\]]{1,8})\s*[】\]]*\s*[：:]\s*(.*)$")


def _kind_and_topic(value: str) -> tuple[str | None, str | None]:
    """(kind, topic) of a 类型 value: 专项总结（送温暖） and 送温暖专项总结 give 专项总结 and 送温暖."""
    match = _KIND_TOPIC.match(unicodedata.normalize("NFC", value).strip())
    if match is None:
        return None, None
    base = match["kind"].strip().removesuffix("工作总结").removesuffix("总结").strip()
    topic = (match["paren"] or match["after"] or "").strip() or None
    if base in _KINDS:
        return _KINDS[base], topic
    if base.endswith("专项") and len(base) > 2:
        return "专项总结", topic or base.removesuffix("专项").removesuffix("工作").strip()
    return None, None


def _is_period(line: str) -> bool:
    return bool(_PERIOD_LINE.match(line) or _PERIOD_SPAN.match(line))


def _split_label(line: str) -> tuple[str, str] | None:
    match = _LABEL.match(line)
    return (match.group(1), match.group(2).strip()) if match else None


def _read(text: str) -> tuple[dict[str, str], dict[str, list[str]], list[str]]:
    headers: dict[str, str] = {}
    blocks: dict[str, list[str]] = {"facts": [], "problems": [], "plans": []}
    errors: list[str] = []
    current = "facts"
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        label = _split_label(line)
        if label and label[0] in _HEADERS:
            headers[_HEADERS[label[0]]] = label[1]
            continue
        if label and label[0] in _PERIOD_LABELS and _is_period(label[1]):
            headers.setdefault("period", label[1])
            continue
        if _is_period(line) and not any(blocks.values()):
            headers.setdefault("period", line.removesuffix("总结").removesuffix("工作"))
            continue
        block = next((name for name, words in _BLOCKS.items() if label and label[0] in words), None)
        if block is None and line.rstrip("：:") in {w for words in _BLOCKS.values() for w in words}:
            block, label = next(n for n, ws in _BLOCKS.items() if line.rstrip("：:") in ws), (line, "")
        if block:
            current = block
            if label[1]:
                blocks[current].append(label[1])
            continue
        blocks[current].append(line)
    return headers, blocks, errors


def parse_request_text(text: str) -> DraftRequest:
    """Parse the typed request; ValueError (in Chinese) naming everything that is missing or wrong."""
    headers, blocks, problems = _read(text or "")
    typed = typed_outline(blocks["facts"])
    facts = typed.facts
    if not headers.get("org"):
        problems.append("缺少“单位：”行（如：单位：华东精密机械有限公司工会）")
    if not headers.get("period"):
        problems.append("缺少“期间：”行（如：期间：2025年；也可单独一行写“2025年上半年”）")
    if not facts:
        problems.append("没有事实：请在单位、期间等行之后逐行列出事实，每行一条（可用“- ”开头）")
    kind, kind_topic = _kind_and_topic(headers["kind"]) if headers.get("kind") else (
        _infer_kind(headers.get("period", "")), None)
    if kind is None:
        problems.append(f"无法识别的类型“{headers['kind']}”：可写 年度、半年、月度 或 专项（可带“总结”）")
    length = _LENGTHS.get(headers.get("length", "标准").strip())
    if length is None:
        problems.append(f"无法识别的篇幅“{headers['length']}”：可写 简短、标准 或 详细")
    if problems:
        raise ValueError("请求文本有误：" + "；".join(problems))
    pinned = [p for p in re.split(rf"[{re.escape(COMMAS + SEMICOLONS)}\s]+", headers.get("pinned", "")) if p]
    try:
        return DraftRequest(org=headers["org"], period=headers["period"], kind=kind, topic=headers.get("topic") or kind_topic,
                            facts=facts, problems=blocks["problems"], plans=blocks["plans"], length=length,
                            pinned_examples=pinned, plan=plan_of(typed))
    except ValidationError as exc:
        from drafter.domain.validation import invalid  # the one table of Chinese validation messages

        raise invalid(list(exc.errors()), "请求文本有误") from exc


def _infer_kind(period: str) -> str:
    """类型 omitted: guess it from the period (上半年 or 1—6月 → 半年总结, 3月 → 月度总结), else 年度总结."""
    if "半年" in period:
        return "半年总结"
    months = re.search(r"([0-9０-９]{1,2})\s*月?份?\s*[-—–~～至到]\s*([0-9０-９]{1,2})\s*月", period)
    if months:  # a span of months: 4 to 8 of them is a half year, 9 or more a year
        first, last = (int(unicodedata.normalize("NFKC", m)) for m in months.groups())
        span = last - first + 1
        return "年度总结" if span >= 9 else "半年总结" if span >= 4 else "月度总结"
    if re.search(r"[0-9０-９一二三四五六七八九十]+\s*月", period):
        return "月度总结"
    return "年度总结"
