"""The reviewer's facts ↔ draft view: each fact, whether and where the draft uses it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from drafter.models import CheckResult


def _get(item: Any, name: str, default: Any = None) -> Any:
    return item.get(name, default) if isinstance(item, dict) else getattr(item, name, default)


def usage_spans(usage: Any) -> list[tuple[int, int]]:
    """A fact usage's spans as (start, end) pairs, whatever their record shape."""
    spans = []
    for span in _get(usage, "spans", []) or []:
        if isinstance(span, list | tuple) and len(span) >= 2:
            spans.append((int(span[0]), int(span[1])))
        else:
            spans.append((int(_get(span, "start")), int(_get(span, "end"))))
    return spans


def _excerpt(text: str, spans: Sequence[tuple[int, int]], width: int = 14) -> str:
    """A short piece of the draft around the first use."""
    if not spans:
        return ""
    start, end = spans[0]
    left, right = max(0, start - width), min(len(text), end + width)
    snippet = text[left:right].replace("\n", " ")
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")


def fact_rows(usages: Iterable[Any], draft: str, check: CheckResult) -> list[dict[str, str]]:
    """One row per fact line: the fact, 已使用 (with where) or 未使用, any problems with its numbers and the numbers
    whose item the draft words otherwise (to read)."""
    rows = []
    for usage in usages:
        line = int(_get(usage, "fact_line"))
        spans = usage_spans(usage)
        flagged = [n.text for n in check.numbers if n.fact_line == line and n.status != "supported"]
        missing = any(m.fact_line == line for m in check.missing)
        reworded = [c.text for c in check.unverified if c.kind == "item" and c.fact_line == line]
        notes = []
        if flagged:
            notes.append("数字不符：" + "、".join(flagged))
        if missing:
            notes.append("有数字未写入")
        read = f"；请核对事项说法：{'、'.join(reworded)}" if reworded else ""  # supported, worded otherwise: no problem
        rows.append({
            "行": str(line),
            "事实": str(_get(usage, "text", "")),
            "使用情况": f"已使用（{len(spans)} 处）" if _get(usage, "used") else "未使用",
            "出现位置": _excerpt(draft, spans) or "—",
            "核对": ("；".join(notes) or "通过") + read,
        })
    return rows


def fact_options(usages: Iterable[Any]) -> dict[str, int]:
    """Choice label → fact line, for the 'highlight this fact' picker."""
    out = {}
    for usage in usages:
        line = int(_get(usage, "fact_line"))
        mark = "" if _get(usage, "used") else "（未使用）"
        text = str(_get(usage, "text", ""))
        out[f"第{line}行：{text[:30]}{'…' if len(text) > 30 else ''}{mark}"] = line
    return out


def spans_of(usages: Iterable[Any], line: int | None) -> list[tuple[int, int]]:
    """The draft spans of one fact line (empty when none is chosen)."""
    for usage in usages:
        if line is not None and int(_get(usage, "fact_line")) == line:
            return usage_spans(usage)
    return []


def usages(facts: Sequence[str], draft: str, check: CheckResult) -> list[Any]:
    """Where each fact is used in the draft (drafter.numcheck.fact_usage)."""
    from drafter.numcheck import fact_usage

    return list(fact_usage(list(facts), draft, check))


def unused_rows(usage: Iterable[Any]) -> list[dict[str, str]]:
    """Facts the draft does not use."""
    return [{"行": str(_get(u, "fact_line")), "未使用的事实": str(_get(u, "text", ""))}
            for u in usage if not _get(u, "used")]


SOURCE_LABELS = {"generated": "生成", "edit": "我的修改", "after_return": "审核退回后修改", "word": "从 Word 导入",
                 "kept": "重新生成前保存的修改"}


def version_label(v: Any, me: str | None = None) -> str:
    """How a version came about, in words: 生成, 我的修改 (or 某某的修改), 由第N版恢复, 审核退回后修改, 从 Word 导入."""
    restored, source, author = _get(v, "restored_from"), _get(v, "source"), str(_get(v, "author") or "")
    if restored:
        return f"由第{restored}版恢复"
    if source is None:
        source = "generated" if _get(v, "number") == 1 else "edit"
    label = SOURCE_LABELS.get(source, "修改")
    if source == "edit" and me is not None and author != me:
        label = f"{author}的修改"
    return label


def version_rows(versions: Iterable[Any], zone_name: str | None = None, me: str | None = None) -> list[dict[str, str]]:
    """The version history table: number, how it came about, author, local time and the check verdict."""
    from drafter.view.labels import summary_text
    from drafter.domain.times import local

    rows = []
    for v in versions:
        created = _get(v, "created_at")
        check = _get(v, "check")
        rows.append({"版本": f"第 {_get(v, 'number')} 版", "来源": version_label(v, me),
                     "作者": str(_get(v, "author") or ""),
                     "时间": local(created, zone_name) if hasattr(created, "astimezone") else str(created or ""),
                     "数字核对": summary_text(check) if isinstance(check, CheckResult) else "—"})
    return rows


def focus_spans(usage: Iterable[Any], check: CheckResult, line: int | None) -> list[tuple[int, int]]:
    """What to outline for one chosen fact: where it is used, plus numbers that were checked against it
    (a mismatch such as 68户 for the fact's 86户 is where the fact went wrong)."""
    if line is None:
        return []
    checked = [(n.start, n.end) for n in check.numbers if n.fact_line == line]
    return sorted(set(spans_of(usage, line)) | set(checked))
