"""The secretary's first steps: the facts form (paste splitting, file import, limits), reference examples and
generation (asking first before replacing edited text)."""

from __future__ import annotations

import streamlit as st

from drafter.domain.cut_facts import cut_notes
from drafter.domain.facts import needs_split, split_pasted
from drafter.models import KINDS, DraftRequest
from drafter.view import actions
from drafter.view import inputs as vin
from drafter.view import labels as vl
from drafter.view.safe import plain
from drafter.view.page import planning
from drafter.view.page.common import flash, show_flash, ss
from drafter.view.page import generating
from drafter.view.stream import result_notes

UPLOAD_LABEL = "或导入事实文件（.txt / .docx / .xlsx：Excel 取“事实”列，没有则取第一列），内容追加到上面的事实中"


def facts_form(settings) -> None:
    st.subheader("1. 填写事实")
    c1, c2, c3, c4, c5 = st.columns([3, 2, 1.1, 2, 1.1])
    c1.text_input("单位", key="f_org", placeholder="如：XX市总工会")
    c2.text_input("期间", key="f_period", placeholder="如：2025年 / 2025年上半年 / 2025年3月")
    c3.selectbox("类型", KINDS, key="f_kind", format_func=lambda k: vl.KIND_LABELS.get(k, k))
    c4.text_input("专题（可选）", key="f_topic", placeholder="如：送温暖")
    c5.selectbox("篇幅", list(vl.LENGTH_LABELS), key="f_length", format_func=vl.LENGTH_LABELS.get)
    st.text_area("事实（每行一条，可直接从 Word 或微信粘贴）", key="f_facts", height=200,
                 placeholder="春节走访慰问困难职工86户，发放慰问金12.6万元\n举办职工技能竞赛3场，参赛职工420人次")
    split_preview()
    cut_preview()
    st.file_uploader(UPLOAD_LABEL, type=list(vin.FACT_FILE_TYPES), key="f_upload",
                     on_change=lambda: flash("form", _upload_message()))
    show_flash("form")
    c1, c2 = st.columns(2)
    c1.text_area("存在问题（可选，每行一条）", key="f_problems", height=100)
    c2.text_area("下一步计划（可选，每行一条）", key="f_plans", height=100)


def _upload_message():
    upload = ss.get("f_upload")
    return actions.upload_facts(ss, upload.name, upload.getvalue()) if upload is not None else None


def split_pending() -> bool:
    text = ss.get("f_facts") or ""
    return needs_split(text) and ss.get("split_kept") != text


def split_preview() -> None:
    """Lines holding several facts (joined by "；"/"。" or numbered) are shown split, for confirmation."""
    if not split_pending():
        return
    parts = split_pasted(ss.f_facts)
    with st.container(border=True, key="split_box"):
        st.warning(f"粘贴的内容里有几行包含多条事实（以“；”“。”或编号分隔）。拆分后共 {len(parts)} 条，请确认：")
        st.markdown("  \n".join(f"{i}\\. {plain(p)}" for i, p in enumerate(parts[:40], start=1))
                    + ("  \n……" if len(parts) > 40 else ""))
        c1, c2 = st.columns(2)
        c1.button(f"拆分为 {len(parts)} 条事实", key="split_apply", type="primary",
                  on_click=lambda: ss.update(f_facts="\n".join(split_pasted(ss.f_facts))))
        c2.button("保持原样（每行一条）", key="split_keep", on_click=lambda: ss.update(split_kept=ss.f_facts))


def cut_preview() -> None:
    """Facts that look cut mid-word or mid-sentence (domain.cut_facts), said where she enters them: drafting goes
    on without the cut words."""
    notes = cut_notes(vin.fact_lines(ss.get("f_facts") or ""))
    if notes:
        shown = notes[:8] + ([f"……另有{len(notes) - 8}处"] if len(notes) > 8 else [])
        st.warning("  \n".join(plain(note) for note in shown))


