"""The page's "生成过程" expander, rendered by Streamlit's AppTest over a service that returns a trace."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from ui_support import shared_components

from drafter.providers.trace_log import TraceCall
from drafter.view.trace_panel import summary, trace_rows

CALLS = [
    TraceCall(run_id="r", step="write", provider="local", model="qwen.gguf", started_at=1.0, elapsed_s=2.5,
              messages=[{"role": "system", "content": "你是文字秘书。"}, {"role": "user", "content": "写第一节"}],
              reply="走访困难职工86户。", tokens_in=40, tokens_out=9),
    TraceCall(run_id="r", step="sentence repair", provider="local", model="qwen.gguf", started_at=4.0,
              elapsed_s=1.0, messages=[{"role": "user", "content": "重写第二句"}], reply="", error="ProviderError: 超时"),
]


def test_rows_and_summary():
    rows = trace_rows(CALLS)
    assert [(r["序号"], r["步骤"], r["读入词元"], r["结果"]) for r in rows] == [
        (1, "write", "40", "成功"), (2, "sentence repair", "—", "失败：ProviderError: 超时")]
    assert summary(CALLS) == "共 2 次模型调用，读入 40 词元，写出 9 词元，模型用时 3.5 秒。"


def _page():
    import streamlit as st

    from drafter.view import trace_panel
    from test_trace_view import CALLS  # tests/ is on sys.path under pytest

    class Service:
        def trace(self, draft_id):
            return CALLS if draft_id == "d1" else []

    trace_panel.render(st, Service(), st.session_state.get("draft_id", "d1"))


def test_the_expander_shows_each_prompt_and_reply():
    page = shared_components(AppTest.from_function(_page, default_timeout=120)).run()
    assert not page.exception
    assert page.expander[0].label.startswith("生成过程")
    texts = [t.value for t in page.text]
    assert texts == ["你是文字秘书。", "写第一节", "走访困难职工86户。", "重写第二句", "（空）"]
    assert any("失败：ProviderError: 超时" in c.value for c in page.caption)
    empty = shared_components(AppTest.from_function(_page, default_timeout=120))
    empty.session_state["draft_id"] = "d2"
    empty.run()
    assert not empty.exception and not empty.text and "没有模型调用记录" in empty.caption[0].value
