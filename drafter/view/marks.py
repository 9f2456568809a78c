"""What the draft editor paints and lists: coloured marks for numbers and claims, the problem list, the verdict.

The verdict is green only when every number is supported, no claim is flagged and every fact is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from drafter.models import CheckResult
from drafter.view.highlight import fact_text, hover_text
from drafter.view.labels import STATUS_COLORS, STATUS_LABELS

CLAIM_LABELS = {"claim": "事实中没有的说法", "heading": "标题与事实不符", "artifact": "不属于正文的内容",
                "unverified": "请核对的新说法", "item": "请核对的事项说法"}  # item: a number's item reworded
CLAIM_COLORS = {"claim": ("#e5dbff", "#5f3dc4"), "heading": ("#e5dbff", "#5f3dc4"), "artifact": ("#dee2e6", "#343a40"),
                "unverified": ("#f1f3f5", "#495057")}
UNUSED_COLORS = ("#fff3bf", "#8f5b00")


def _get(item: Any, name: str, default: Any = None) -> Any:
    return item.get(name, default) if isinstance(item, dict) else getattr(item, name, default)


def claim_reason(claim) -> str:
    label = CLAIM_LABELS.get(claim.kind, claim.kind)
    return f"{label}：{claim.note}" if claim.note else label


def _read_label(claim) -> str:
    """The label of a wording to read: a new wording, or a number's item worded otherwise (kind item)."""
    return CLAIM_LABELS["item" if claim.kind == "item" else "unverified"]


def marks(check: CheckResult | None, facts: Sequence[str]) -> list[dict]:
    """One mark per checked number and per flagged claim: position, kind (a CSS class) and the reason."""
    if check is None:
        return []
    out = [{"id": f"n{i}", "start": h.start, "end": h.end, "kind": h.status, "reason": hover_text(h, facts)}
           for i, h in enumerate(check.numbers)]
    out += [{"id": f"c{i}", "start": c.start, "end": c.end, "kind": c.kind, "reason": claim_reason(c)}
            for i, c in enumerate(check.claims)]
    out += [{"id": f"u{i}", "start": c.start, "end": c.end, "kind": "unverified",
             "reason": f"{_read_label(c)}：{c.note}（不算问题）"} for i, c in enumerate(check.unverified)]
    return out


def unused_lines(usage: Iterable[Any], check: CheckResult) -> list[int]:
    """Fact lines the draft leaves out: unused facts and facts whose numbers are missing, once each."""
    lines = {int(_get(u, "fact_line")) for u in usage if not _get(u, "used")}
    return sorted(lines | {m.fact_line for m in check.missing})


def problems(check: CheckResult, facts: Sequence[str], usage: Iterable[Any]) -> list[dict]:
    """The problem list above the editor, in text order, then the facts left out (which have no position)."""
    items = []
    for i, h in enumerate(check.numbers):
        if h.status != "supported":
            bg, fg = STATUS_COLORS.get(h.status, ("#e9ecef", "#212529"))
            items.append({"start": h.start, "mark": f"n{i}", "kind": h.status, "bg": bg, "fg": fg,
                          "label": STATUS_LABELS.get(h.status, h.status), "text": f"{h.text}：{hover_text(h, facts)}"})
    for i, c in enumerate(check.claims):
        bg, fg = CLAIM_COLORS.get(c.kind, CLAIM_COLORS["claim"])
        items.append({"start": c.start, "mark": f"c{i}", "kind": c.kind, "bg": bg, "fg": fg,
                      "label": CLAIM_LABELS.get(c.kind, c.kind), "text": f"“{c.text[:40]}”{('：' + c.note) if c.note else ''}"})
    bg, fg = CLAIM_COLORS["unverified"]
    items += [{"start": c.start, "mark": f"u{i}", "kind": "unverified", "bg": bg, "fg": fg,
               "label": _read_label(c), "text": f"“{c.text[:40]}”：{c.note}（不算问题，请读一遍）"}
              for i, c in enumerate(check.unverified)]
    items.sort(key=lambda p: p["start"])
    for line in unused_lines(usage, check):
        fact = fact_text(facts, line) or ""
        items.append({"start": None, "mark": None, "kind": "unused", "bg": UNUSED_COLORS[0], "fg": UNUSED_COLORS[1],
                      "label": "事实未写入", "text": f"第{line}条：{fact}"})
    return items


def verdict(check: CheckResult, usage: Iterable[Any]) -> tuple[bool, str]:
    """(green?, one line): green only when every fact is used and numbers and claims pass."""
    flagged = sum(1 for n in check.numbers if n.status != "supported")
    left_out = len(unused_lines(usage, check))
    claims = len(check.claims)
    if not (flagged or left_out or claims):
        return True, "核对通过：每条事实都已写入，数字和说法都有依据"
    parts = [f"{flagged} 个数字有问题" if flagged else "", f"{left_out} 条事实未写入" if left_out else "",
             f"{claims} 处说法事实中没有" if claims else ""]
    return False, f"发现 {flagged + left_out + claims} 处问题（{'，'.join(p for p in parts if p)}）"


def editor_payload(text: str, revision: int, check: CheckResult | None, facts: Sequence[str], usage: Iterable[Any],
                   readonly: bool = False) -> dict:
    """The data the editor component gets: the text (applied when `revision` changes), the checked text and its
    marks, the problem list and the verdict line."""
    usage = list(usage)
    ok, line = verdict(check, usage) if check is not None else (False, "")
    return {"text": text, "revision": revision, "checked": text, "marks": marks(check, facts),
            "problems": problems(check, facts, usage) if check is not None else [], "ok_text": line if ok else "",
            "status_text": line, "readonly": readonly}
