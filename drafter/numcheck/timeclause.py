"""A time said as a clause of its own (issue 19, session 21): 时值隆冬, 正值盛夏, 适逢年关, 时逢岁末. After such a
marker the words up to the clause's end and its last time word are the time role (时间"隆冬"); a time word is one
jieba tags t or 词林 classes as a time (Ca), but not a time in general (时期, 阶段, 时刻, 之际: Ca01-Ca04) or the
deictic now (目前, 近年来: Ca10-Ca12), so 正值企业转型发展的关键时期 names no time."""

from __future__ import annotations

import re

from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import Word

MARKERS = frozenset({"时值", "正值", "恰逢", "适逢", "时逢", "正逢", "时至", "时近"})
_GENERAL = re.compile(r"Ca(?:0[1-4]|1[0-2])")


def _time(w: Word) -> bool:
    classes = cilin_classes().get(w[2], ())
    if classes:
        return any(c.startswith("Ca") and not _GENERAL.match(c) for c in classes)
    return w[3] == "t"


def time_clause(ws: tuple[Word, ...], i: int) -> list[Word]:
    """The words after the marker at word i up to the last time word among them; [] when none is one."""
    rest = ws[i + 1:]
    last = max((k for k, w in enumerate(rest) if _time(w)), default=-1)
    return list(rest[:last + 1])
