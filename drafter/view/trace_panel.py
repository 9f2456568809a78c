"""The "生成过程" expander: every model call that produced the open draft (prompt, reply, tokens, time, step)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

TITLE = "生成过程（每次模型调用的提示与回复）"
ROLE_NAMES = {"system": "系统提示", "user": "用户提示", "assistant": "模型回复"}


def _tokens(value: int | None) -> str:
    return "—" if value is None else str(value)


def trace_rows(calls: Sequence[Any]) -> list[dict]:
    """One summary row per call, for the table at the top of the panel."""
    return [{"序号": number, "步骤": call.step, "模型": f"{call.provider}/{call.model}",
             "读入词元": _tokens(call.tokens_in), "写出词元": _tokens(call.tokens_out),
             "用时（秒）": round(call.elapsed_s, 1), "结果": f"失败：{call.error}" if call.error else "成功"}
            for number, call in enumerate(calls, start=1)]


def summary(calls: Sequence[Any]) -> str:
    known_in = [c.tokens_in for c in calls if c.tokens_in is not None]
    known_out = [c.tokens_out for c in calls if c.tokens_out is not None]
    tokens = f"，读入 {sum(known_in)} 词元，写出 {sum(known_out)} 词元" if known_in else ""
    return f"共 {len(calls)} 次模型调用{tokens}，模型用时 {sum(c.elapsed_s for c in calls):.1f} 秒。"


def render(st, svc, draft_id: str) -> None:
    """The panel for a stored draft, collapsed until opened."""
    from drafter.view.actions import error_text
    from drafter.view.safe import plain

    with st.expander(TITLE, expanded=False):
        try:
            calls = svc.trace(draft_id)
        except Exception as exc:  # noqa: BLE001 - NotFound (deleted, another organisation's) and store trouble
            st.error(plain(error_text(exc)))
            return
        if not calls:
            st.caption("这篇稿件没有模型调用记录（模板写作、记录关闭（DRAFTER_TRACE=off）或记录功能上线前生成）。")
            return
        st.caption(summary(calls))
        st.dataframe(trace_rows(calls), hide_index=True, use_container_width=True)
        for number, call in enumerate(calls, start=1):
            st.markdown(f"**第 {number} 次 · {call.step}** · {call.provider}/{call.model}")
            for message in call.messages:
                st.caption(ROLE_NAMES.get(message["role"], message["role"]))
                st.text(message["content"])
            st.caption("模型回复" + (f"（失败：{call.error}）" if call.error else ""))
            st.text(call.reply or "（空）")
