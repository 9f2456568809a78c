"""Template placeholders left in example texts and drafts: xx, x家, 20xx年, 20__年, 20**, ××, XX万元, ＿＿, □□.

The number check always reports them, whatever the facts say; chunks list the ones an example keeps.
"""

from __future__ import annotations

import re

_LETTER = "A-Za-zＡ-Ｚａ-ｚ"
_CN_DIGIT = "〇零一二三四五六七八九"
# Runs of x/X/×/＿/_/*/○/□, optionally glued to digits (20xx, 20__), with a following unit kept in the span.
# The leading look-ahead fails with one class test at every other character (the engine does not skip to it).
_MARKS = (
    rf"(?<![{_LETTER}])[xXｘＸ]{{1,4}}(?![{_LETTER}])|×{{1,4}}|[＿_]{{2,}}|＊{{2,}}"
    rf"|(?<![{_CN_DIGIT}])○{{2,}}(?![{_CN_DIGIT}])|□{{2,}}"
)
_PLACEHOLDER = re.compile(
    r"(?=[0-9０-９xXｘＸ×＿_*＊○□])"
    rf"(?:[0-9０-９]{{1,4}}\*{{2,}}|(?:[0-9０-９]{{1,4}})?(?:{_MARKS}))"  # 20**; a bare ** is Markdown bold
    r"(?:[年月日号万元亿家个人名位户次场期件条篇台棵%％]{1,2})?"
)


# Every placeholder holds one of these marks: a text without any has none (one class scan, not the look-ahead's
# try of the whole pattern at every digit).
_MARK_CHAR = re.compile("[xXｘＸ×＿_*＊○□]")


def find_placeholders(text: str) -> list[tuple[int, int, str]]:
    """Every placeholder as (start, end, text), in order; offsets are code points into `text`."""
    if _MARK_CHAR.search(text) is None:
        return []
    return [(m.start(), m.end(), m.group(0)) for m in _PLACEHOLDER.finditer(text)]
