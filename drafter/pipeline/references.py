"""Style references: for each planned section, 1-3 retrieved example sections of the same role (and kind)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.models import DraftRequest, SourceRef

if TYPE_CHECKING:  # the planner imports this module
    from drafter.pipeline.planned import Plan, PlannedSection

REFERENCE_CHARS = 300  # a reference is cut at a sentence end near this length: small prompts for small models
SHORT_REFERENCE_CHARS = 200  # for the opening, closing, problems and plans
LOCAL_REFERENCE_CHARS = 160  # for a one-at-a-time local model: each character costs it prompt reading, and a
                             # small model copies long references instead of writing its facts


def shorten(text: str, limit: int = REFERENCE_CHARS) -> str:
    """At most about `limit` characters, cut after a full stop when there is one."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text.rfind("。", 0, limit)
    return text[:cut + 1] if cut >= limit // 3 else text[:limit] + "……"


def _query(section: PlannedSection, plan: Plan, request: DraftRequest) -> str:
    if section.role == "body":
        return section.title + " " + " ".join(plan.facts[line - 1] for line in section.fact_lines)
    if section.role in ("problems", "plans"):
        return section.title + " " + " ".join(section.items)
    return f"{request.kind} {request.topic or ''} {'开头 总体情况' if section.role == 'opening' else '结尾 今后'}"


def find_references(library, request: DraftRequest, plan: Plan, section: PlannedSection, count: int,
                    limit: int | None = None) -> list:
    """Hits from distinct examples, pinned examples first, the request's kind preferred; each cut to about
    `limit` characters (default: by role)."""
    if library is None or count <= 0:
        return []
    pinned = request.pinned_examples or None
    query = _query(section, plan, request)
    chosen: list = []
    for kind, ids in ((request.kind, pinned), (None, pinned), (request.kind, None), (None, None)):
        if ids is None and pinned and chosen:
            break  # pinned examples answered: do not mix in others
        for hit in library.search(query, k=count * 3, kind=kind, role=section.role, example_ids=ids):
            if len(chosen) < count and hit.text.strip() and all(h.example_id != hit.example_id for h in chosen) \
                    and all(h.chunk_id != hit.chunk_id for h in chosen):
                chosen.append(hit)
        if len(chosen) >= count:
            break
    limit = limit or (REFERENCE_CHARS if section.role == "body" else SHORT_REFERENCE_CHARS)
    return [hit.model_copy(update={"text": shorten(hit.text, limit)}) for hit in chosen]


def visible_examples(library, example_ids: list[str]) -> list[str]:
    """The pinned examples `library` shows, in order (a scoped library hides other organisations' uploads)."""
    shown = []
    for example_id in dict.fromkeys(example_ids):
        try:
            if library is not None and library.get_example(example_id) is not None:
                shown.append(example_id)
        except Exception:  # a lookup that fails pins nothing; the plan goes on
            continue
    return shown


def sources_of(plan: Plan) -> list[SourceRef]:
    seen: dict[tuple[str, str], SourceRef] = {}
    for section in plan.sections:
        for hit in section.references:
            seen.setdefault((hit.source, hit.heading), SourceRef(title=hit.title, source=hit.source, heading=hit.heading))
    return list(seen.values())
