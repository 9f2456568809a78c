"""drafter 网页：秘书起草、编辑核对、保存导出；审核人对照事实审核。

Widgets and layout only: every action goes through the one DrafterService (drafter.view.actions), the views
are rendered by drafter.view. Each browser session keeps its own unsaved work in st.session_state.
"""

from __future__ import annotations

import hmac

import streamlit as st

from drafter.models import KINDS, CheckResult, DraftRequest, DraftResult
from drafter.service import DrafterService
from drafter.settings import Settings
from drafter.view import actions
from drafter.view import diff as vdiff
from drafter.view import highlight as vh
from drafter.view import inputs as vin
from drafter.view import labels as vl
from drafter.view import review as vr
from drafter.view import trace_panel
from drafter.view.stream import StreamProgress, result_notes

ss = st.session_state


@st.cache_resource(show_spinner="正在启动服务…")
def _cached_service(_settings: Settings, key: str) -> DrafterService:
    return DrafterService(_settings)


def get_service(settings: Settings) -> DrafterService:
    """One service per process (and per DRAFTER_ configuration)."""
    return _cached_service(settings, settings.model_dump_json())


def flash(area: str, message: tuple[str, str] | None) -> None:
    if message:
        ss.setdefault("flash", {}).setdefault(area, []).append(message)


def show_flash(area: str) -> None:
    for level, text in ss.get("flash", {}).pop(area, []):
        getattr(st, level)(text)


def password_gate(settings: Settings) -> None:
    """Stop the page until the right password is given (only when DRAFTER_UI_PASSWORD is set)."""
    secret = settings.ui_password.get_secret_value() if settings.ui_password else ""
    if not secret or ss.get("authed"):
        return
    st.title("工会工作总结起草助手")
    with st.form("login"):
        given = st.text_input("请输入访问密码", type="password", key="password")
        if st.form_submit_button("进入"):
            if hmac.compare_digest(given.encode(), secret.encode()):
                ss.authed = True
                st.rerun()
            st.error("密码不正确，请重新输入")
    st.stop()


def sidebar(svc: DrafterService) -> None:
    with st.sidebar:
        st.text_input("当前用户（记录在版本和审核意见上）", value="秘书", key="user")
        try:
            ready = svc.readiness()
        except Exception as exc:  # noqa: BLE001
            st.error(actions.error_text(exc))
            return
        for line in vl.readiness_lines(ready):
            st.caption(line)


# --- secretary ---------------------------------------------------------------------------------------
def facts_form(svc: DrafterService) -> None:
    st.subheader("1. 填写事实")
    c1, c2, c3, c4, c5 = st.columns([3, 2, 1.1, 2, 1.1])
    c1.text_input("单位", key="f_org", placeholder="如：XX市总工会")
    c2.text_input("期间", key="f_period", placeholder="如：2025年 / 2025年上半年 / 2025年3月")
    c3.selectbox("类型", KINDS, key="f_kind", format_func=lambda k: vl.KIND_LABELS.get(k, k))
    c4.text_input("专题（可选）", key="f_topic", placeholder="如：送温暖")
    c5.selectbox("篇幅", list(vl.LENGTH_LABELS), key="f_length", format_func=vl.LENGTH_LABELS.get)
    st.text_area("事实（每行一条，可直接从 Word 或微信粘贴）", key="f_facts", height=200,
                 placeholder="春节走访慰问困难职工86户，发放慰问金12.6万元\n举办职工技能竞赛3场，参赛职工420人次")
    st.file_uploader("或上传事实文件（.txt / .docx），内容会追加到上面的事实中", type=list(vin.FACT_FILE_TYPES),
                     key="f_upload", on_change=lambda: flash("form", _upload_message()))
    c1, c2 = st.columns(2)
    c1.text_area("存在问题（可选，每行一条）", key="f_problems", height=100)
    c2.text_area("下一步计划（可选，每行一条）", key="f_plans", height=100)
    show_flash("form")


def _upload_message():
    upload = ss.get("f_upload")
    return actions.upload_facts(ss, upload.name, upload.getvalue()) if upload is not None else None


@st.dialog("范文全文", width="large")
def show_example(svc: DrafterService, example_id: str) -> None:
    example = svc.get_example(example_id)
    if example is None:
        st.error("范文不存在（可能已被删除）")
        return
    st.markdown(f"**{example.title}** · {example.kind}{' · ' + example.topic if example.topic else ''}")
    st.text(example.text)


def examples_panel(svc: DrafterService) -> None:
    st.subheader("2. 参考范文")
    st.button("查看参考范文", key="search", on_click=lambda: flash("examples", actions.search(ss, svc)))
    show_flash("examples")
    pinned = ss.setdefault("pinned", [])
    for group in vl.group_hits(ss.get("hits", [])):
        example_id = group["id"]
        with st.container(border=True):
            c1, c2, c3 = st.columns([6, 1.3, 1.3])
            c1.markdown(f"**{group['title']}** · {group['kind']}  \n匹配章节：{'、'.join(group['sections'])}")
            c1.caption(group["snippet"])
            c2.checkbox("置顶参考", value=example_id in pinned, key=f"pin_{example_id}",
                        on_change=lambda e=example_id: actions.toggle_pin(ss, e, ss[f"pin_{e}"]))
            if c3.button("查看全文", key=f"open_{example_id}"):
                show_example(svc, example_id)
    if pinned:
        st.caption(f"已置顶 {len(pinned)} 篇范文，生成时优先参考其结构和文风")


