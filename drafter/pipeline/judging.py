"""The claim check's second stage: a model judge of the claims the rules cannot decide (issue 19, item 5).

`Judge(model, cache).review(facts, context, draft, result, lexicon)` takes a CheckResult of the first stage
(drafter.numcheck), first judges its undecided number items (drafter.pipeline.item_judging: a paired question,
fact line and draft clause), then finds its undecided claims (drafter.numcheck.undecided: never one in a clause of
a flagged number, never an actor, place, time or honour the facts lack) and asks the model whether the facts support each one's clause
(prompts/judge_system.j2 + prompts/judge.j2; the facts first, so a local model keeps them cached and reads only
each clause's question). The answer is a score: logit(是) − logit(否) (local), the log-probabilities' difference
(an OpenAI-compatible endpoint that returns logprobs) or ±4 from the answer's text. A claim whose score reaches
`margin` is cleared: it moves from `claims` to `cleared`, its note saying so; any other keeps its place with the
judge's verdict in its note. Each verdict is stored by a hash of model, prompt, facts and clause (`cache`: the
drafts store's judgements table, shared by every API machine), so a draft judged again costs nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from typing import Protocol

from drafter.domain.facts import clean_fact_lines
from drafter.models import CheckResult, Claim, JudgeVerdict
from drafter.pipeline.item_judging import ITEM_MARGIN, review_numbers
from drafter.pipeline.prompting import PROMPTS_DIR, render
from drafter.providers.base import ChatModel, Message, ProviderError, YesNo, call_ends_at, model_step

log = logging.getLogger(__name__)
DEFAULT_MARGIN = 2.5  # clear a claim only when the model prefers 是 this clearly (Settings.judge_margin)
PROMPT_FILES = ("judge_system.j2", "judge.j2")
LATE = "（起草已到时限，未经模型复核，请人工核对）"


class JudgementCache(Protocol):
    def get_judgement(self, key: str) -> tuple[str, float] | None: ...

    def put_judgement(self, key: str, model: str, verdict: str, score: float) -> None: ...


class MemoryCache:
    """A judgement cache in memory (one process; the service uses the drafts store)."""

    def __init__(self) -> None:
        self.rows: dict[str, tuple[str, float]] = {}

    def get_judgement(self, key: str) -> tuple[str, float] | None:
        return self.rows.get(key)

    def put_judgement(self, key: str, model: str, verdict: str, score: float) -> None:
        self.rows[key] = (verdict, score)


def model_label(model: ChatModel) -> str:
    """The model behind the provider (GGUF file name or endpoint model): verdicts are cached per model."""
    inner = getattr(model, "inner", model)
    path = getattr(inner, "model_path", None)
    return str(getattr(inner, "model", None) or (path.name if path is not None else inner.name))


def messages_for(facts: Sequence[str], context: Sequence[str], sentence: str, clause: str) -> list[Message]:
    return [{"role": "system", "content": render("judge_system.j2")},
            {"role": "user", "content": render("judge.j2", facts=list(facts), context=list(context),
                                               sentence=sentence, clause=clause)}]


def _prompt_version() -> str:
    return hashlib.sha256(b"".join((PROMPTS_DIR / name).read_bytes() for name in PROMPT_FILES)).hexdigest()[:12]


def cache_key(model: str, facts: Sequence[str], context: Sequence[str], sentence: str, clause: str) -> str:
    """sha256 of the model, the prompt files, the facts, context lines, sentence and clause."""
    doc = json.dumps([model, _prompt_version(), list(facts), list(context), sentence, clause], ensure_ascii=False)
    return hashlib.sha256(doc.encode("utf-8")).hexdigest()


class Judge:
    """Asks `model` about the undecided claims of a check; verdicts kept in `cache`."""

    def __init__(self, model: ChatModel | None, cache: JudgementCache | None = None, margin: float = DEFAULT_MARGIN,
                 label: str | None = None, item_margin: float = ITEM_MARGIN):
        """`model` None: only verdicts already cached are applied (under `label`, the model's name), no call is
        made (the page's check as the secretary types or a reviewer reads)."""
        self.model = model
        self.cache = cache if cache is not None else MemoryCache()
        self.margin = margin
        self.item_margin = item_margin  # a number's item (drafter.pipeline.item_judging)
        self.label = label or (model_label(model) if model is not None else None)
        self.calls: list[YesNo] = []  # the model calls of this judge (cached verdicts cost none), for benches

    def review(self, facts: Sequence[str], context: Sequence[str], draft: str, result: CheckResult,
               lexicon=None, deadline=None) -> CheckResult:
        """`result` with its undecided number items (drafter.pipeline.item_judging), then its undecided claims and
        its unverified wordings judged: the claims found supported move to
        `cleared`, the rest are annotated where they stand (an unverified wording stays one). Past
        `deadline` (drafter.pipeline.deadline.Deadline: the draft's) no model call starts: a claim without a
        cached verdict stays flagged, its note saying it was not judged; a call is bounded by the time left."""
        from drafter.numcheck import load_lexicon
        from drafter.numcheck.factset import fact_set
        from drafter.numcheck.undecided import undecided

        lexicon = lexicon or load_lexicon()
        given = fact_set(list(facts), list(context), lexicon)
        result = review_numbers(self, given.facts, draft, result, deadline)  # first: a cleared number opens its clause
        lists = {which: list(getattr(result, which)) for which in ("claims", "unverified")}
        asks = [(which, a) for which in lists for a in undecided(draft, result, given.support, lexicon.faith, which)
                if lists[which][a.index].judge is None]  # a claim judged before keeps its verdict and note
        if not asks:
            return result
        facts, context = clean_fact_lines(facts), clean_fact_lines(context)
        for which, ask in asks:
            lists[which][ask.index] = self._judged(facts, context, ask, lists[which][ask.index], deadline)
        cleared = list(result.cleared)
        for which in lists:  # a wording the judge found supported moves to cleared, from either list
            cleared += [c for c in lists[which] if c.judge is not None and c.judge.verdict == "supported"]
            lists[which] = [c for c in lists[which] if c.judge is None or c.judge.verdict != "supported"]
        return result.model_copy(update={**lists, "cleared": cleared, "faithful": result.ok and not lists["claims"]})

    def _judged(self, facts: list[str], context: list[str], ask, claim: Claim, deadline) -> Claim:
        """`claim` with the judge's verdict and note; as it is (or noting it was not judged, past the deadline)
        when the model gives none."""
        late = deadline is not None and deadline.passed()
        verdict = self.verdict(facts, context, ask.sentence, ask.clause, call=not late,
                               ends=deadline.expires if deadline is not None else None,
                               stopped=deadline.passed if deadline is not None else None)
        late = late or (verdict is None and deadline is not None and deadline.passed())  # the call ran out
        if verdict is None:  # the model failed: the rules' claim stands, saying why not judged when late
            return claim.model_copy(update={"note": f"{claim.note or ''}{LATE}"}) if late and LATE not in (
                claim.note or "") else claim
        claim = claim.model_copy(update={"note": (claim.note or "").replace(LATE, "") or None})
        return claim.model_copy(update={"judge": verdict, "note": _note(claim.note, verdict)})

    def verdict(self, facts: Sequence[str], context: Sequence[str], sentence: str, clause: str, call: bool = True,
                ends: float | None = None, stopped=None) -> JudgeVerdict | None:
        """The cached verdict, else (with `call`) the model's, its call to end by `ends` (or once `stopped()`) where
        the provider can."""
        if self.label is None:
            return None
        key = cache_key(self.label, facts, context, sentence, clause)
        return self.ask(key, lambda: messages_for(facts, context, sentence, clause), self.margin, call, ends, stopped,
                        "claim")

    def ask(self, key: str, messages, margin: float, call: bool, ends: float | None, stopped,
            what: str) -> JudgeVerdict | None:
        """The verdict cached under `key` (read against today's `margin`), else (with `call`) the model's answer to
        `messages()`, cached; None when there is neither (`what` names the judge in the log: claim, item)."""
        label = self.label
        hit = self.cache.get_judgement(key)
        if hit is not None:
            verdict = "supported" if hit[1] >= margin else "unsupported"
            return JudgeVerdict(verdict=verdict, score=hit[1], model=label, cached=True)
        if self.model is None or not call:
            return None
        try:
            with model_step("judge"), call_ends_at(ends, stopped):
                answer = self.model.yes_no(messages())
        except ProviderError as exc:
            log.warning("%s judge failed: %s", what, exc)
            return None
        self.calls.append(answer)
        verdict = "supported" if answer.score >= margin else "unsupported"
        try:
            self.cache.put_judgement(key, label, verdict, answer.score)
        except Exception as exc:  # noqa: BLE001 - a cache that cannot be written only costs a later call
            log.warning("%s judge cache not written: %s", what, exc)
        return JudgeVerdict(verdict=verdict, score=answer.score, model=label)


def _note(note: str | None, verdict: JudgeVerdict) -> str:
    said = "事实支持这句话" if verdict.verdict == "supported" else "不能确认事实支持这句话"
    return f"{note or ''}（模型复核：{said}，得分 {verdict.score:+.1f}）"
