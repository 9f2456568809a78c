"""The template provider: deterministic jinja2 renderings (prompts/template/) that keep every fact verbatim.

Instant and always faithful; it also replaces any model-written section that cannot be repaired."""

from __future__ import annotations

from drafter.models import DraftRequest
from drafter.pipeline.plan import Plan, PlannedSection
from drafter.prompting import render

_TRAILING = "。；;，,.、！!？? \t"


def clause(text: str) -> str:
    """A fact or item as a clause: no trailing punctuation, so the template can end the sentence."""
    return text.strip().rstrip(_TRAILING).strip()


class TemplateWriter:
    def __init__(self, request: DraftRequest, plan: Plan) -> None:
        self.request = request
        self.plan = plan

    def _base(self) -> dict:
        r = self.request
        return {"org": r.org, "period": r.period, "kind": r.kind, "topic": r.topic or ""}

    def title(self) -> str:
        return render("template/title.j2", **self._base())

    def render(self, section: PlannedSection) -> str:
        base = self._base()
        if section.role == "opening":
            return render("template/opening.j2", titles=[s.title for s in self.plan.body()], **base)
        if section.role == "closing":
            return render("template/closing.j2", **base)
        if section.role in ("problems", "plans"):
            return render(f"template/{section.role}.j2", items=[clause(i) for i in section.items if clause(i)])
        facts = [clause(self.plan.facts[line - 1]) for line in section.fact_lines]
        return render("template/section.j2", theme=section.theme, facts=[f for f in facts if f])