def generate_panel(svc: DrafterService) -> None:
    st.subheader("3. 生成初稿")
    if st.button("生成初稿", key="generate", type="primary"):
        request, errors = vin.build_request(ss.f_org, ss.f_period, ss.f_kind, ss.f_topic, ss.f_facts,
                                            ss.f_problems, ss.f_plans, ss.get("pinned", []), ss.f_length)
        for error in errors:
            st.error(error)
        if request is not None:
            run_generation(svc, request)
    if ss.get("result"):
        result = DraftResult.model_validate(ss.result)
        st.caption(vl.result_caption(result))
        for note in result_notes(result):
            st.warning(note)


def run_generation(svc: DrafterService, request: DraftRequest) -> None:
    """Stream the draft section by section; the result replaces this session's editor text (unsaved)."""
    events, problem = actions.start_draft(svc, request)
    if events is None:
        st.error(problem[1])
        return
    progress = StreamProgress()
    with st.status("正在生成初稿…", expanded=True) as status:
        bar, live = st.progress(0.0, text=progress.label), st.empty()
        try:
            for event in events:
                progress.apply(event)
                bar.progress(progress.fraction, text=progress.label)
                live.text(progress.text[-1200:])
        except Exception as exc:  # noqa: BLE001
            status.update(label="生成失败", state="error")
            st.error(actions.error_text(exc))
            return
        if progress.result is None:
            status.update(label="生成未完成", state="error")
            return
        status.update(label=f"初稿已生成（{progress.result.provider}）", state="complete", expanded=False)
    ss.update(request=request.model_dump(), result=progress.result.model_dump(), draft_text=progress.result.text,
              draft_id=None, base_version=None, saved_text=None, stale=False)


def editor_panel(svc: DrafterService) -> None:
    st.subheader("4. 编辑与核对")
    request = DraftRequest.model_validate(ss.request)
    left, right = st.columns(2)
    text = left.text_area("初稿（可直接修改；每次修改后自动重新核对数字）", key="draft_text", height=620,
                          help="修改后按 Ctrl+Enter 或点击编辑框外，右侧立即重新核对")
    try:
        check = svc.check_text(request, text)
    except Exception as exc:  # noqa: BLE001
        right.error(actions.error_text(exc))
        return
    with right:
        verdict(check)
        st.html(vh.legend_html() + vh.draft_html(text, check, request.facts))
    c1, c2 = st.columns(2)
    c1.markdown("**需要处理的数字**（鼠标悬停在红色数字上可看到对应事实）")
    table(c1, vh.problem_rows(check, request.facts), "没有")
    unused = vr.unused_rows(vr.usages(request.facts, text, check))
    c2.markdown("**未使用的事实**")
    table(c2, unused, "没有未使用的事实")


def table(where, rows: list[dict], empty: str) -> None:
    if rows:
        where.dataframe(rows, hide_index=True)
    else:
        where.caption(empty)


def verdict(check: CheckResult) -> None:
    (st.success if check.ok else st.error)(vl.summary_text(check))


