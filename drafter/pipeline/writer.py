"""Write one section, sentence by sentence: write → check → fix, all in this module.

A body section is one lead sentence plus one sentence per fact, in plan order (存在的不足 / 下一步工作打算 the same
over their items). The model gets the section's facts numbered and writes them back numbered, one line each, then
a "概括：" line that sums up what it wrote, in one call (prompts/sentences.j2): a small model writes a lead that
names the section's own work once it has written that work (asked first, it echoed the example or restated a fact).
That line becomes the lead, placed first, when it holds no number, claim or artifact and repeats no earlier lead.
Each line is then checked on its own against its own fact (`_verdict`): all of
the fact's numbers and no other, no prompt text, Markdown, Latin, list marks, stutters or copied reference text,
no claims when the faithfulness check reports them. A failing sentence is written again alone in a short call
(prompts/sentence.j2); if that fails too, the fact's template sentence takes its place. The section is never
rewritten whole and no fact is appended raw. The opening and closing are one checked paragraph, else the template's.
The template renderings come from the writer this one extends (writing.TemplateSections, the template provider).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from drafter.models import CheckResult, DraftEvent, DraftRequest, SectionResult, TokenUsage
from drafter.numcheck import check
from drafter.pipeline.deadline import Deadline, DeadlinePassed
from drafter.pipeline import budget
from drafter.pipeline.cleanup import clean_paragraph, numbered_lines, tidy_sentence
from drafter.pipeline.copying import copied_runs
from drafter.pipeline.cut import salvage
from drafter.pipeline.defects import bad_opener, lost_pairs, sentence_artifacts, sentences, without_opener
from drafter.pipeline.leads import KEY as _KEY, deduplicated, echoed, paragraph, restates as _restates, shorter_leads
from drafter.pipeline.leads import unanchored
from drafter.pipeline.planned import Plan, PlannedSection
from drafter.pipeline.replies import LEAD_LONGEST, SUMMARY_DONE, SectionDone, summary_apart, summary_line
from drafter.pipeline.template import fact_sentence, topic_stem
from drafter.pipeline.verify import check_part, sound_but_given
from drafter.pipeline.prompting import render
from drafter.pipeline.writing import TemplateSections
from drafter.providers.base import ChatModel, Message, ProviderError, in_step
from drafter.settings import Settings

LONGEST = 2.2  # a fact's sentence may be this many times the fact's length (+ 20 characters)
LEAD_CHARS = (6, LEAD_LONGEST)  # a lead sentence's length, in characters
WHAT = {"body": "工作事实", "problems": "存在的不足", "plans": "下一步工作打算"}
_FIRST_LINE = re.compile(r"[^\s][^\n]*\n")  # a single sentence: done at the end of its line


def system_messages() -> list[Message]:
    """What every model call starts with. No variables: a local model reads it once and keeps it (llama.cpp
    reuses the tokens it last read when the next prompt starts with them)."""
    return [{"role": "system", "content": render("system.j2")}]


@dataclass
class _Section:
    """The state of one section being written: what it must say, what it has, what it cost."""
    section: PlannedSection
    lines: list[str]  # fact texts (body) or items (problems, plans)
    references: list[str]
    usage: TokenUsage = field(default_factory=TokenUsage)
    repairs: list[str] = field(default_factory=list)
    calls: int = 0


class SectionWriter(TemplateSections):
    """A chat model's writer; what it cannot write faithfully falls to the template rendering it inherits."""

    def __init__(self, settings: Settings, model: ChatModel, request: DraftRequest, plan: Plan,
                 context: list[str], deadline: Deadline | None = None) -> None:
        super().__init__(settings, request, plan, context)
        self.deadline = deadline or Deadline(None)
        self.model = model
        self.provider = model.name
        self.leads: set[str] = set()  # the model's leads kept so far: a lead written twice falls to the template

    # --- the loop ------------------------------------------------------------------------
    def write(self, index: int, section: PlannedSection) -> Iterator[DraftEvent]:
        """Events of one section; the last is section_done with the SectionResult."""
        if self._frame_from_template(section):
            yield from super().write(index, section)
            return
        if self.deadline.passed():  # no model call starts past the deadline
            yield self.started(index, section, 1)
            yield self.done(index, section, self.template_result(section, reason=self.deadline.reason()))
            return
        state = _Section(section, self.templates.facts_of(section) if section.role != "opening" else [],
                         [h.text for h in section.references])
        try:
            if section.role in WHAT:
                result = yield from self._write_sentences(index, state)
            else:
                result = yield from self._write_frame(index, state)
        except DeadlinePassed as exc:  # the stream is closed; its finished sentences that pass are kept (cut.py)
            result = (salvage(self, state, exc) or
                      self.template_result(section, max(1, state.calls), str(exc), state.repairs, state.usage))
        except ProviderError as exc:
            result = (salvage(self, state, exc, why=f"模型调用失败：{exc}") or
                      self.template_result(section, max(1, state.calls), f"模型调用失败，本节改用模板：{exc}",
                                           state.repairs, state.usage))
        except Exception as exc:  # a bug or an odd reply must not cost the request: the template still works
            result = self.template_result(section, max(1, state.calls),
                                          f"本节生成出错，改用模板：{type(exc).__name__}: {exc}", state.repairs,
                                          state.usage)
        yield self.done(index, section, result)

    def _write_sentences(self, index: int, state: _Section):
        """One call for the whole section, then each sentence checked; a failing one written again alone, else
        replaced by its fact's template sentence."""
        section = state.section
        reply = yield from self._call(index, state, self._section_messages(state), budget.section_tokens(state.lines),
                                      SectionDone(len(state.lines)))
        reply = summary_apart(reply)  # …活动。概括：… on one line
        summary = summary_line(reply)
        numbered, loose = numbered_lines(SUMMARY_DONE.sub("", reply) if summary else reply)
        written: list[str] = []
        for number, line in enumerate(state.lines, start=1):
            sentence, problems = self._verdict(state, line, numbered.get(number) or _by_numbers(line, loose, self))
            if problems:
                sentence = yield from self._fix(index, state, number, line, problems)
            written.append(sentence)
        lead = self._lead(state, summary or numbered.get(0) or "")
        text = paragraph(lead, written)
        result_check = self.check(section, text)
        if not sound_but_given(result_check, "".join(state.lines)):  # a lead's word read as a number
            return self.template_result(section, state.calls, "本节核对未通过，改用模板", state.repairs, state.usage)
        return self._result(state, text, result_check)

    def _fix(self, index: int, state: _Section, number: int, line: str, problems: list[str]):
        """The sentence for `line` written again alone (up to max_repair_attempts short calls), else the fact's
        template sentence; the repair is noted either way."""
        why = "、".join(problems)
        for _ in range(max(0, self.settings.max_repair_attempts)):
            try:
                again = yield from self._call(index, state, self._sentence_messages(line),
                                              budget.sentence_tokens(line), _FIRST_LINE, step="repair")
            except DeadlinePassed:  # past the deadline no repair: the section's other sentences stand
                break
            sentence, still = self._verdict(state, line, again)
            if not still:
                state.repairs.append(f"第{number}句（{_short(line)}）未通过核对（{why}），已单独重写")
                return sentence
        after = "已到时限，未重写" if self.deadline.passed() else "重写后仍未通过核对"
        state.repairs.append(f"第{number}句（{_short(line)}）{after}（{why}），改用原事实句")
        return fact_sentence(line)

    def _write_frame(self, index: int, state: _Section):
        """The opening or closing: one paragraph, checked as a whole (no numbers but the context's)."""
        section = state.section
        chars = budget.frame_chars(self.request.length)
        reply = yield from self._call(index, state, self._frame_messages(section, chars), budget.frame_tokens(chars))
        text = deduplicated(clean_paragraph(reply))
        problems = [r for s in sentences(text) for r in sentence_artifacts(s, self.request.org + self.request.period,
                                                                          self.lexicon.faith.latin)]
        frame_check = self.check(section, text)
        if not problems and frame_check.ok and frame_check.claims:  # the final check's rules: no claim either
            text, frame_check, dropped = self._without_claims(section, text, frame_check)
            if dropped:
                state.repairs.append(f"删去了事实中没有的内容：{'；'.join(dropped)}")
        if problems or not frame_check.faithful or not text or bad_opener(text) or len(text) > 3 * chars:
            why = "、".join(dict.fromkeys(problems)) or ("有事实中没有的内容" if frame_check.claims or not text
                                                          else "数字或篇幅不符")
            return self.template_result(section, state.calls, None, state.repairs + [f"模型所写段落未通过核对（{why}），改用模板段落"],
                                        state.usage)
        return self._result(state, text, frame_check)

    # --- checking ------------------------------------------------------------------------
    def _without_claims(self, section: PlannedSection, text: str, result: CheckResult):
        """(text, check, dropped sentences): the frame paragraph without its sentences that hold a claim, checked
        again with the same rules (issue 19: what the writer keeps, the final check keeps)."""
        kept, dropped, pos = [], [], 0
        for sentence in sentences(text):
            start = text.find(sentence, pos)
            pos = start + len(sentence)
            if any(start <= c.start < pos for c in result.claims):
                dropped.append(sentence)
            else:
                kept.append(sentence)
        text = "".join(kept)
        return text, self.check(section, text), dropped

    def _verdict(self, state: _Section, line: str, written: str) -> tuple[str, list[str]]:
        """(the tidied sentence, its problems): empty problems when it may stand for `line`."""
        sentence = without_opener(tidy_sentence(written))
        if len(_KEY.sub("", sentence)) < 2:
            return "", ["没有写出"]
        problems = sentence_artifacts(sentence, allowed=line, latin=self.lexicon.faith.latin) + lost_pairs(sentence, line)
        if len(sentence) > LONGEST * len(line) + 20:
            problems.append("过长")
        result = check_part(self.plan.facts, [line], self.context, sentence, self.lexicon)
        if not sound_but_given(result, line):
            problems.append("数字不符或缺漏")
        if any(c.kind in ("claim", "heading", "artifact") for c in result.claims):
            problems.append("有事实没有的内容")
        if copied_runs(sentence, state.references):
            problems.append("照抄参考")
        return sentence, list(dict.fromkeys(problems))

    def _lead(self, state: _Section, written: str) -> str:
        """The model's lead sentence, or a shorter reading of it (leads.py), when it is short, holds no number, claim
        or artifact, is no earlier lead, and names the work of its section without restating its facts (their own
        sentences follow it), else the template's."""
        lead = without_opener(tidy_sentence(written, most=1))
        for reading in [lead, *shorter_leads(lead)] if lead else []:
            if self._good_lead(state, reading):
                self.leads.add(_KEY.sub("", reading))
                return reading
        if state.section.role == "body":
            return self.templates.lead(state.section)
        return render("template/items_lead.j2", role=state.section.role)

    def _good_lead(self, state: _Section, lead: str) -> bool:
        lead_check = check_part(self.plan.facts, state.lines, self.context, lead, self.lexicon)  # as the final check reads it
        return (LEAD_CHARS[0] <= len(lead) <= LEAD_CHARS[1] and not lead_check.numbers
                and not echoed(lead, state.section.title, self.leads)
                and not lead_check.claims and not sentence_artifacts(lead)
                and not copied_runs(lead, state.references) and not _restates(lead, state.lines)
                and not unanchored(lead, state.lines, state.section.title, state.section.role, state.section.theme))

    # --- prompts -------------------------------------------------------------------------
    def _section_messages(self, state: _Section) -> list[Message]:
        r, section = self.request, state.section
        refs = [{"text": text} for text in state.references]
        user = render("sentences.j2", references=refs, lines=state.lines, org=r.org, period=r.period, kind=r.kind,
                      title=section.title, what=WHAT[section.role])
        return [*system_messages(), {"role": "user", "content": user}]

    def _sentence_messages(self, line: str) -> list[Message]:
        return [*system_messages(), {"role": "user", "content": render("sentence.j2", org=self.request.org, line=line)}]

    def _frame_messages(self, section: PlannedSection, chars: int) -> list[Message]:
        r = self.request
        refs = [{"text": h.text} for h in section.references]
        user = render(f"{section.role}.j2", references=refs, org=r.org, period=r.period, kind=r.kind,
                      topic=topic_stem(r.topic), chars=chars, titles=self.plan.named_areas())
        return [*system_messages(), {"role": "user", "content": user}]

    # --- model calls and results ---------------------------------------------------------
    def _call(self, index: int, state: _Section, messages: list[Message], cap: int, done: re.Pattern | None = None,
              step: str = "write"):
        """One streamed model call, stopped as soon as `done` matches what it wrote (the last line asked for is
        complete: what a small model adds after it is never used); its tokens count into the section's usage.
        `step` labels the call in the trace ("write", or "repair" for a sentence written again)."""
        self.deadline.check()
        state.calls += 1
        yield self.started(index, state.section, state.calls)
        pieces: list[str] = []
        stream = in_step(step, self.model.stream(messages, max_tokens=cap, temperature=self.settings.temperature),
                         ends=self.deadline.expires, stopped=self.deadline.passed)  # the provider bounds it
        try:
            for piece in stream:
                self.deadline.check()  # closing the stream (finally) stops the model's generation
                pieces.append(piece)
                yield DraftEvent(type="token", data={"index": index, "attempt": state.calls, "text": piece})
                if done is not None and done.search("".join(pieces)):
                    break
        except (DeadlinePassed, ProviderError) as exc:
            if not isinstance(exc, DeadlinePassed) and not self.deadline.passed():
                exc.written = self._count(state, messages, "".join(pieces))  # broken off: cut.salvage keeps some
                raise
            cut = exc if isinstance(exc, DeadlinePassed) else DeadlinePassed(self.deadline.reason())
            cut.written = "".join(pieces)  # what the model wrote before the cut (cut.salvage keeps what passes)
            self._count(state, messages, cut.written)
            raise cut from None
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
        return self._count(state, messages, "".join(pieces))

    def _count(self, state: _Section, messages: list[Message], reply: str) -> str:
        """`reply`, its call's tokens counted into the section's usage."""
        read = [m["content"] for m in messages if m["role"] != "system" or self.model.concurrent]
        state.usage = state.usage.add(TokenUsage(calls=1, prompt_tokens=self.model.count_tokens("\n".join(read)),
                                                 completion_tokens=self.model.count_tokens(reply)))
        return reply

    def _frame_from_template(self, section: PlannedSection) -> bool:
        """Opening, closing, problems and plans from templates when a local model writes one section at a time."""
        return (section.role != "body" and not self.model.concurrent
                and self.settings.local_frame_from_templates)

    def _result(self, state: _Section, text: str, result_check: CheckResult) -> SectionResult:
        usage = state.usage.model_copy(update={"kept_tokens": self.model.count_tokens(text)})
        return SectionResult(heading=state.section.heading, text=text, facts=state.section.fact_lines,
                             provider=self.model.name, attempts=state.calls, check=result_check,
                             repairs=list(dict.fromkeys(state.repairs)), usage=usage)


def _by_numbers(line: str, loose: list[str], writer: SectionWriter) -> str:
    """A reply without line numbers: the unnumbered sentence that carries all of this line's numbers, if any."""
    for paragraph in loose:
        for sentence in sentences(paragraph):
            found = check([line], sentence, context=writer.context, lexicon=writer.lexicon)
            if found.ok and found.numbers:
                return sentence
    return ""


def _short(line: str, limit: int = 16) -> str:
    return line if len(line) <= limit else line[:limit] + "…"
