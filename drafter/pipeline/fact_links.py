"""How a template section joins a fact to the fact before it, read from the pair (template.takes_connective reads
the fact alone). A connective (同时，此外，与此同时，) says "another piece of work beside the last": a secretary strikes
it before a fact that is no such piece (held-out s002_13, s002_18, s001_01, s004_05, sessions 26-27)."""

from __future__ import annotations

import re

from drafter.pipeline.titling import ACT
from textkit.sentences import BREAKS, char_class

# 我们还会积极参加…, 车队也…, 今年还多次选送…, 在工作中，我们还会…: the fact links itself to the last (此外，我们还会…
# says it twice); 还款/归还/偿还 are no link
_OWN_LINK = re.compile(f"^(?:{char_class(BREAKS, negate=True)}{{1,8}}[，,])?[\u4e00-\u9fff]{{1,6}}?"
                       r"(?<![归偿返退生])(?:还|也|又)(?![款贷清原债])")
# 从各地完成情况看，…; 从全年来看，…: a judgement of what came of the work, no work beside the last
_SEEN_FROM = re.compile(f"^从{char_class(BREAKS, negate=True)}{{1,16}}(?:看|来看)[，,]")
# a result verb (参保率和体检人数都达到了100%; 会员人数增长到…) after a doer that did no act and no frame (为提高…, 通过…)
_RESULT = re.compile(r"(?<![下传表送抵到])(?:达到|达|实现|促进|提高|提升|增强|增长|超过)")
_FRAME = re.compile(r"^(?:为了?|以|通过|围绕|按照|根据|坚持|着力|努力|积极|进一步|不断|在|对|把|将|要|继续)")
_FIRST_CLAUSE = re.compile(char_class(BREAKS))


# a fact opening on 并/还/也 (并积极参与市属工会举行的…比武) goes on with the act before it: no sentence of its own
_GOES_ON = re.compile(r"^(?:并且|而且|并(?![购网轨入联列存重举肩行非不])|还(?![款贷清原债是有])|也(?![门许]))")


def goes_on(fact: str) -> bool:
    """`fact` continues the sentence before it: "…技术比武活动，并积极参与…比武。", not "…活动。并积极参与…"
    (held-out s004_05, s003_03b, session 26: a sentence opening on 并 is the secretary's first edit)."""
    return bool(_GOES_ON.match(fact))


SAME = 5  # a fact writing this many characters in a row of the fact before it speaks of the same matter
_RUN = re.compile(r"[\u4e00-\u9fff]+")


def same_matter(before: str, fact: str) -> bool:
    """`fact` goes on with the matter of the fact before it (…开展了合理化建议活动。全省共征集合理化建议2183条; …举办了
    “…奉献之歌”演讲比赛。省电信工会于5月份举办了“…奉献之歌”演讲比赛: held-out s000_01, session 26): it writes
    SAME characters in a row of it, none of them the union's name (工会, a doer every fact may name)."""
    seen = {run[i:i + SAME] for run in _RUN.findall(before) for i in range(len(run) - SAME + 1)}
    return any(gram in seen and "工会" not in gram
               for run in _RUN.findall(fact) for gram in (run[i:i + SAME] for i in range(len(run) - SAME + 1)))


def links_itself(fact: str) -> bool:
    """The fact says its own link to the last (…还/也/又… after its doer or a short setting clause)."""
    return bool(_OWN_LINK.match(fact))


def states_result(fact: str) -> bool:
    """The fact says what came of work, not a piece of work: 从…看，…, or a first clause whose doer did no act
    before a result verb (参保率和体检人数都达到了100%: held-out s004_05, left in session 26)."""
    if _SEEN_FROM.match(fact):
        return True
    clause = _FIRST_CLAUSE.split(fact, maxsplit=1)[0]
    verb = _RESULT.search(clause)
    if not verb or verb.start() < 2:
        return False
    doer = clause[:verb.start()]
    return not ACT.search(doer) and not _FRAME.match(doer)


def left_open(before: str) -> bool:
    """The fact before ended on a semicolon: one sentence cut in two (…回收率达到96.7%; / 有效问卷1436份，…: held-out
    s002_13), the fact goes on with it."""
    return before.rstrip().endswith(("；", ";"))


def joins_freely(fact: str) -> bool:
    """A connective may go before `fact` as far as these rules go (the template reads `left_open` on the raw facts:
    its clauses have lost their end marks)."""
    return not (links_itself(fact) or states_result(fact))
