"""The rendered draft: numbers coloured by check status (hover shows the fact), optional focus spans of one fact."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from drafter.models import CheckResult, NumberHit
from drafter.view.labels import STATUS_COLORS, STATUS_LABELS

_BOX = ("white-space:pre-wrap;line-height:1.9;font-size:16px;padding:12px 16px;border:1px solid #dee2e6;"
        "border-radius:6px;background:#fff;color:#212529;max-height:640px;overflow-y:auto;"
        "font-family:'Noto Serif CJK SC','Noto Sans CJK SC',serif;")
CONTEXT_SOURCE = "背景信息（单位、期间、问题或计划）"
_FOCUS = "outline:2px solid #1971c2;background:#d0ebff;border-radius:2px;"


def fact_text(facts: Sequence[str], line: int | None) -> str | None:
    """The fact at a 1-based line, or None when out of range."""
    if line is None or not 1 <= line <= len(facts):
        return None
    return facts[line - 1]


def hover_text(hit: NumberHit, facts: Sequence[str]) -> str:
    """What the hover (title attribute) and the problem list say about one number."""
    fact = fact_text(facts, hit.fact_line)
    where = f"事实第{hit.fact_line}行：{fact}" if fact else ""
    if hit.status == "supported":
        text = f"有据。{where}" if where else f"有据：{CONTEXT_SOURCE}"
    elif hit.status == "mismatch":
        text = f"与事实不符。{where}" if where else "与事实不符"
    elif hit.status == "unsupported":
        text = "事实中没有这个数字"
    else:
        text = "模板占位符，请替换为实际内容"
    if hit.note:
        text += f"（{hit.note}）"
    if hit.status != "supported" and hit.item and hit.fact_item and hit.item != hit.fact_item:
        text += f"（初稿写的是“{hit.item}”，事实中是“{hit.fact_item}”）"
    return text


def _segments(length: int, hits: Sequence[NumberHit], focus: Sequence[tuple[int, int]]):
    """Split [0, length) at every span edge; yield (start, end, hit or None, focused)."""
    edges = {0, length}
    for h in hits:
        edges.update((max(0, min(h.start, length)), max(0, min(h.end, length))))
    for a, b in focus:
        edges.update((max(0, min(a, length)), max(0, min(b, length))))
    points = sorted(edges)
    for a, b in zip(points, points[1:]):
        hit = next((h for h in hits if h.start <= a and b <= h.end), None)
        focused = any(fa <= a and b <= fb for fa, fb in focus)
        yield a, b, hit, focused


def draft_html(text: str, check: CheckResult | None, facts: Sequence[str],
               focus: Sequence[tuple[int, int]] = ()) -> str:
    """HTML of the draft with numbers highlighted; `focus` spans (e.g. one fact's uses) are outlined in blue."""
    hits = sorted(check.numbers, key=lambda h: h.start) if check else []
    parts: list[str] = []
    for a, b, hit, focused in _segments(len(text), hits, focus):
        piece = escape(text[a:b])
        if hit is not None:
            bg, fg = STATUS_COLORS.get(hit.status, ("#e9ecef", "#212529"))
            line = "" if hit.status == "supported" else "text-decoration:underline wavy;"
            piece = (f'<span data-status="{hit.status}" class="num num-{hit.status}" '
                     f'title="{escape(hover_text(hit, facts), quote=True)}" '
                     f'style="background:{bg};color:{fg};font-weight:600;border-radius:3px;padding:0 1px;{line}">'
                     f"{piece}</span>")
        if focused:
            piece = f'<span class="focus" style="{_FOCUS}">{piece}</span>'
        parts.append(piece)
    return f'<div class="draft-view" style="{_BOX}">{"".join(parts)}</div>'


def number_rows(check: CheckResult, facts: Sequence[str], only_problems: bool = True) -> list[dict[str, str]]:
    """One row per number (or per flagged number): the number, its status, the fact and the explanation."""
    rows = []
    for hit in sorted(check.numbers, key=lambda h: h.start):
        if only_problems and hit.status == "supported":
            continue
        fact = fact_text(facts, hit.fact_line)
        source = f"第{hit.fact_line}行：{fact}" if fact else CONTEXT_SOURCE if hit.status == "supported" else "—"
        rows.append({"数字": hit.text, "状态": STATUS_LABELS.get(hit.status, hit.status), "对应事实": source,
                     "说明": hit.note or hover_text(hit, facts)})
    return rows


def problem_rows(check: CheckResult, facts: Sequence[str]) -> list[dict[str, str]]:
    """Flagged numbers, then facts whose numbers the draft left out."""
    rows = number_rows(check, facts)
    for m in check.missing:
        fact = fact_text(facts, m.fact_line) or m.text
        rows.append({"数字": "—", "状态": "未写入初稿", "对应事实": f"第{m.fact_line}行：{fact}",
                     "说明": "这条事实的数字在初稿中没有出现"})
    return rows

