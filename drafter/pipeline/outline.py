"""A plan as the secretary sees it (drafter.models.DraftPlan: headings and fact numbers) and back.

`outline_of(plan)` is what POST /v1/plan returns and the page shows; `body_from_outline` turns a confirmed outline
into the plan's body sections, exactly as given: her headings, her order, her grouping. Sections left empty are
dropped, with a warning; facts she left out of every section are planned as usual and added after hers, with a warning; a fact
she put in two sections is written in the first.
"""

from __future__ import annotations

from drafter.models import DraftPlan, PlanSection
from drafter.pipeline.planned import Plan, PlannedSection


def outline_of(plan: Plan) -> DraftPlan:
    sections = [PlanSection(heading=s.title, facts=list(s.fact_lines), area=s.parent or None) for s in plan.body()]
    return DraftPlan(sections=sections, warnings=list(plan.warnings))


def body_from_outline(outline: DraftPlan, count: int, theme_of) -> tuple[list[PlannedSection], list[int], list[str]]:
    """(body sections, fact lines (1-based) no section holds, warnings). `theme_of(lines)`: a section's theme key
    (it picks the template's frame phrases)."""
    sections: list[PlannedSection] = []
    placed: set[int] = set()
    warnings: list[str] = []
    number, area, sub = 0, None, 0
    for given in outline.sections:
        lines = [n for n in dict.fromkeys(given.facts) if n <= count and n not in placed]
        if not lines:  # nothing of hers is lost unsaid: she is told the heading went
            warnings.append(f"提纲中“{given.heading}”一节没有（其他节未写入的）事实，已略去")
            continue
        placed |= set(lines)
        if given.area:
            if given.area != area:
                number, area, sub = number + 1, given.area, 0
            sub += 1
            sections.append(PlannedSection("body", given.heading, number, theme_of(lines), lines, parent=area, sub=sub))
        else:
            number, area, sub = number + 1, None, 0
            sections.append(PlannedSection("body", given.heading, number, theme_of(lines), lines))
    sections = [_alone(s, sections) for s in sections]
    left = [n for n in range(1, count + 1) if n not in placed]
    if left:
        warnings.append(f"第{'、'.join(map(str, left))}条事实不在提纲的任何一节中，已自动安排在后面的小节")
    return sections, left, warnings


def _alone(section: PlannedSection, sections: list[PlannedSection]) -> PlannedSection:
    """A sub-section left alone in its area (she moved the others' facts away, or sent one) is a section of its own
    under its own heading: "二、建功立业" over a lone "（一）技能比武" reads as a list of one."""
    if not section.sub or sum(1 for s in sections if s.number == section.number) > 1:
        return section
    return PlannedSection("body", section.title, section.number, section.theme, section.fact_lines)
