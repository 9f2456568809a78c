"""The judge's paired question on a number whose item the draft words otherwise (issue 19 item 5, session 19).

A number mismatch the rules cannot decide (drafter.numcheck.undecided.undecided_numbers: its clause leaves out
words of its fact's item, not a swap, not another value, not another level) is put to the model as a pair: the
fact line and the draft clause, "两处说的是同一件事吗？" (prompts/item_judge_plain.j2 + item_judge_a.j2, chosen
over two other variants on half of tests/data/item_pairs19.json: bench/item_judge_probe.py). A score
(logit(是) − logit(否)) reaching the item margin makes the number `supported`, its note keeping the rules' words
and the judge's, and lists it to read (CheckResult.unverified, kind item: drafter.numcheck.reworded); any other
keeps it a mismatch, its note saying the judge could not confirm it. Verdicts are
cached as the claims' are, by a hash of model, prompt files, fact line and clause.
"""

from __future__ import annotations

import hashlib
import json

from drafter.models import CheckResult, JudgeVerdict, NumberHit
from drafter.pipeline.prompting import PROMPTS_DIR, render
from drafter.providers.base import Message

ITEM_MARGIN = 1.2  # the held half's 5 % point of changed pairs (Settings.judge_item_margin)
ITEM_PROMPT_FILES = ("item_judge_plain.j2", "item_judge_a.j2")


def item_messages(fact: str, clause: str) -> list[Message]:
    system, user = ITEM_PROMPT_FILES
    return [{"role": "system", "content": render(system)},
            {"role": "user", "content": render(user, fact=fact, draft=clause, number="")}]


def item_key(model: str, fact: str, clause: str) -> str:
    """sha256 of the model, the item prompt files, the fact line and the clause."""
    version = hashlib.sha256(b"".join((PROMPTS_DIR / name).read_bytes() for name in ITEM_PROMPT_FILES)).hexdigest()
    doc = json.dumps(["item", model, version[:12], fact, clause], ensure_ascii=False)
    return hashlib.sha256(doc.encode("utf-8")).hexdigest()


def review_numbers(judge, facts: list[str], draft: str, result: CheckResult, deadline=None) -> CheckResult:
    """`result` with its undecided number mismatches judged by `judge` (drafter.pipeline.judging.Judge: its model,
    cache, label, item margin and call list); `facts` the cleaned fact lines the check numbered."""
    from drafter.numcheck.undecided import undecided_numbers

    asks = undecided_numbers(draft, result, facts)
    if not asks:
        return result
    from drafter.numcheck.reworded import judged_claim

    numbers, passed = list(result.numbers), []
    for ask in asks:
        late = deadline is not None and deadline.passed()
        verdict = _verdict(judge, ask.fact, ask.clause, not late, deadline)
        if verdict is not None:
            numbers[ask.index] = _judged(numbers[ask.index], verdict)
            passed += [judged_claim(draft, numbers[ask.index])] if verdict.verdict == "supported" else []
    ok = bool(facts) and not result.missing and all(h.status == "supported" for h in numbers)
    unverified = sorted(result.unverified + passed, key=lambda c: c.start)  # a passed item is still to read
    return result.model_copy(update={"numbers": numbers, "ok": ok, "faithful": ok and not result.claims,
                                     "unverified": unverified})


def _judged(hit: NumberHit, verdict: JudgeVerdict) -> NumberHit:
    said = "两处说的是同一件事" if verdict.verdict == "supported" else "不能确认两处说的是同一件事"
    status = "supported" if verdict.verdict == "supported" else hit.status
    return hit.model_copy(update={"status": status, "judge": verdict,
                                  "note": f"{hit.note or ''}（模型复核：{said}，得分 {verdict.score:+.1f}）"})


def _verdict(judge, fact: str, clause: str, call: bool, deadline) -> JudgeVerdict | None:
    """The cached verdict, else (with `call`) the model's; None when there is neither."""
    if judge.label is None:
        return None
    return judge.ask(item_key(judge.label, fact, clause), lambda: item_messages(fact, clause), judge.item_margin, call,
                     deadline.expires if deadline is not None else None,
                     deadline.passed if deadline is not None else None, "item")
