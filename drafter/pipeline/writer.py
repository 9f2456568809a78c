"""Write one section: the model drafts it, the number check verifies it, repair prompts fix it, and the template
rendering replaces it when the model cannot (or fails). Each section is a generator of DraftEvents."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.models import CheckResult, DraftEvent, DraftRequest, SectionResult
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

MAX_TOKENS = {"body": {"short": 220, "normal": 330, "long": 620}, "other": {"short": 120, "normal": 180, "long": 280}}
PROMPTS = {"opening": "opening.j2", "body": "section.j2", "problems": "problems_section.j2",
           "plans": "plans_section.j2", "closing": "closing.j2"}
MIN_CHARS = 8  # a reply shorter than this is treated as empty


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
        return {"org": r.org, "period": r.period, "kind": r.kind, "topic": r.topic or "", "length": r.length,
                "role": "body" if section.role == "body" else "other", "title": section.title}

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

    def _system(self) -> str:
        return render("system.j2", org=self.request.org, kind=self.request.kind)

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
        messages = self.messages(section)
        attempts = 1 + max(0, self.settings.max_repair_attempts)
        problems: list[dict] = []
        repairs: list[str] = []
        attempt = 0
        try:
            for attempt in range(1, attempts + 1):
                yield DraftEvent(type="section_started", data={"index": index, "heading": section.heading,
                                                                 "role": section.role, "attempt": attempt})
                text = yield from self._generate(index, attempt, section, messages)
                check, problems = self._problems(section, text)
                if not problems:
                    return self._model_result(section, text, check, attempt, repairs)
                repairs += _summaries(problems)
                pruned = prune(text, check, copied_runs(text, [h.text for h in section.references]))
                pruned_check, pruned_problems = self._problems(section, pruned)
                if not pruned_problems:  # dropping the faulty sentences was enough
                    return self._model_result(section, pruned, pruned_check, attempt, repairs)
                messages = self.repair_messages(section, pruned or text or "（空）", problems)
        except ProviderError as exc:
            return self.template_result(section, max(attempt, 1), f"模型调用失败，本节改用模板：{exc}", repairs)
        except Exception as exc:  # a bug or an odd reply must not cost the request: the template still works
            return self.template_result(section, max(attempt, 1), f"本节生成出错，改用模板：{type(exc).__name__}: {exc}",
                                        repairs)
        summary = "；".join(_summaries(problems))
        return self.template_result(section, attempts, f"经{attempts}次生成仍未通过数字核对，本节改用模板（{summary}）",
                                    repairs)

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

    def _generate(self, index: int, attempt: int, section: PlannedSection, messages: list[Message]):
        role = "body" if section.role == "body" else "other"
        pieces: list[str] = []
        for piece in self.model.stream(messages, max_tokens=MAX_TOKENS[role][self.request.length],
                                       temperature=self.settings.temperature):
            pieces.append(piece)
            yield DraftEvent(type="token", data={"index": index, "attempt": attempt, "text": piece})
        return clean_model_text("".join(pieces), section.title,
                                [self.plan.facts[line - 1] for line in section.fact_lines])
