"""Section headings written by the model (issue 20), for the sections no example or lexicon heading fits.

When a model provider is configured, the planner (plan.py) asks it for the heading of each section that no
example heading (the heading bank's nearest) and no lexicon heading of its theme fits, which would otherwise get a
heading made of its facts' words ("A、B等工作") or join another section. One short call per such section (prompts/heading.j2: the
section's facts and the headings of the nearest example sections as a pattern). The reply is a heading only when it
passes what every heading must pass (titling.acceptable: the claim check against the section's own facts, not
generic, not repeated in the draft, not one fact's words over a section holding others, its content words said
by its facts, in their words or by meaning: heading_meaning.py) and, over facts of several themes, names each (theme_titles.spans, the planner's `also`); otherwise
the planner keeps the heading it had. The template provider has no model: its plans are as before.

Every call's tokens read and written and its seconds are kept (`calls`, `usage`, `seconds`); a failed call (the
provider's error, the draft's deadline) costs only its heading.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from drafter.models import TokenUsage
from drafter.numcheck import check
from drafter.pipeline import heading_meaning
from drafter.pipeline.heading_rules import bare, is_generic, one_fact_words, stutters
from drafter.pipeline.prompting import render
from drafter.pipeline.titling import ACT, LONGEST, fits
from drafter.providers.base import ChatModel, Message, in_step
from textkit.headings import without_number
from textkit.sentences import BREAKS, COLONS, SENTENCE_ENDS

SHOWN_FACTS = 8  # facts shown in the prompt (the heading is checked against all of them)
FACT_CHARS = 60  # each shown fact cut to this many characters
SHOWN_EXAMPLES = 4
MAX_TOKENS = 40
SHORTEST = 4
_LABEL = re.compile(r"^(?:标题|小标题)?[:：]?\s*")  # 标题：… (the reply's numbering is textkit's, without_number)
_WRAPPING = "“”\"'「」《》【】*# "
_END = BREAKS + " "
_DIGITS = re.compile(r"[0-9０-９]")
_CN_COUNT = re.compile(r"[一二两三四五六七八九十百几]+[个项名场次期批届家户人支篇件]")  # 放映一次, 均前五名: a count
_QUOTED = re.compile(r"[“\"「『][^“”\"」』]*[”\"」』]")
_TIME_CLAUSE = re.compile(r"^[^，,、]{1,12}(?:前夕|期间|之际|以来|前后|当天|之初|之后)[，,]")  # 儿童节前夕，开展…
_DOER = re.compile(rf"^(?:(?:公司|集团|基层|学校|我[校局厂司]?)?工会|我们|我会)(?:积极|认真|先后|还|也|又)*"
                   rf"(?=(?:{ACT.pattern})(?!建设))")  # 工会开展问卷调查: the doer (工会组织建设 is the work's name)
_LEVEL_OR_COUNT = re.compile(r"全国|国家级|省部级|[省市区县]级|[一二两三四五六七八九十百千万]+[大佳强名项]")
_CONJUNCTIONS = re.compile(r"[和及]与")  # 加强经营质量和与客户零距离交流: two conjunctions, no sentence


@dataclass
class HeadingCall:
    """One heading asked of the model: its reply, the heading taken from it ("" when refused) and why not."""

    facts: list[str]  # the section's facts
    reply: str
    heading: str
    refused: str  # "" when taken; else generic / repeated / one_fact / unrelated / claim / themes / shape / error
    tokens_read: int
    tokens_written: int
    seconds: float


@dataclass
class ModelTitles:
    """`name(facts, examples, used)` asks `model` for one section's heading; "" when none passes (see module)."""

    model: ChatModel
    org: str = "工会"
    system: list[Message] = field(default_factory=list)  # the writer's fixed system prompt (a local model keeps it)
    lexicon: object = None
    ends: float | None = None  # the draft's deadline (time.monotonic()), and its stop test
    stopped: Callable[[], bool] | None = None
    calls: list[HeadingCall] = field(default_factory=list)

    def name(self, facts: list[str], examples: list[str], used: set[str],
             also: Callable[[str], bool] = lambda title: True) -> str:
        if self.stopped is not None and self.stopped():
            return ""
        messages = [*self.system, {"role": "user", "content": self.prompt(facts, examples)}]
        started = time.perf_counter()
        try:
            reply = self._complete(messages)
        except Exception as exc:  # a heading is an aid: the planner keeps the heading it had
            self._record(facts, messages, "", "", f"error: {exc}"[:120], started)
            return ""
        heading = cleaned(reply)
        refused = refusal(heading, facts, used, self.lexicon, also)
        self._record(facts, messages, reply, "" if refused else heading, refused, started)
        return "" if refused else heading

    def prompt(self, facts: list[str], examples: list[str]) -> str:
        shown = [f if len(f) <= FACT_CHARS else f[:FACT_CHARS] + "…" for f in facts[:SHOWN_FACTS]]
        return render("heading.j2", org=self.org, facts=shown, examples=list(dict.fromkeys(examples))[:SHOWN_EXAMPLES])

    @property
    def usage(self) -> TokenUsage:
        return TokenUsage(calls=len(self.calls), prompt_tokens=sum(c.tokens_read for c in self.calls),
                          completion_tokens=sum(c.tokens_written for c in self.calls))

    @property
    def seconds(self) -> float:
        return sum(c.seconds for c in self.calls)

    def _complete(self, messages: list[Message]) -> str:
        pieces: list[str] = []
        stream = in_step("plan", self.model.stream(messages, max_tokens=MAX_TOKENS, temperature=0.0),
                         ends=self.ends, stopped=self.stopped)
        try:
            for piece in stream:
                pieces.append(piece)
                if "\n" in "".join(pieces).strip():  # the heading's line is complete: what follows is never used
                    break
        finally:
            stream.close()
        return "".join(pieces)

    def _record(self, facts: list[str], messages: list[Message], reply: str, heading: str, refused: str,
                started: float) -> None:
        read = [m["content"] for m in messages if m["role"] != "system" or self.model.concurrent]
        self.calls.append(HeadingCall(list(facts), reply, heading, refused,
                                      self.model.count_tokens("\n".join(read)), self.model.count_tokens(reply),
                                      round(time.perf_counter() - started, 3)))


