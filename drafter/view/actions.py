"""The page's actions over a session-state mapping (st.session_state in the page, a dict in tests).

Each returns (level, message) for the page to show: level is "success", "info", "warning" or "error".
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from drafter.domain.errors import Forbidden, InvalidInput, NotFound, ProviderUnavailable, QueueFull, StaleVersion
from drafter.models import KINDS, DraftRequest, DraftResult
from drafter.view import inputs as vin
from drafter.view.labels import DECISION_LABELS

State = MutableMapping[str, Any]
Message = tuple[str, str]
NOT_FOUND = "稿件不存在（可能已被删除）"


def error_text(exc: Exception) -> str:
    """A Chinese message for anything a service call may raise."""
    if isinstance(exc, QueueFull):
        return "生成队列已满，请稍后再试"
    if isinstance(exc, ProviderUnavailable):
        return f"生成服务不可用：{exc}"
    if isinstance(exc, NotFound):  # an unknown draft, or one outside the user's organisation: the same words
        return NOT_FOUND if str(exc).startswith("稿件不存在") else "稿件或版本不存在（可能已被删除）"
    if isinstance(exc, InvalidInput):
        return str(exc)
    if isinstance(exc, Forbidden):
        return f"没有权限：{exc}" if str(exc) else "没有权限进行这个操作"
    return f"操作失败：{exc}"


def start_draft(svc, request: DraftRequest):
    """The draft's event stream, or None and the reason (queue full, provider unavailable) before any event."""
    try:
        return svc.draft_events(request), None
    except Exception as exc:  # noqa: BLE001 - QueueFull, ProviderUnavailable: the form is kept
        return None, ("error", error_text(exc))


def upload_facts(state: State, name: str, data: bytes) -> Message:
    """Append the facts of an uploaded .txt/.docx/.xlsx file to the facts text area, under its section headings."""
    lines, count, error = vin.box_lines_from_file(name, data)
    if error:
        return "error", error
    state["f_facts"] = vin.merge_facts(state.get("f_facts", ""), lines)
    headings = len(lines) - count
    return "success", f"已从「{name}」读入 {count} 条事实" + (f"和 {headings} 个小节标题（生成时按这些小节分节）" if headings else "")


def search(state: State, svc) -> Message | None:
    """Retrieve reference examples for the form (kind first, any kind when none match)."""
    query = vin.search_query(state.get("f_topic", ""), state.get("f_kind", KINDS[0]), state.get("f_facts", ""))
    if not query.strip():
        return "error", "请先填写专题或事实，再查看参考范文"
    try:
        hits = svc.search_examples(query, k=6, kind=state.get("f_kind")) or svc.search_examples(query, k=6)
    except Exception as exc:  # noqa: BLE001 - shown to the user, the form is kept
        return "error", error_text(exc)
    state["hits"] = [h.model_dump() for h in hits]
    return None if hits else ("info", "没有找到相关范文")


def toggle_pin(state: State, example_id: str, pinned: bool) -> None:
    current = [e for e in state.get("pinned", []) if e != example_id]
    state["pinned"] = current + [example_id] if pinned else current


def load_draft(state: State, svc, draft_id: str) -> Message:
    """Open a saved draft for editing: its request into the form, its latest version into the editor."""
    try:
        detail = svc.get_draft(draft_id)
    except Exception as exc:  # noqa: BLE001
        return "error", error_text(exc)
    req = detail.request
    for key in ("sig_org", "sig_date", "_wc_typed", "my_stale_text", "export_ack", "confirm_regen", "plan_outline",
                "plan_use"):
        state.pop(key, None)  # the previous draft's signature, typed text, prompts and outline (its own comes back)
    state.update(f_org=req.org, f_period=req.period, f_kind=req.kind, f_topic=req.topic or "",
                 f_facts="\n".join(req.facts), f_problems="\n".join(req.problems), f_plans="\n".join(req.plans),
                 f_length=req.length, pinned=list(req.pinned_examples), request=req.model_dump(), draft_id=detail.id,
                 base_version=detail.latest.number, saved_text=detail.latest.text, draft_text=detail.latest.text,
                 result=detail.result.model_dump() if detail.result else None, stale=False,
                 editor_rev=int(state.get("editor_rev", 0)) + 1)
    return "success", f"已打开稿件「{detail.title}」第 {detail.latest.number} 版"


