"""drafter.view.safe.plain: typed text shown through Streamlit's Markdown keeps its characters and becomes no
markup: no link, image, autolink, HTML, list or heading (the browser side is tests/test_ui_e2e_safe.py)."""

from __future__ import annotations

import re

from drafter.view.safe import JOINER, plain, plain_rows

HOSTILE = '![图](http://evil.example/x.png) [详情](https://evil.example/d) <b>粗</b> www.evil.example a@b.co 1. 列表 # 题'


def shown(markdown: str) -> str:
    """What a CommonMark reader shows for escaped text: the escapes and the joiners gone."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(JOINER, "")


def test_every_character_is_kept_and_no_construct_survives():
    out = plain(HOSTILE)
    assert shown(out) == HOSTILE
    assert not re.search(r"(?<!\\)[\[\]()<>!#*]", out), "every markup character is escaped"
    assert "http\\:" + JOINER in out and "https\\:" + JOINER in out and "www" + JOINER in out and "@" + JOINER in out
    assert "12\\.6万元" in plain("12.6万元") and plain("春节走访慰问困难职工86户") == "春节走访慰问困难职工86户"


def test_lines_stay_lines_and_tables_escape_their_text_cells():
    assert plain("第一行\n第二行") == "第一行  \n第二行"
    assert plain_rows([{"事实": "[a](http://x.y)", "序号": 3}]) == [{"事实": plain("[a](http://x.y)"), "序号": 3}]
