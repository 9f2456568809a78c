"""The reviewer's sentence-by-sentence view: each sentence of the draft with the fact lines it draws on
(CheckResult.sentences from drafter.numcheck), frame sentences and headings marked as such, and the facts no
sentence draws on listed as 未写入."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from drafter.models import CheckResult
from textkit.headings import classify
from textkit.sentences import SENTENCE_ENDS

FRAME = "框架语句（不依据具体事实）"
HEADING = "标题"
UNUSED = "未写入"
PART = "部分未写入（有数字没有写到）"
NO_FACT = "不依据任何事实"


def _fact_label(facts: Sequence[str], line: int, width: int = 40) -> str:
    fact = facts[line - 1] if 0 < line <= len(facts) else ""
    return f"事实第{line}条：{fact[:width]}{'…' if len(fact) > width else ''}"


def _is_heading(sentence: str) -> bool:
    line = sentence.strip()
    return bool(line) and "\n" not in line and line[-1] not in SENTENCE_ENDS and classify(line) is not None


def sentence_rows(text: str, check: CheckResult, facts: Sequence[str]) -> list[dict[str, str]]:
    """One row per sentence: 句子, 依据 (its fact lines, or 框架语句 / 标题), 核对 (flags in the sentence)."""
    rows = []
    for index, trace in enumerate(check.sentences, start=1):
        sentence = text[trace.start:trace.end].strip()
        if not sentence:
            continue
        flags = _flags(check, trace.start, trace.end)
        if trace.fact_lines:
            basis = "；".join(_fact_label(facts, line) for line in trace.fact_lines)
        elif flags != "通过":
            basis = NO_FACT
        else:
            basis = HEADING if _is_heading(sentence) else FRAME
        rows.append({"句": str(index), "句子": sentence, "依据的事实": basis, "核对": flags})
    return rows


def _flags(check: CheckResult, start: int, end: int) -> str:
    numbers = [n.text for n in check.numbers if start <= n.start < end and n.status != "supported"]
    claims = [c for c in check.claims if start <= c.start < end]
    notes = (["数字有误：" + "、".join(numbers)] if numbers else []) + (["有事实中没有的说法"] if claims else [])
    return "；".join(notes) or "通过"


def unused_fact_rows(check: CheckResult, facts: Sequence[str], unused: Iterable[int]) -> list[dict[str, str]]:
    """Facts the sentences leave out: 未写入 (`unused`: the facts the usage check finds nowhere), facts with a
    number no sentence gives, and facts used without a sentence that draws on them mainly."""
    drawn = {line for trace in check.sentences for line in trace.fact_lines}
    unused, missing = set(unused), {m.fact_line for m in check.missing}
    rows = []
    for line in sorted((set(range(1, len(facts) + 1)) - drawn) | unused | missing):
        state = UNUSED if line in unused else PART if line in missing else "已写入，但没有一句话主要依据它"
        rows.append({"事实": _fact_label(facts, line, width=80), "情况": state})
    return rows
