"""The outline before drafting (issue 20): the secretary asks for a proposed outline (DrafterService.plan), sees
its sections and headings, renames them, moves facts between sections, merges a section with the next or splits
it in two, and drafts from it. The outline is kept while the facts are the ones it was made for; a request drafted
from it carries it (DraftRequest.plan), so it is saved with the draft and regenerating keeps it."""

from __future__ import annotations

import streamlit as st

from drafter.models import DraftPlan, DraftRequest, PlanSection
from drafter.view.page.common import ss

KEY = "plan_outline"  # {"facts": [...], "sections": [{"heading", "facts", "area"}]}


def _outline() -> dict | None:
    return ss.get(KEY)


def _bump() -> None:
    """New widget keys after a change of structure (the widgets then show the outline as it now is)."""
    ss.plan_rev = int(ss.get("plan_rev", 0)) + 1


def _propose(svc, request: DraftRequest) -> None:
    outline = svc.plan(request, provider=ss.get("f_provider"))  # as the draft: her typed headings, if any
    ss[KEY] = {"facts": list(request.facts), "sections": [s.model_dump() for s in outline.sections],
               "warnings": list(outline.warnings)}
    ss.plan_use = True
    _bump()


def _rename(index: int, key: str) -> None:
    text = (ss.get(key) or "").strip()
    if text:
        _outline()["sections"][index]["heading"] = text[:60]


def _move(fact: int, key: str) -> None:
    target = ss.get(key)
    sections = _outline()["sections"]
    for section in sections:
        if fact in section["facts"]:
            section["facts"].remove(fact)
    sections[target]["facts"] = sorted(sections[target]["facts"] + [fact])
    kept = [s for s in sections if s["facts"]]
    for section in kept:  # a sub-section left alone in its area is drafted as a section of its own (outline.py)
        if section.get("area") and sum(1 for s in kept if s.get("area") == section["area"]) == 1:
            section["area"] = None
    _outline()["sections"] = kept
    _bump()


def _merge(index: int) -> None:
    sections = _outline()["sections"]
    sections[index]["facts"] = sorted(sections[index]["facts"] + sections[index + 1]["facts"])
    del sections[index + 1]
    _bump()


def _split(index: int) -> None:
    sections = _outline()["sections"]
    facts = sections[index]["facts"]
    half = (len(facts) + 1) // 2
    second = {"heading": sections[index]["heading"] + "（二）", "facts": facts[half:], "area": sections[index]["area"]}
    sections[index]["facts"] = facts[:half]
    sections.insert(index + 1, second)
    _bump()


def _restore() -> None:
    """After a reload, or on opening a saved draft: the outline its draft was made from (the stored request's plan,
    carried in the working copy), shown and used again, so that regenerating keeps it."""
    drafted = ss.get("request") or {}
    sections = (drafted.get("plan") or {}).get("sections")
    if _outline() is not None or not sections:
        return
    ss[KEY] = {"facts": list(drafted.get("facts") or []), "sections": [dict(s) for s in sections], "warnings": []}
    ss.plan_use = True
    _bump()


def current_plan(request: DraftRequest) -> DraftPlan | None:
    """The outline to draft from: the shown one, when she keeps 按此提纲生成 on and the facts are still its facts."""
    outline = _outline()
    if not outline or not ss.get("plan_use") or outline["facts"] != list(request.facts):
        return None
    return DraftPlan(sections=[PlanSection(**s) for s in outline["sections"]])


def plan_panel(svc, request_or_errors) -> None:
    """The outline panel: a button to propose one, then the editable outline. `request_or_errors`: what
    compose.form_request gives for the current form."""
    request, errors = request_or_errors
    _restore()
    with st.expander("提纲（可选）：先看分节和标题，再调整后生成", expanded=bool(_outline())):
        if st.button("拟定提纲", key="plan_propose"):
            if request is None:
                for error in errors:
                    st.error(error)
            else:
                with st.spinner("正在按范文拟定提纲…"):
                    _propose(svc, request)
        outline = _outline()
        if not outline:
            return
        if request is not None and outline["facts"] != list(request.facts):
            st.warning("事实已修改，提纲不再适用：请重新拟定提纲（生成时将自动安排结构）。")
            return
        for warning in outline.get("warnings", []):
            st.caption(warning)
        st.checkbox("按此提纲生成", key="plan_use")
        _sections(outline)


def _sections(outline: dict) -> None:
    rev = int(ss.get("plan_rev", 0))
    sections = outline["sections"]
    names = [f"第{i + 1}节" for i in range(len(sections))]
    for index, section in enumerate(sections):
        with st.container(border=True, key=f"plan_sec_{index}"):
            area = f"（属于“{section['area']}”）" if section.get("area") else ""
            key = f"plan_h_{index}_{rev}"
            st.text_input(f"第{index + 1}节标题{area}", value=section["heading"], key=key, max_chars=60,
                          on_change=_rename, args=(index, key))
            for fact in section["facts"]:
                c1, c2 = st.columns([5, 1.3])
                c1.text(f"{fact}. {outline['facts'][fact - 1]}")  # plain text: a fact is never Markdown
                move_key = f"plan_mv_{fact}_{rev}"
                c2.selectbox("所在小节", range(len(sections)), index=index, format_func=names.__getitem__,
                             key=move_key, on_change=_move, args=(fact, move_key), label_visibility="collapsed")
            c1, c2 = st.columns(2)
            if index + 1 < len(sections):
                c1.button("与下一节合并", key=f"plan_merge_{index}_{rev}", on_click=_merge, args=(index,))
            if len(section["facts"]) > 1:
                c2.button("拆成两节", key=f"plan_split_{index}_{rev}", on_click=_split, args=(index,))
