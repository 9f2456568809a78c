"""Two tabs or two devices on one draft: when the other one autosaved different work since this page last saw
the store, this page stops autosaving, says so and shows both texts side by side; the user keeps one and the other
stays on the page to copy from (drafter.view.workcopy.resolve). Nothing is dropped."""

from __future__ import annotations

import streamlit as st

from drafter.view import diff as vdiff
from drafter.view import workcopy
from drafter.view.page.common import ss
from drafter.view.safe import plain
from drafter.domain.times import local


def conflict_box(where: str) -> None:
    conflict = ss.get(workcopy.CONFLICT)
    if not conflict or conflict.get("slot") != ss.get("draft_id"):
        return
    from datetime import datetime

    when = local(datetime.fromisoformat(conflict["at"]), ss.get("tz"), "%H:%M:%S")
    with st.container(border=True, key=f"conflict_box_{where}"):
        st.warning(f"这篇稿件在另一个标签页或另一台设备上有更新的未保存修改（{when} 暂存），与这里的内容不同。"
                   "为了不覆盖任何一边，这里暂停了自动暂存。请选择继续编辑哪一份，另一份会保留在页面下方，可随时复制：")
        st.html(vdiff.side_by_side_html(conflict["text"] or "", ss.get("draft_text") or "", "另一处的内容",
                                        "这里的内容"))
        if conflict.get("facts") is not None and conflict.get("facts") != ss.get("f_facts"):
            st.caption("另一处的事实也不同：" + plain((conflict.get("facts") or "")[:200]))
        c1, c2 = st.columns(2)
        c1.button("用另一处的内容继续", key=f"conflict_theirs_{where}", type="primary",
                  on_click=lambda: workcopy.resolve(ss, "theirs"))
        c2.button("继续用这里的内容", key=f"conflict_mine_{where}", on_click=lambda: workcopy.resolve(ss, "mine"))


def kept_other() -> None:
    """The text not chosen after a conflict, to copy from until the user removes it."""
    if ss.get("kept_other"):
        with st.expander("另一份未选用的内容（可复制）", expanded=False):
            st.code(ss.kept_other, language=None, wrap_lines=True)
            st.button("不再需要，删除这份内容", key="drop_kept_other", on_click=lambda: ss.pop("kept_other", None))
