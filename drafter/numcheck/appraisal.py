"""Appraisal tails (issue 19): the end of a clause that says how an act went, not what was done.

  比赛紧张有序、亮点纷呈 · 专题讲座深入浅出、生动鲜活 · 大赛办得热烈而规范 · 活动气氛热烈 · 排查全面细致、不留死角

A clause's tail is an appraisal when every word of it is a manner word (jieba's a/ad/an/d/i/l/z tags on two
characters or more: 站台/边 is a place, or the
[appraisal] `manner` words jieba tags otherwise: 精彩/n, 周到/v), an `aspect` of an act (气氛, 组织, 形式 …), a
`happen` verb (举行, 开赛, 落幕, 推进 …), a connective (而, 且) or a mark, and at least one is a manner word. It
adds no fact: the head before it (比赛, 讲座) is judged as usual, so an act no fact gives is still a claim.
A word holding a `new_fact` word (提前完成 a time, 首次 a first, 全部 a scope, 零投诉, 受到…表扬, 获得…好评) ends the
tail, so the clause keeps its claim; so does an object word of the lexicon, a concrete word or an idiom ending on
a noun (安全隐患/i, 文体活动/l). The word before the tail must be a noun naming the act (比赛, 筛查工作): a clause
that is all tail (认真组织实施) is judged whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.models import Claim
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.rolewords import ROLE_NAMES
from drafter.numcheck.wordclass import concrete
from drafter.numcheck.words import Word, tag_of
from textkit.sentences import BREAKS, ENUM_COMMA

_MANNER_TAGS = frozenset({"a", "ad", "an", "d", "i", "l", "z"})
_CONNECTIVES = frozenset({"而", "且", "又", "而且", "并且"})
_MARKS = frozenset(BREAKS + ENUM_COMMA + " ")
_QUOTES = "“”‘’《》「」\""
_NAME_TAGS = ("nr", "ns", "nt", "nz")
_HEAD_TAGS = ("n", "vn", "j")  # the word before the tail names the act: 比赛, 讲座, 筛查工作


def appraisal_start(clause: str, ws: tuple[Word, ...], lex: FaithLexicon) -> int | None:
    """Where the clause's appraisal tail starts (a character offset), or None when it has none. A tail holding a
    quote (被评为公司“最美退役军人”) or glued to a name before it (李/明远) is none."""
    table = lex.appraisal or {}
    if not table or not ws:
        return None
    start, judged, before = None, False, None
    for k in range(len(ws) - 1, -1, -1):
        s, _, w, tag = ws[k]
        kind = _kind(w, tag, table, lex)
        if kind is None:
            before = ws[k]
            break
        judged = judged or kind == "manner"
        if kind != "glue":
            start = s
    if start is None or not judged or before is None or any(q in clause[start:] for q in _QUOTES):
        return None  # no head naming the act (认真组织实施), or a quoted name in the tail
    glued = before[1] == start and before[3].startswith(_NAME_TAGS)
    return None if glued or not before[3].startswith(_HEAD_TAGS) else start


def _kind(word: str, tag: str, table: dict[str, frozenset[str]], lex: FaithLexicon) -> str | None:
    """"manner", "part" (an aspect or happen word), "glue" (a mark or connective), or None (not of a tail)."""
    if all(c in _MARKS for c in word):
        return "glue"
    if _any_of(table.get("new_fact", frozenset())).search(word) or word in lex.objects or word in lex.kinds:
        return None
    if word in table.get("manner", ()):
        return "manner"
    if word in table.get("aspects", ()) or word in table.get("happen", ()):
        return "part"
    if word in _CONNECTIVES:
        return "glue"
    if len(word) > 1 and tag in _MANNER_TAGS and not concrete(word, tag) and not _names_a_thing(word, tag):
        return "manner"
    return None


def _names_a_thing(word: str, tag: str) -> bool:
    """An idiom or set phrase ending on a noun names a thing or an event, not a manner (文体活动, 劳动合同, 多种形式)."""
    return tag in ("i", "l") and tag_of(word[-2:]).startswith(("n", "vn"))


def early_claims(clause: str, start: int, facts_text: str, lex: FaithLexicon) -> list[Claim]:
    """An act said to be done ahead of time (疗休养工作提前一个月完成, 竞赛提前完成全部赛程): an [appraisal] `early`
    word before a `happen` verb of the same clause is a time the facts do not give, unless they write the word."""
    table = lex.appraisal or {}
    early, happen = table.get("early", frozenset()), table.get("happen", frozenset())
    if not early or not happen:
        return []
    pattern = _early_re(early, happen)
    out = []
    for m in pattern.finditer(clause):
        if m.group(1) not in facts_text:
            s, e = start + m.start(), start + m.end()
            out.append(Claim(start=s, end=e, text=clause[m.start():m.end()], kind="claim",
                             note=f'{ROLE_NAMES["time"]}"{m.group(0)}"事实中没有'))
    return out


@lru_cache(maxsize=8)
def _early_re(early: frozenset[str], happen: frozenset[str]) -> re.Pattern:
    """Built once per lexicon table (it was rebuilt for every clause: issue 19's throughput)."""
    words = "|".join(map(re.escape, sorted(early)))
    verbs = "|".join(map(re.escape, sorted(happen)))
    return re.compile(f"({words})[^{re.escape(BREAKS + ENUM_COMMA)}]{{0,6}}?(?:{verbs})")


@lru_cache(maxsize=8)
def _any_of(words: frozenset[str]) -> re.Pattern:
    """A pattern finding any of `words` inside a word (one regex search, not a loop over the table)."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)")
