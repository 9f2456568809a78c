"""Pydantic models at the boundaries: request, check report, draft, events. Shared by CLI, API, UI and tests."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

Kind = Literal["年度总结", "半年总结", "月度总结", "专项总结"]
KINDS: tuple[str, ...] = ("年度总结", "半年总结", "月度总结", "专项总结")
Status = Literal["supported", "mismatch", "unsupported", "placeholder"]
ProviderName = Literal["auto", "local", "openai", "template"]


# --- number check (fixed contract, see issue "The number check") ----------------
class JudgeVerdict(BaseModel):
    """The model judge's answer on a claim or a number's item the rules could not decide (issue 19,
    drafter.pipeline.judging)."""
    verdict: Literal["supported", "unsupported"] = Field(..., description="supported: the facts support it (cleared)")
    score: float = Field(..., description="logit(是) − logit(否), or the log-probabilities' difference, or ±4 from the answer")
    model: str | None = None
    cached: bool = False


class NumberHit(BaseModel):
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    status: Status
    fact_line: int | None = None
    note: str | None = None
    item: str | None = Field(None, description="What the number counts or measures, in the draft's words")
    fact_item: str | None = Field(None, description="The item of the fact number it was matched against, or null")
    judge: JudgeVerdict | None = Field(None, description="The model judge's verdict on an item the rules could not "
                                       "decide (supported: the draft words the fact's item otherwise)")


ClaimKind = Literal["claim", "heading", "artifact", "item"]  # item: a number's item reworded (unverified only)


class Claim(BaseModel):
    """A clause or sentence that asserts what no fact gives (claim/heading) or is not summary text (artifact); in
    CheckResult.unverified also a supported number whose item the draft words differently (item)."""
    start: int
    end: int
    text: str
    kind: ClaimKind
    note: str | None = None
    judge: JudgeVerdict | None = Field(None, description="The model judge's verdict, when the rules left it undecided")
    fact_line: int | None = Field(None, description="kind item: the fact line (1-based) whose item the draft words "
                                  "differently")


class SentenceTrace(BaseModel):
    """One sentence of the draft and the fact lines (1-based) it draws on, for the reviewer view."""
    start: int
    end: int
    fact_lines: list[int] = Field(default_factory=list)


class MissingFact(BaseModel):
    fact_line: int
    text: str


class CheckResult(BaseModel):
    ok: bool = Field(..., description="Numbers only: every number supported and no fact's number missing")
    numbers: list[NumberHit] = Field(default_factory=list)
    missing: list[MissingFact] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    sentences: list[SentenceTrace] = Field(default_factory=list)
    faithful: bool = Field(False, description="ok and no claims")
    cleared: list[Claim] = Field(default_factory=list, description="Claims of the rules the model judge found "
                                 "supported by the facts (no longer in claims; shown to the reviewer)")
    unverified: list[Claim] = Field(default_factory=list, description="Wordings with words no fact writes that fill "
                                    "no role (no actor, place, time, honour, object, activity or theme), and "
                                    "supported numbers whose item the draft words differently (kind item, with "
                                    "fact_line): shown to read, not findings; they do not make the draft "
                                    "unfaithful (待核对)")


# --- drafting ---------------------------------------------------------------------
class PlanSection(BaseModel):
    """One section of a draft's outline (issue 20): its heading and the facts it holds."""
    heading: str = Field(..., min_length=1, max_length=60, description="标题（不含“一、”“（一）”序号）")
    facts: list[int] = Field(default_factory=list, description="本节写入的事实序号（从 1 起，按事实列表）")
    area: str | None = Field(None, max_length=60, description="小节（（一）（二）…）所属的大标题；独立成节时为空")

    @field_validator("heading", "area", mode="before")
    @classmethod
    def _one_line(cls, value: Any) -> Any:
        from drafter.domain.input_text import clean_value
        from textkit.headings import without_number

        cleaned = clean_value(value, one_line=True)
        return without_number(cleaned.strip()) if isinstance(cleaned, str) else cleaned


class DraftPlan(BaseModel):
    """A draft's outline: sections in order. POST /v1/plan proposes one; a DraftRequest carrying one is drafted
    exactly so (the secretary may rename, move facts, merge and split sections before she confirms it)."""
    sections: list[PlanSection] = Field(..., min_length=1, max_length=60)
    warnings: list[str] = Field(default_factory=list, description="规划时的提示（只读）")