def examples_panel(svc, show_example) -> None:
    st.subheader("2. 参考范文")
    st.button("查看参考范文", key="search", on_click=lambda: flash("examples", actions.search(ss, svc)))
    show_flash("examples")
    pinned = ss.setdefault("pinned", [])
    for group in vl.group_hits(ss.get("hits", [])):
        example_id = group["id"]
        with st.container(border=True):
            c1, c2, c3 = st.columns([6, 1.3, 1.3])
            c1.markdown(f"**{plain(group['title'])}** · {group['kind']}  \n" + plain(f"匹配章节：{'、'.join(group['sections'])}"))
            c1.caption(plain(group["snippet"]))
            c2.checkbox("置顶参考", value=example_id in pinned, key=f"pin_{example_id}",
                        on_change=lambda e=example_id: actions.toggle_pin(ss, e, ss[f"pin_{e}"]))
            if c3.button("查看全文", key=f"open_{example_id}"):
                show_example(svc, example_id)
    if pinned:
        st.caption(f"已置顶 {len(pinned)} 篇范文，生成时优先参考其结构和文风")


def form_request(settings) -> tuple[DraftRequest | None, list[str]]:
    """The request from the form, or the reasons (in Chinese) that block drafting."""
    if split_pending():
        return None, ["请先确认事实的拆分（见事实框下方：拆分或保持原样）"]
    request, errors = vin.build_request(ss.f_org, ss.f_period, ss.f_kind, ss.f_topic, ss.f_facts, ss.f_problems,
                                        ss.f_plans, ss.get("pinned", []), ss.f_length)
    if request is None:
        return None, errors
    limits, over_cap = vin.limit_problems(request.facts, settings.max_facts, settings.max_fact_chars)
    if over_cap and ss.get("cap_ok") and len(limits) == 1:
        limits = []  # only the first max_facts are drafted, and only they are checked (the verdict counts them)
        request = request.model_copy(update={"facts": request.facts[:settings.max_facts]})
    return (request, []) if not limits else (None, limits)


def edited() -> bool:
    """True when the editor holds text not saved as a version (regenerating would replace it): the user's edit,
    or a generated draft never saved."""
    text = ss.get("draft_text")
    if not text or not text.strip():
        return False
    return not ss.get("draft_id") or text != ss.get("saved_text")


def generate_panel(svc, settings, user) -> None:
    st.subheader("3. 生成初稿")
    planning.plan_panel(svc, form_request(settings))
    generating.provider_choice(svc, settings)
    running = svc.generation.get(user.name, ss.get("draft_id"))
    if st.button("生成初稿", key="generate", type="primary", disabled=bool(running and running.state == "running")):
        request, errors = form_request(settings)
        if request is not None:  # the outline she shaped, while it is for these facts, else the headings she typed
            request = request.model_copy(update={"plan": planning.current_plan(request) or request.plan})
        ss.pending_request = request.model_dump() if request else None
        ss.confirm_regen = bool(request) and edited()
        for error in errors:
            st.error(plain(error))
        if request is not None and not ss.confirm_regen:
            run_generation(svc, request, user)
    _cap_confirm(settings)
    if ss.get("confirm_regen"):
        _confirm_regenerate(svc, user)
    generating.follow(svc, user)  # a job started here, in another tab or on another device
    show_flash("generate")
    if ss.get("result"):
        from drafter.models import DraftResult

        result = DraftResult.model_validate(ss.result)
        st.caption(plain(vl.result_caption(result)))
        for note in result_notes(result):
            st.warning(plain(note))


def _cap_confirm(settings) -> None:
    facts = vin.fact_lines(ss.get("f_facts") or "")
    if len(facts) > settings.max_facts:
        st.checkbox(f"我确认只用前 {settings.max_facts} 条事实生成（其余 {len(facts) - settings.max_facts} 条不写入初稿）",
                    key="cap_ok")


def _confirm_regenerate(svc, user) -> None:
    with st.container(border=True, key="regen_box"):
        st.warning("编辑框中的内容还没有保存为版本。重新生成会替换编辑框中的内容：当前内容会先保存为一个版本，"
                   "之后可在“版本历史”中查看或恢复。")
        c1, c2 = st.columns(2)
        go = c1.button("保存当前内容并重新生成", key="regen_yes", type="primary")
        if c2.button("取消，继续编辑", key="regen_no"):
            ss.confirm_regen = False
            st.rerun()
    if go:
        level, message = actions.save(ss, svc, user)
        if level == "error":
            st.error(message)
            return
        st.success(message)
        ss.confirm_regen = False
        run_generation(svc, DraftRequest.model_validate(ss.pending_request), user)


def run_generation(svc, request: DraftRequest, user) -> None:
    """Write the draft as a job of the service and follow it here (drafter.view.page.generating)."""
    generating.start(svc, request, user)