def cleaned(reply: str) -> str:
    """The heading in a reply: its first line, without a numbering, a 标题： label, quotes or an end mark."""
    line = next((ln.strip() for ln in reply.splitlines() if ln.strip()), "")
    for _ in range(2):  # "1. 标题：“…”。": the numbering, then the label, then the quotes and the end mark
        line = without_number(_LABEL.sub("", line, count=1).strip()).strip(_WRAPPING + _END)
    line = _TIME_CLAUSE.sub("", line, count=1)  # a heading names the work, not when it was done …
    return _DOER.sub("", line, count=1)  # … nor who did it (工会开展问卷调查 -> 开展问卷调查)


def unwritten(heading: str, facts: list[str]) -> list[str]:
    """The heading's content words (nouns, verbs, adjectives beyond the frame words 加强, 提高 and acts) that its facts
    do not say, in their words or by meaning (heading_meaning: a synonym, or a word of the theme they are of): the
    model may say only what its facts say (提高客户满意度 over a 客户座谈会 and an 经理接待日; but 丰富职工文化生活
    over a 联欢会 and a 运动会)."""
    return heading_meaning.unsaid(heading, facts)


def invented(heading: str, facts: list[str], lexicon=None) -> bool:
    """The heading, said as the union's act (工会荣获省级先进集体称号。), claims an honour, a level or a count no fact
    gives (对象"省级"事实中没有, 荣誉"全国五一劳动奖状"事实中没有, 对象"十大"…): what a reader names first, before
    its words being one fact's or no fact's."""
    claims = check(list(facts), f"工会{heading}。", lexicon=lexicon).claims
    return any(claim.note.startswith('荣誉"') or _LEVEL_OR_COUNT.search(claim.text) for claim in claims)


def refusal(heading: str, facts: list[str], used: set[str], lexicon=None,
            also: Callable[[str], bool] = lambda title: True) -> str:
    """Why `heading` may not head these facts ("" when it may): the rules of every heading (titling.acceptable),
    in the order a reader would name them: the most specific first (an invented honour, level or count before one
    fact's words before unrelated)."""
    inner = any(mark in heading for mark in SENTENCE_ENDS + COLONS)  # 经理接待日：加强与客户交流的平台: a label and a
    counted = _DIGITS.search(heading) or _CN_COUNT.search(_QUOTED.sub("", heading))  # sentence, which the opening's
    if not SHORTEST <= len(bare(heading)) <= LONGEST or counted or "\n" in heading or inner:  # list of areas cannot
        return "shape"  # name; a count narrates, a heading names the work
    if _CONJUNCTIONS.search(heading) or any(opening + heading in fact for fact in facts for opening in "“\"「『"):
        return "shape"  # 传递微笑 of 开展“传递微笑”活动: a name alone names no work
    if is_generic(heading):
        return "generic"
    if stutters(heading):
        return "stutter"
    if bare(heading) in used:
        return "repeated"
    if invented(heading, facts, lexicon):  # the most specific fault first: its words may be one fact's, or none's
        return "claim"
    if one_fact_words(heading, facts, halves=False):  # halves by half: 23 of 71 good headings taken on h5's book 3
        return "one_fact"
    if not heading_meaning.relevant(heading, facts):
        return "unrelated"
    if not fits(facts, heading, lexicon) or unwritten(heading, facts):
        return "claim"
    if not also(heading) and not heading_meaning.spans(heading, facts):
        return "themes"
    return ""