def save(state: State, svc, author) -> Message:
    """Save the editor's text: a new draft first time, then a new version based on the one being edited."""
    text = state.get("draft_text", "")
    if not text.strip():
        return "error", "初稿为空，未保存"
    if state.get("draft_id") and text == state.get("saved_text"):
        return "info", f"内容与第 {state['base_version']} 版相同，无需保存"
    before = _status(svc, state.get("draft_id"))
    try:
        if not state.get("draft_id"):
            result = DraftResult.model_validate(state["result"])
            detail = svc.create_draft(DraftRequest.model_validate(state["request"]), result, author)
            state.update(draft_id=detail.id, base_version=detail.latest.number, saved_text=detail.latest.text)
        if text != state["saved_text"]:
            info = svc.save_version(state["draft_id"], text, state["base_version"], author)
            state.update(base_version=info.number, saved_text=info.text)
    except StaleVersion:
        state["stale"] = True
        return "error", stale_message(state, svc)
    except Exception as exc:  # noqa: BLE001
        return "error", error_text(exc)
    state["stale"] = False
    if before in ("approved", "submitted"):
        label = "审核通过" if before == "approved" else "提交"
        return "warning", f"已保存为第 {state['base_version']} 版。原来的{label}已失效，稿件回到“草稿”，需要重新提交审核"
    return "success", f"已保存为第 {state['base_version']} 版"


def save_as_new(state: State, svc) -> Message:
    """The open draft is not there (deleted, or outside the user's organisation): the form and editor text become
    a new draft on the next save (as version 1), checked against the form's request."""
    text = state.get("draft_text") or ""
    if not text.strip() or not state.get("request"):
        return "error", "编辑框为空，没有可以另存的内容"
    request = DraftRequest.model_validate(state["request"])
    try:
        check = svc.check_text(request, text)
    except Exception as exc:  # noqa: BLE001
        return "error", error_text(exc)
    # a fresh result: nothing of the missing draft's run (its sources, its model-call trace) comes along
    state["result"] = DraftResult(text=text, sections=[], check=check, provider="", elapsed_s=0.0).model_dump()
    for key in ("draft_id", "base_version", "saved_text", "stale", "_wc_open"):
        state.pop(key, None)
    return "info", "已改为新稿件（尚未保存）：点击“保存版本”即保存为您单位的一份新稿件"


def _status(svc, draft_id: str | None) -> str | None:
    if not draft_id:
        return None
    try:
        return svc.get_draft(draft_id).status
    except Exception:  # noqa: BLE001
        return None


def stale_message(state: State, svc) -> str:
    try:
        latest = f"最新为第 {svc.get_draft(state['draft_id']).latest.number} 版，"
    except Exception:  # noqa: BLE001
        latest = ""
    return (f"保存失败：其他人已保存了更新的版本（{latest}您是基于第 {state['base_version']} 版修改的）。"
            "您的修改仍在编辑框中，没有丢失：请先复制，再点击“载入最新版本”后合并修改。")


def submit(state: State, svc, user, replies: tuple[int, list] | None = None) -> Message:
    """Submit the open draft for review (unsaved edits are saved first: what is submitted is a version), with the
    writer's `replies` (review id, replies) to the latest return, stored in the same step."""
    if state.get("draft_text") != state.get("saved_text") or not state.get("draft_id"):
        level, message = save(state, svc, user)
        if level == "error":
            return level, message
    try:
        if replies is None:
            svc.submit(state["draft_id"], user)
        else:
            svc.submit(state["draft_id"], user, review_id=replies[0], replies=replies[1])
    except Exception as exc:  # noqa: BLE001
        return "error", error_text(exc)
    return "success", f"已提交第 {state['base_version']} 版，等待审核"


