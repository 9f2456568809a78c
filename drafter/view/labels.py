"""Chinese labels and colours shared by the page's views."""

from __future__ import annotations

import re

from drafter.models import CheckResult
from textkit.headings import TITLE_ORDINAL

# Scraped example titles carry site noise: "…篇七", "… 篇7", "范文", "最的" (a "新" lost in scraping), "精选".
_TITLE_ORDINAL = TITLE_ORDINAL
_TITLE_NOISE = re.compile(r"范文|精选|最新的|最新|最的|大全|\d+篇")

KIND_LABELS: dict[str, str] = {"年度总结": "年度", "半年总结": "半年", "月度总结": "月度", "专项总结": "专项"}

STATUS_LABELS: dict[str, str] = {
    "supported": "有据",
    "mismatch": "与事实不符",
    "unsupported": "事实中没有",
    "placeholder": "占位符未替换",
}

# (background, text colour) per number status: green / red / red / orange.
STATUS_COLORS: dict[str, tuple[str, str]] = {
    "supported": ("#d3f9d8", "#1b6e2d"),
    "mismatch": ("#ffc9c9", "#b01515"),
    "unsupported": ("#ffc9c9", "#b01515"),
    "placeholder": ("#ffd8a8", "#a93d00"),
}

DRAFT_STATUS_LABELS: dict[str, str] = {"draft": "草稿", "submitted": "已提交", "approved": "已通过", "returned": "已退回"}
PROVIDER_LABELS: dict[str, str] = {"local": "本地模型", "openai": "在线模型接口", "template": "模板", "auto": "自动选择"}
DECISION_LABELS: dict[str, str] = {"approve": "通过", "return": "退回"}


def problem_count(check: CheckResult) -> int:
    """Flagged numbers plus facts left out of the draft."""
    flagged = sum(1 for n in check.numbers if n.status != "supported")
    return flagged + len(check.missing)


def summary_text(check: CheckResult) -> str:
    """The whole-draft verdict: "数字核对通过" or a count of problems."""
    if check.ok:
        return "数字核对通过"
    flagged = sum(1 for n in check.numbers if n.status != "supported")
    parts = []
    if flagged:
        parts.append(f"{flagged} 个数字有问题")
    if check.missing:
        parts.append(f"{len(check.missing)} 条事实未写入")
    detail = "，".join(parts) or "请检查"
    return f"发现 {problem_count(check)} 处问题（{detail}）"


def display_title(title: str | None) -> str:
    """An example's or draft's title as a writer should read it: no "篇七" ordinals, "范文", "最的"; of two titles
    joined by a space the one that names a 总结 last."""
    text = _TITLE_NOISE.sub("", _TITLE_ORDINAL.sub("", (title or "").strip())).strip()
    parts = [p for p in text.split() if p]
    if len(parts) > 1:
        text = next((p for p in reversed(parts) if "总结" in p), parts[-1])
    return text or (title or "").strip() or "（无标题）"


def problem_parts(check: CheckResult) -> list[str]:
    """What fails in a stored check, each part named once: numbers, facts left out, claims."""
    flagged = sum(1 for n in check.numbers if n.status != "supported")
    return [part for part in (f"{flagged} 个数字有问题" if flagged else "",
                              f"{len(check.missing)} 条事实未写入" if check.missing else "",
                              f"{len(check.claims)} 处说法事实中没有" if check.claims else "") if part]


_TECHNICAL = re.compile(r"[（(][^）)]*(?:DRAFTER_|[A-Za-z_]{4,})[^）)]*[）)]")


def for_writers(message: str) -> str:
    """A message without technical asides such as "（facts 不能为空）" or "（调大 DRAFTER_MAX_FACTS）"."""
    return _TECHNICAL.sub("", message).strip()


def draft_status_label(status: str | None) -> str:
    return DRAFT_STATUS_LABELS.get(status or "", status or "未知")


LENGTH_LABELS: dict[str, str] = {"normal": "适中", "short": "简短", "long": "详细"}


def draft_label(d) -> str:
    """One saved draft in a picker: title, org, period, status, latest version."""
    return f"{d.title} · {d.org} · {d.period} · {draft_status_label(d.status)} · 第{d.latest_version}版"


def review_line(r) -> str:
    """One stored review, as the secretary and the reviewer see it (a voided approval says so)."""
    version = f"第 {r.version} 版" if r.version else ""
    line = f"审核意见（{r.reviewer}，{DECISION_LABELS.get(r.decision, r.decision)}{version}）：{r.comment or '无'}"
    if getattr(r, "override_reason", None):
        line += f"；核对未通过仍予通过，理由：{r.override_reason}"
    if getattr(r, "voided", False):
        line += "（此后稿件已修改，本次通过已失效）"
    return line


def _get(item, name: str):
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def provider_label(name: str | None) -> str:
    """A provider's Chinese name ("local" → 本地模型); unknown names are shown as given."""
    name = name or ""
    return PROVIDER_LABELS.get(name.split(":", 1)[0], name)


def readiness_summary(ready: dict) -> list[str]:
    """The sidebar's plain status: library size and which ways of writing are available, no paths."""
    available = [provider_label(n) for n, info in ready.get("providers", {}).items() if info.get("available")]
    return [f"范文库：{ready.get('index', {}).get('chunks', 0)} 段", f"可用的生成方式：{'、'.join(available) or '无'}"]


def readiness_lines(ready: dict) -> list[str]:
    """The 高级信息 details: each provider's availability with its technical detail (model path, endpoint)."""
    lines = [f"范文库：{ready.get('index', {}).get('chunks', 0)} 段"]
    for name, info in ready.get("providers", {}).items():
        state = "可用" if info.get("available") else "不可用"
        lines.append(f"{provider_label(name)}（{state}）：{info.get('detail') or ''}")
    return lines


def result_caption(result) -> str:
    """Which provider wrote the draft, how long it took, and the examples it followed."""
    titles = "、".join(dict.fromkeys(display_title(s.title) for s in result.sources)) or "无"
    return f"生成方式：{provider_label(result.provider)} · 用时 {result.elapsed_s:.1f} 秒 · 参考范文：{titles}"


def group_hits(hits: list[dict]) -> list[dict]:
    """Search hits grouped per example (pinning and opening work per example), best first, with matched sections."""
    groups: dict[str, dict] = {}
    for hit in hits:
        key = hit.get("example_id") or hit["source"]
        group = groups.setdefault(key, {"id": key, "title": display_title(hit["title"]), "kind": hit["kind"], "sections": [],
                                        "snippet": hit["text"][:90].replace("\n", " ") + "…"})
        heading = hit.get("heading") or "开头"
        if heading not in group["sections"]:
            group["sections"].append(heading)
    return list(groups.values())
