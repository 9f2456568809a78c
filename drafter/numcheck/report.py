"""The Chinese report of a check: the draft with flagged numbers marked, then one line per problem."""

from __future__ import annotations

from drafter.domain.facts import clean_fact_lines
from drafter.models import CheckResult, NumberHit
from drafter.numcheck.lexicon import Lexicon
from drafter.numcheck.match import missing_numbers

_MARK = {"mismatch": "不符", "unsupported": "无依据", "placeholder": "占位符"}
_CLAIM = {"claim": "无事实依据的说法", "heading": "无事实依据的标题", "artifact": "不是总结正文"}


def mark_draft(draft: str, result: CheckResult) -> str:
    """The draft with every flagged number wrapped as 【68户⚠不符】."""
    parts: list[str] = []
    pos = 0
    for hit in result.numbers:
        if hit.status == "supported" or hit.start < pos:
            continue
        parts.append(draft[pos:hit.start])
        parts.append(f"【{draft[hit.start:hit.end]}⚠{_MARK[hit.status]}】")
        pos = hit.end
    parts.append(draft[pos:])
    return "".join(parts)


def problem_lines(facts: list[str], draft: str, result: CheckResult, lexicon: Lexicon | None = None) -> list[str]:
    lines = [_problem(hit) for hit in result.numbers if hit.status != "supported"]
    if result.missing:
        absent = missing_numbers(facts, draft, lexicon)
        cleaned = clean_fact_lines(facts)
        for item in result.missing:
            numbers = "、".join(m.display() for m in absent.get(item.fact_line, []))
            what = f"中的 {numbers} " if numbers else ""
            lines.append(f"第{item.fact_line}行事实{what}在初稿中没有出现：{cleaned[item.fact_line - 1]}")
    return lines


def _problem(hit: NumberHit) -> str:
    if hit.status == "mismatch":
        return hit.note or f"第{hit.fact_line}行事实与初稿中的 {hit.text} 不一致"
    if hit.status == "placeholder":
        return f"初稿中有未替换的模板占位符 {hit.text}（第{hit.start + 1}字）"
    reason = hit.note or "事实中没有这个数字"
    return f"初稿中的 {hit.text} 没有事实依据（{reason}，第{hit.start + 1}字）"


def claim_lines(result: CheckResult) -> list[str]:
    """One line per claim: what kind, the words, the reason."""
    return [f"{_CLAIM[c.kind]}（第{c.start + 1}字）：“{c.text}”——{c.note or ''}".rstrip("——")
            for c in result.claims]


def mark_claims(draft: str, result: CheckResult) -> str:
    """The draft with every claim wrapped as 〔…⚠说法〕 (artifacts ⚠非正文)."""
    parts: list[str] = []
    pos = 0
    for claim in sorted(result.claims, key=lambda c: c.start):
        if claim.start < pos:
            continue
        tag = "非正文" if claim.kind == "artifact" else "无依据说法"
        parts += [draft[pos:claim.start], f"〔{draft[claim.start:claim.end]}⚠{tag}〕"]
        pos = claim.end
    parts.append(draft[pos:])
    return "".join(parts)


def human_report(facts: list[str], draft: str, result: CheckResult, lexicon: Lexicon | None = None) -> str:
    """Summary line, the problems one per line, then the marked draft; then the clause check (claims)."""
    return "\n".join([_number_report(facts, draft, result, lexicon), "", _claims_report(draft, result)])


def _claims_report(draft: str, result: CheckResult) -> str:
    cleared = [f"- “{c.text}”——{c.note or ''}" for c in result.cleared]  # the model judge's (issue 19)
    cleared = ["", "模型复核认为有事实依据（规则曾标出）："] + cleared if cleared else []
    unverified = [f"- “{c.text}”——{c.note or ''}" for c in result.unverified if c.kind != "item"]
    cleared += ["", "请核对（事实中没有这些词，但它们不涉及人物、地点、时间、荣誉、对象或活动，不算问题）："] + unverified \
        if unverified else []
    if not result.claims:
        return "\n".join(["逐句核对通过：没有发现事实以外的说法，也没有提示词、闲话或 Markdown 残留。"] + cleared)
    lines = claim_lines(result)
    body = [f"逐句核对未通过：发现 {len(lines)} 处事实以外的说法或非正文内容。", "", "说法："]
    body += [f"{i}. {line}" for i, line in enumerate(lines, 1)]
    return "\n".join(body + cleared + ["", "初稿（〔〕标出有问题的说法）：", mark_claims(draft, result)])


def _number_report(facts: list[str], draft: str, result: CheckResult, lexicon: Lexicon | None = None) -> str:
    problems = problem_lines(facts, draft, result, lexicon)
    total = len(result.numbers)
    if result.ok:
        head = f"数字核对通过：初稿中共 {total} 个数字，全部有事实依据，没有遗漏的事实。"
    elif not clean_fact_lines(facts):
        head = f"数字核对未通过：没有提供事实，初稿中的 {total} 个数字都无法核对。"
    else:
        head = f"数字核对未通过：发现 {len(problems)} 个问题（初稿中共 {total} 个数字）。"
    body = [head]
    if problems:
        body += ["", "问题："] + [f"{i}. {line}" for i, line in enumerate(problems, 1)]
    reworded = [f"- “{c.text}”——{c.note or ''}" for c in result.unverified if c.kind == "item"]
    if reworded:  # drafter.numcheck.reworded: supported, shown to read
        body += ["", "请核对（数字有依据，但所说的事项与事实用词不同，不算问题）："] + reworded
    if any(h.status != "supported" for h in result.numbers):
        body += ["", "初稿（【】标出有问题的数字）：", mark_draft(draft, result)]
    return "\n".join(body)