class DraftRequest(BaseModel):
    org: str = Field(..., min_length=1, max_length=200, description="单位")
    period: str = Field(..., min_length=1, max_length=100, description="期间, e.g. 2025年 / 2025年上半年 / 2025年3月")
    kind: Kind = Field("年度总结", description="类型")
    topic: str | None = Field(None, max_length=100, description="专题, e.g. 送温暖")
    facts: list[str] = Field(..., description="One fact per item; bullets are stripped.")
    problems: list[str] = Field(default_factory=list)
    plans: list[str] = Field(default_factory=list)
    length: Literal["short", "normal", "long"] = "normal"
    pinned_examples: list[str] = Field(default_factory=list, description="Example ids (sources) to prefer as style references.")
    plan: DraftPlan | None = Field(None, description="确认过的提纲：按此分节、用此标题（缺省时自动规划）")

    @field_validator("org", "period", "topic", mode="before")
    @classmethod
    def _one_line(cls, value: Any) -> Any:
        from drafter.domain.input_text import clean_value

        return clean_value(value, one_line=True)  # refuses lone surrogates, drops unexportable characters

    @field_validator("facts", "problems", "plans", "pinned_examples", mode="before")
    @classmethod
    def _exportable(cls, value: Any) -> Any:
        from drafter.domain.input_text import clean_value

        return clean_value(value)

    @field_validator("facts", "problems", "plans")
    @classmethod
    def _clean_lines(cls, items: list[str]) -> list[str]:
        from drafter.domain.facts import clean_fact_lines

        return clean_fact_lines(items)

    @field_validator("facts")
    @classmethod
    def _need_facts(cls, facts: list[str]) -> list[str]:
        if not facts:
            raise ValueError("至少需要一条事实（facts 不能为空）")
        return facts

    @model_validator(mode="after")
    def _plan_fits_facts(self) -> "DraftRequest":
        if self.plan is not None:
            wrong = sorted({n for s in self.plan.sections for n in s.facts if not 1 <= n <= len(self.facts)})
            if wrong:
                raise ValueError(f"提纲中的事实序号{wrong}超出范围（共{len(self.facts)}条事实）")
        return self


class TokenUsage(BaseModel):
    """Model tokens of a section or a draft, repairs included. prompt_tokens: what the model read (for a local
    model without the fixed system prompt, which it reads once per load); completion_tokens: what it wrote;
    kept_tokens: the tokens of the model-written text that is in the final draft."""
    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    kept_tokens: int = 0

    def add(self, other: TokenUsage) -> TokenUsage:
        return TokenUsage(calls=self.calls + other.calls, prompt_tokens=self.prompt_tokens + other.prompt_tokens,
                          completion_tokens=self.completion_tokens + other.completion_tokens,
                          kept_tokens=self.kept_tokens + other.kept_tokens)


class SectionResult(BaseModel):
    heading: str
    text: str
    facts: list[int] = Field(default_factory=list, description="fact_line numbers (1-based) this section covers")
    provider: str
    attempts: int = 1
    fallback: bool = False
    fallback_reason: str | None = None
    check: CheckResult
    repairs: list[str] = Field(default_factory=list, description="Sentences of this section that failed their check, "
                               "and how each was fixed (written again alone, or replaced by the fact's template sentence)")
    usage: TokenUsage = Field(default_factory=TokenUsage)
    cut_note: str | None = Field(None, description="Set when the deadline, 停止 or a client gone cut this section "
                                 "mid-stream: the model's finished sentences that passed their checks were kept, "
                                 "the rest are the facts' template sentences")


class SourceRef(BaseModel):
    title: str
    source: str
    heading: str


class DraftResult(BaseModel):
    text: str
    sections: list[SectionResult]
    check: CheckResult
    sources: list[SourceRef] = Field(default_factory=list)
    provider: str
    elapsed_s: float
    warnings: list[str] = Field(default_factory=list)
    usage: TokenUsage = Field(default_factory=TokenUsage, description="Model tokens read and written, repairs included")
    run_id: str | None = Field(None, description="The drafting run; its model-call trace is linked to the stored draft")


EventType = Literal["plan", "section_started", "token", "section_done", "check", "done", "error"]


class DraftEvent(BaseModel):
    """One pipeline event. `done` carries the full DraftResult as data["result"]."""

    type: EventType
    data: dict[str, Any] = Field(default_factory=dict)
