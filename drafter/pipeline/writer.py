"""Write one section: the model drafts it, the number check verifies it, repair prompts fix it, and the template
rendering replaces it when the model cannot (or fails). Each section is a generator of DraftEvents."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.models import CheckResult, DraftEvent, DraftRequest, SectionResult
from drafter.pipeline.budget import max_tokens, target_chars
from drafter.pipeline.cleanup import clean_model_text
from drafter.pipeline.copying import copied_runs
from drafter.pipeline.plan import Plan, PlannedSection
from drafter.pipeline.prune import prune
from drafter.pipeline.template import TemplateWriter
from drafter.numcheck import lexicon_for
from drafter.pipeline.verify import check_section, problem_items
from drafter.prompting import render
from drafter.providers.base import ChatModel, Message, ProviderError
from drafter.settings import Settings

PROMPTS = {"opening": "opening.j2", "body": "section.j2", "problems": "problems_section.j2",
           "plans": "plans_section.j2", "closing": "closing.j2"}
MIN_CHARS = 8  # a reply shorter than this is treated as empty
PATCH_CHARS = 70  # a patch attempt writes about this much per missing fact
_FACT_LINE = re.compile(r"^第\s*\d+\s*条")
_LIST_MARK = re.compile(r"^\s*(?:\d+[.、．]|[（(]\d+[)）]|[-•])\s*", re.M)


def system_messages() -> list[Message]:
    """What every model call starts with. No variables: a local model reads it once and keeps it (llama.cpp
    reuses the tokens it last read when the next prompt starts with them)."""
    return [{"role": "system", "content": render("system.j2")}]


def _without_echo(reply: str, prompt: str) -> str:
    """The reply without lines that repeat the prompt's own wording (small models echo the problem list or the
    instructions). Fact lines ("第2条：…") stay: they carry the facts; references are left to the copy check."""
    own = [line.strip() for line in prompt.splitlines() if line.strip() and not line.startswith("〔参考")]

    def echoed(line: str) -> bool:
        bare = line.strip().lstrip("-•· ").strip()
        return len(bare) >= 6 and not _FACT_LINE.match(bare) and any(bare in p for p in own)

    return "\n".join(line for line in reply.split("\n") if not echoed(line))


def _summaries(problems: list[dict]) -> list[str]:
    """One Chinese line per problem (the same wording the repair prompt uses)."""
    lines = render("check_problems.j2", problems=problems).splitlines()
    return [line.removeprefix("- ").strip() for line in lines if line.strip()]


def _problem(kind: str, got: str = "") -> dict:
    return {"kind": kind, "line": 0, "expected": "", "got": got, "fact": ""}


class SectionWriter:
    def __init__(self, settings: Settings, model: ChatModel | None, request: DraftRequest, plan: Plan,
                 context: list[str]) -> None:
        self.settings = settings
        self.model = model
        self.request = request
        self.plan = plan
        self.context = context
        self.templates = TemplateWriter(request, plan)
        self.lexicon = lexicon_for(settings)  # the shipped lexicon plus DRAFTER_NUMBERS_LEXICON

    # --- prompts -------------------------------------------------------------------------
    def _ctx(self, section: PlannedSection) -> dict:
        r = self.request
        return {"org": r.org, "period": r.period, "kind": r.kind, "topic": r.topic or "",
                "chars": target_chars(section, r.length), "title": section.title}

    def _facts(self, section: PlannedSection) -> list[dict]:
        return [{"line": line, "text": self.plan.facts[line - 1]} for line in section.fact_lines]

    def messages(self, section: PlannedSection) -> list[Message]:
        """System prompt + the section prompt: its facts and its references, nothing else."""
        ctx = self._ctx(section)
        refs = [{"title": h.title, "heading": h.heading, "text": h.text} for h in section.references]
        user = render(PROMPTS[section.role], references=refs, facts=self._facts(section), items=section.items,
                      titles=[s.title for s in self.plan.body()], **ctx)
        return [{"role": "system", "content": self._system()}, {"role": "user", "content": user}]

    def repair_messages(self, section: PlannedSection, previous: str, problems: list[dict]) -> list[Message]:
        user = render("repair.j2", facts=self._facts(section), items=section.items, previous=previous,
                      problems=problems, **self._ctx(section))
        return [{"role": "system", "content": self._system()}, {"role": "user", "content": user}]

    @staticmethod
    def _system() -> str:
        return system_messages()[0]["content"]

    # --- writing -------------------------------------------------------------------------
    def check(self, section: PlannedSection, text: str) -> CheckResult:
        return check_section(self.plan.facts, self.context, text, section.fact_lines, self.lexicon)

    def template_result(self, section: PlannedSection, attempts: int = 1, reason: str | None = None,
                        repairs: list[str] | None = None) -> SectionResult:
        text = self.templates.render(section)
        return SectionResult(heading=section.heading, text=text, facts=section.fact_lines, provider="template",
                             attempts=attempts, fallback=reason is not None, fallback_reason=reason,
                             check=self.check(section, text), repairs=list(dict.fromkeys(repairs or [])))

    def write(self, index: int, section: PlannedSection) -> Iterator[DraftEvent]:
        """Events of one section; the last is section_done with the SectionResult."""
        if self.model is None or self._frame_from_template(section):
            yield DraftEvent(type="section_started", data={"index": index, "heading": section.heading,
                                                             "role": section.role, "attempt": 1})
            result = self.template_result(section)
        else:
            result = yield from self._write_with_model(index, section)
        yield DraftEvent(type="section_done", data={"index": index, "role": section.role,
                                                      "section": result.model_dump()})

    def _frame_from_template(self, section: PlannedSection) -> bool:
        """Opening, closing, problems and plans from templates when a local model writes one section at a time."""
        return (section.role != "body" and not self.model.concurrent
                and self.settings.local_frame_from_templates)

    def _write_with_model(self, index: int, section: PlannedSection):
        messages, kept, cap = self.messages(section), "", None  # kept: what a patch attempt adds sentences to
        attempts = 1 + max(0, self.settings.max_repair_attempts)
        problems: list[dict] = []
        repairs: list[str] = []
        attempt = 0
        try:
            for attempt in range(1, attempts + 1):
                yield DraftEvent(type="section_started", data={"index": index, "heading": section.heading,
                                                                 "role": section.role, "attempt": attempt})
                text = yield from self._attempt(index, attempt, section, messages, kept, cap)
                check, problems = self._problems(section, text)
                if not problems:
                    return self._model_result(section, text, check, attempt, repairs)
                repairs += _summaries(problems)
                pruned = prune(text, check, copied_runs(text, [h.text for h in section.references]))
                pruned_check, pruned_problems = self._problems(section, pruned)
                if not pruned_problems:  # dropping the faulty sentences was enough
                    return self._model_result(section, pruned, pruned_check, attempt, repairs)
                messages, kept, cap = self._next_attempt(section, pruned, problems, pruned_problems, bool(kept))
        except ProviderError as exc:
            return self.template_result(section, max(attempt, 1), f"模型调用失败，本节改用模板：{exc}", repairs)
        except Exception as exc:  # a bug or an odd reply must not cost the request: the template still works
            return self.template_result(section, max(attempt, 1), f"本节生成出错，改用模板：{type(exc).__name__}: {exc}",
                                        repairs)
        summary = "；".join(_summaries(problems))
        return self.template_result(section, attempts, f"经{attempts}次生成仍未通过数字核对，本节改用模板（{summary}）",
                                    repairs)

    def _next_attempt(self, section: PlannedSection, pruned: str, problems: list[dict],
                      pruned_problems: list[dict], patched: bool) -> tuple[list[Message], str, int | None]:
        """(messages, kept text, token cap) of the next attempt. When the reply, cut of its faulty sentences, only
        lacks facts: keep it and have the model write just those facts (a short call). Otherwise the whole
        section again, also after a failed patch (the same prompt would give the same reply). Either prompt names
        every problem of the reply."""
        if not patched and len(pruned) >= MIN_CHARS and all(p["kind"] == "missing" for p in pruned_problems):
            lines = {p["line"] for p in pruned_problems}
            return self.patch_messages(section, lines, problems), pruned, max_tokens(PATCH_CHARS * len(lines))
        return self.repair_messages(section, pruned, problems), "", None

    def patch_messages(self, section: PlannedSection, lines: set[int], problems: list[dict]) -> list[Message]:
        facts = [f for f in self._facts(section) if f["line"] in lines]
        user = render("patch.j2", facts=facts, problems=problems, **self._ctx(section))
        return [{"role": "system", "content": self._system()}, {"role": "user", "content": user}]

    def _attempt(self, index: int, attempt: int, section: PlannedSection, messages: list[Message], kept: str,
                 cap: int | None):
        """One model call: a whole section, or (after `kept`) sentences for the facts it lacks."""
        if not kept:
            return (yield from self._generate(index, attempt, section, messages))
        yield DraftEvent(type="token", data={"index": index, "attempt": attempt, "text": kept + "\n"})
        added = yield from self._generate(index, attempt, section, messages, cap, facts=[])
        return f"{kept}\n{_LIST_MARK.sub('', added).replace(chr(10), '')}".strip()

    def _problems(self, section: PlannedSection, text: str) -> tuple[CheckResult, list[dict]]:
        """The number check of a reply and every problem to fix (numbers, missing facts, copying, emptiness)."""
        check = self.check(section, text)
        problems = problem_items(check, self.plan.facts)
        problems += [_problem("copied", got=run) for run in copied_runs(text, [h.text for h in section.references])]
        if len(text) < MIN_CHARS:
            problems.append(_problem("empty"))
        return check, problems

    def _model_result(self, section: PlannedSection, text: str, check: CheckResult, attempt: int,
                      repairs: list[str]) -> SectionResult:
        return SectionResult(heading=section.heading, text=text, facts=section.fact_lines, provider=self.model.name,
                             attempts=attempt, check=check, repairs=list(dict.fromkeys(repairs)))

    def _generate(self, index: int, attempt: int, section: PlannedSection, messages: list[Message],
                  cap: int | None = None, facts: list[str] | None = None):
        pieces: list[str] = []
        cap = cap or max_tokens(target_chars(section, self.request.length))
        for piece in self.model.stream(messages, max_tokens=cap, temperature=self.settings.temperature):
            pieces.append(piece)
            yield DraftEvent(type="token", data={"index": index, "attempt": attempt, "text": piece})
        if facts is None:
            facts = [self.plan.facts[line - 1] for line in section.fact_lines]
        return clean_model_text(_without_echo("".join(pieces), messages[-1]["content"]), section.title, facts)