def import_word(state: State, svc, name: str, data: bytes, user) -> Message:
    """A .docx of the open draft, edited in Word or WPS, becomes a new version and goes into the editor. Unsaved
    edits in the editor are saved as a version first (nothing is replaced unsaved)."""
    if not state.get("draft_id"):
        return "error", "请先保存稿件，再导入 Word 修改稿"
    kept = ""
    if state.get("draft_text") != state.get("saved_text"):
        level, message = save(state, svc, user)
        if level == "error":
            return level, message
        kept = f"编辑框中未保存的修改已先保存为第 {state['base_version']} 版；"
    try:
        info = svc.import_word_version(state["draft_id"], data, state["base_version"], user)
    except StaleVersion:
        state["stale"] = True
        return "error", stale_message(state, svc)
    except Exception as exc:  # noqa: BLE001
        return "error", error_text(exc)
    state.update(base_version=info.number, saved_text=info.text, draft_text=info.text, stale=False,
                 editor_rev=int(state.get("editor_rev", 0)) + 1)
    verdict = "核对通过" if info.check.ok else "核对发现问题，请看编辑框上方的问题列表"
    return "success", f"{kept}已从「{name}」导入为第 {info.number} 版（{verdict}）"


def restore_version(state: State, svc, number: int, user) -> Message:
    """Restore an older version as a new version and put it into the editor."""
    if state.get("draft_text") != state.get("saved_text"):
        return "error", "编辑框中有未保存的修改：请先保存版本，再恢复旧版本"
    try:
        info = svc.restore_version(state["draft_id"], number, user)
    except StaleVersion:
        state["stale"] = True
        return "error", stale_message(state, svc)
    except Exception as exc:  # noqa: BLE001
        return "error", error_text(exc)
    state.update(base_version=info.number, saved_text=info.text, draft_text=info.text, stale=False,
                 editor_rev=int(state.get("editor_rev", 0)) + 1)
    return "success", f"已将第 {number} 版恢复为第 {info.number} 版"


def review(state: State, svc, draft_id: str, decision: str, reviewer, failing: bool = False) -> Message:
    """Record 通过 / 退回 with the comment and passage comments. 退回 needs a comment; approving a draft whose
    check fails needs the explicit override and its reason."""
    comment = (state.get("r_comment") or "").strip()
    passages = list(state.get("r_passages") or [])
    if decision == "return" and not comment and not passages:
        return "error", "退回时请填写意见（或对某段文字添加批注），说明需要修改的地方"
    override = None
    if decision == "approve" and failing:
        override = (state.get("r_override_reason") or "").strip()
        if not state.get("r_override") or not override:
            return "error", "这份稿件的核对没有通过：如确需通过，请勾选“仍然通过”并填写理由"
    try:
        svc.review(draft_id, decision, comment, reviewer, override_reason=override, passages=passages)
    except Exception as exc:  # noqa: BLE001
        return "error", error_text(exc)
    state.update(r_comment="", r_passages=[], r_override=False, r_override_reason="")
    return "success", f"已{DECISION_LABELS[decision]}，意见已记录在稿件上"


def add_passage(state: State, text: str, selection) -> Message:
    """A comment on a span the reviewer selected in the text (批注), kept with the review until 通过 / 退回."""
    from drafter.view.passages import selected_passage
    from drafter.view.utf16 import Offsets

    if isinstance(selection, dict):  # the browser counts UTF-16 units; the store counts code points
        offsets = Offsets(text)
        selection = {**selection, **{k: offsets.from_js(int(selection[k])) for k in ("start", "end")
                                     if isinstance(selection.get(k), int | float)}}
    passage, problem = selected_passage(text, selection)
    if passage is None:
        return "error", problem
    state["r_passages"] = [*state.get("r_passages", []), passage.model_dump()]
    return "success", f"已添加批注（共 {len(state['r_passages'])} 条，随审核意见一起提交）"


def drop_passage(state: State, note_id: str) -> Message | None:
    """Remove a pending comment ("p<index>", as drafter.view.passages.notes numbers them)."""
    pending = list(state.get("r_passages") or [])
    try:
        index = int(str(note_id).removeprefix("p"))
    except ValueError:
        return None
    if not str(note_id).startswith("p") or not 0 <= index < len(pending):
        return None
    del pending[index]
    state["r_passages"] = pending
    return "info", "已移除这条批注"