def save_panel(svc: DrafterService) -> None:
    st.subheader("5. 保存与导出")
    c1, c2, c3 = st.columns([1, 1, 4])
    c1.button("保存版本", key="save", type="primary",
              on_click=lambda: flash("save", actions.save(ss, svc, ss.get("user") or "秘书")))
    draft_id = ss.get("draft_id")
    if draft_id:
        c2.download_button("导出 Word", key="export", data=lambda: svc.export_docx(draft_id)[1], on_click="ignore",
                           file_name=vin.export_name(ss.request),
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        if ss.get("draft_text") != ss.get("saved_text"):
            c3.caption(f"有未保存的修改；导出的是已保存的第 {ss.base_version} 版")
    else:
        c3.caption("尚未保存；保存后可导出 Word 和查看版本历史")
    show_flash("save")
    if draft_id and ss.get("stale"):
        st.button("载入最新版本（会替换编辑框中的内容，请先复制您的修改）", key="load_latest",
                  on_click=lambda: flash("save", actions.load_draft(ss, svc, draft_id)))
    if draft_id:
        reviews_box(svc, draft_id)
        history(svc, draft_id)
        trace_panel.render(st, svc, draft_id)


def reviews_box(svc: DrafterService, draft_id: str) -> None:
    detail = svc.get_draft(draft_id)
    st.caption(f"稿件状态：{vl.draft_status_label(detail.status)}")
    for r in detail.reviews:
        (st.success if r.decision == "approve" else st.warning)(vl.review_line(r))


def history(svc: DrafterService, draft_id: str) -> None:
    with st.expander("版本历史与差异", expanded=True):
        versions = svc.list_versions(draft_id)
        st.dataframe(vr.version_rows(versions), hide_index=True)
        numbers = [v.number for v in versions]
        if len(numbers) < 2:
            st.caption("保存两个以上版本后可以比较差异")
            return
        c1, c2 = st.columns(2)
        a = c1.selectbox("从版本", numbers, index=len(numbers) - 2, key="diff_from", format_func="第 {} 版".format)
        b = c2.selectbox("到版本", numbers, index=len(numbers) - 1, key="diff_to", format_func="第 {} 版".format)
        try:
            diff = svc.diff(draft_id, a, b)
        except Exception as exc:  # noqa: BLE001
            st.error(actions.error_text(exc))
            return
        st.html(vdiff.diff_html(diff.unified, diff.changed_numbers))
        st.markdown("**数字变化**")
        table(st, vdiff.change_rows(diff.changed_numbers), "没有数字发生变化")


def drafts_picker(svc: DrafterService, area: str, status: str | None) -> str | None:
    """A list of saved drafts (optionally filtered by status); returns the chosen id."""
    page = svc.list_drafts(status=status, limit=100)
    if not page.items:
        st.info("没有符合条件的稿件")
        return None
    labels = {d.id: vl.draft_label(d) for d in page.items}
    return st.selectbox("选择稿件", list(labels), format_func=labels.get, key=f"{area}_pick")


def secretary(svc: DrafterService) -> None:
    with st.expander("打开已保存的稿件（继续修改、查看审核意见）"):
        picked = drafts_picker(svc, "s", None)
        if picked:
            st.button("打开", key="s_open", on_click=lambda: flash("drafts", actions.load_draft(ss, svc, picked)))
    show_flash("drafts")
    facts_form(svc)
    examples_panel(svc)
    generate_panel(svc)
    if ss.get("request") and "draft_text" in ss:
        editor_panel(svc)
        save_panel(svc)


# --- reviewer ----------------------------------------------------------------------------------------
def reviewer(svc: DrafterService) -> None:
    status = st.selectbox("按状态筛选", ["draft", "returned", "approved", None], key="r_status",
                          format_func=lambda s: vl.draft_status_label(s) if s else "全部")
    draft_id = drafts_picker(svc, "r", status)
    show_flash("review")
    if not draft_id:
        return
    try:
        detail = svc.get_draft(draft_id)
        request, text = detail.request, detail.latest.text
        check = svc.check_text(request, text)
    except Exception as exc:  # noqa: BLE001
        st.error(actions.error_text(exc))
        return
    st.markdown(f"#### {detail.title}")
    st.caption(f"{request.org} · {request.period} · {vl.KIND_LABELS.get(request.kind, request.kind)} · "
               f"第 {detail.latest.number} 版（{detail.latest.author}） · {vl.draft_status_label(detail.status)}")
    verdict(check)
    usage = vr.usages(request.facts, text, check)
    st.markdown("**事实 ↔ 初稿对照**")
    st.dataframe(vr.fact_rows(usage, text, check), hide_index=True)
    options = vr.fact_options(usage)
    chosen = st.selectbox("在正文中高亮某条事实", [None, *options], key="r_focus",
                          format_func=lambda o: "（不高亮）" if o is None else o)
    focus = vr.focus_spans(usage, check, options.get(chosen) if chosen else None)
    left, right = st.columns([3, 2])
    left.html(vh.legend_html() + vh.draft_html(text, check, request.facts, focus=focus))
    right.markdown("**每个数字的核对结果**")
    table(right, vh.number_rows(check, request.facts, only_problems=False), "正文中没有数字")
    review_form(svc, detail)


def review_form(svc: DrafterService, detail) -> None:
    st.markdown("**审核**")
    for r in detail.reviews:
        st.caption(vl.review_line(r))
    st.text_area("审核意见（退回时必填）", key="r_comment", height=90)
    c1, c2, _ = st.columns([1, 1, 5])
    reviewer_name = ss.get("user") or "审核人"
    c1.button("通过", key="approve", type="primary", on_click=lambda: flash(
        "review", actions.review(ss, svc, detail.id, "approve", reviewer_name)))
    c2.button("退回", key="return", on_click=lambda: flash(
        "review", actions.review(ss, svc, detail.id, "return", reviewer_name)))


def main() -> None:
    st.set_page_config(page_title="工会工作总结起草助手", page_icon="📝", layout="wide")
    try:
        settings = Settings()
    except ValueError as exc:  # pydantic ValidationError: a bad DRAFTER_ variable
        st.error(f"配置有误（请检查 DRAFTER_ 开头的环境变量或 .env）：{exc}")
        st.stop()
    password_gate(settings)
    svc = get_service(settings)
    sidebar(svc)
    st.title("工会工作总结起草助手")
    write, check = st.tabs(["起草（秘书）", "审核（审核人）"])
    with write:
        secretary(svc)
    with check:
        reviewer(svc)


main()
