"""Chinese labels and colours shared by the page's views."""

from __future__ import annotations

from drafter.models import CheckResult

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

DRAFT_STATUS_LABELS: dict[str, str] = {"draft": "待审核", "returned": "已退回", "approved": "已通过"}
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


def draft_status_label(status: str | None) -> str:
    return DRAFT_STATUS_LABELS.get(status or "", status or "未知")
