"""The marker words of the roles (drafter.numcheck.roles): words before or after an actor, before a place, a
named day's head, honour markers, and `may_mark`, the pre-test of a word that lets roles._roles pass by the words
that open no role with one look-up."""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.numcheck.honours import REPRESENT
from drafter.numcheck.occasion import OCCASION_ENDS
from drafter.numcheck.rolewords import MEANS as _MEANS
from drafter.numcheck.scope import MARKS as _REACH_MARKS
from drafter.numcheck.timeclause import MARKERS as _TIME_CLAUSE
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.things import HONOUR_MARKS as _HONOUR_BEFORE
from drafter.numcheck.timewords import HOLIDAY as _HOLIDAY, TIME_AFTER as _TIME_AFTER, TIME_TAIL as _TIME_TAIL
from drafter.numcheck.timewords import TIME_WORDS as _TIME_WORDS
from drafter.numcheck.wordclass import calendar

_HONOUR_START = frozenset(m[:k] for m in _HONOUR_BEFORE for k in range(1, len(m) + 1)) | {REPRESENT}  # a marker's first word

_ACTOR_BEFORE = frozenset({"邀请", "聘请", "联合", "委托", "特邀", "由", "请", "会同", "协同", "协调", "携手", "联手"})
ACTOR_BEFORE = _ACTOR_BEFORE  # words that bring in an actor (inserted.led_group: no group of the object after them)
_ACTOR_AFTER = frozenset({"亲自", "亲笔", "带队", "到会", "到场", "出席", "列席", "一同", "悉数", "莅临", "牵头", "全程", "陪同",
                          "挂帅", "讲话", "致辞", "授课", "主持", "动员", "部署", "带头", "派员"})
_ACTOR_AFTER_RE = re.compile("|".join(sorted(_ACTOR_AFTER, key=len, reverse=True)))
_TOGETHER = frozenset({"全体", "全部", "一起", "共同"})  # after an actor, before its marker
_EACH = frozenset({"各", "各个", "每个", "全", "所属", "下属"})
_ALONG = frozenset({"沿", "沿着"})  # 沿滨江绿道: a route; read as a place only when it ends in a place word
_LOCATED = frozenset({"位于", "地处", "坐落于", "坐落在",  # 位于三号船坞的: whatever follows says where
                      "往返", "通往", "直达", "途经", "连通"})  # a route's ends or stops: 往返经济开发区和老城区的班车
_PLACE_BEFORE = frozenset({"赴", "远赴", "前往", "在", "深入", "走进", "到", "于", "依托"}) | _ALONG | _LOCATED
_ENDS_ACTOR = _TOGETHER | _PLACE_BEFORE  # 会同市体育局一起…, 邀请医生走进企业
_NAMED_DAY = frozenset("日月周")  # the head of a named day (世界读书日), month or week that jieba cuts off
_ACTOR_AFTER_FIRST = frozenset(w[0] for w in _ACTOR_AFTER)
_TIME_FIRST = frozenset(w[0] for w in _TIME_WORDS)  # 年中 read as 年/中: a time word from the word's start on
_MARKER_WORDS = _ACTOR_BEFORE | _MEANS | _PLACE_BEFORE | _HONOUR_START | _NAMED_DAY | _TIME_AFTER | _TIME_WORDS \
    | {"在", "被", "受到", "得到", "赢得", "经", "与", "同"} | _REACH_MARKS | _TIME_CLAUSE | OCCASION_ENDS


@lru_cache(maxsize=1 << 14)
def may_mark(word: str, tag: str) -> bool:
    """Can the word open a role in roles._roles' loop? A pre-test of the word alone: when False, every branch
    of the loop passes it by (each branch needs one of these), so most words cost one look-up."""
    return (word in _MARKER_WORDS or len(word) == 2 and word[1] in "到至" or  # 送到 (an arrival verb)
            word[0] in _ACTOR_AFTER_FIRST or word[0] in _TIME_FIRST or word[0] == "被"
            or _HOLIDAY.fullmatch(word) is not None or _TIME_TAIL.search(word) is not None or calendar(word, tag))


_GENERIC_BODIES = frozenset({"部门", "单位", "方面", "机构", "力量"})


def vague_body(phrase) -> bool:
    """相关部门, 有关单位, 各方面: bodies named by no word of their own (a relation word before a generic head)."""
    return len(phrase) >= 2 and phrase[-1][2] in _GENERIC_BODIES and all(
        w[2] in _EACH or any(c.startswith("J") for c in cilin_classes().get(w[2], ())) for w in phrase[:-1])
