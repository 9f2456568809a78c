"""Named activities and documents in a clause (“送文艺进社区”, 《实施方案》, drafter.numcheck.claims): which of
them no fact names, a name written beside a given one (an object), figures of speech in quotes (打造…的“精神加油站”)
and the topic word after a given name (围绕“书香工会”主题), which name nothing of their own."""

from __future__ import annotations

import re

from drafter.models import Claim
from drafter.numcheck.rolewords import role_claim
from drafter.numcheck.support import Support, grams
from textkit.sentences import COMMAS, SENTENCE_ENDS, char_class


_NAME = re.compile(r"《[^》\n]{2,40}》|“[^”\n]{2,30}”")


_FIGURE = re.compile(r"(?:打造|成为|当好|争当|争做|筑起|变成|化身|誉为|称为|堪称|建成)"
                     + char_class(COMMAS + SENTENCE_ENDS + "《“", negate=True) + "{0,12}的$")
# a quoted phrase that nothing names as an activity, document or title: no act or honour verb before it, and
# 的, an adverb or the clause's end after it (诠释了“职工之家”的温度, 让辛苦钱“颗粒归仓”, 安全监督的“前哨”更加敏锐)
_WIDE_ENDS = "".join(c for c in COMMAS + SENTENCE_ENDS if not c.isascii())  # full-width only: 建“合格之家”,加强… is a name
_ACTS = (r"(?:开展|举办|组织|创建|创评|评为|评选|授予|获评|荣获|获得|命名|实施|推出|启动|打响|签订|制定|印发|审议|通过|成立"
         r"|组建|开设|设立|建立|发起|参加|参与|举行|召开|开通|上线|推行|深化|叫响|擦亮|打造|争创|争当)")
_NAMED_AFTER = re.compile(_ACTS + char_class(_WIDE_ENDS + "、", negate=True) + "{0,4}$")
_NAMED_LIST = re.compile(_ACTS + char_class(_WIDE_ENDS, negate=True) + "{0,16}$")  # a later item of a list it names
_FIGURE_END = re.compile("$|" + char_class("的" + _WIDE_ENDS) + "|、(?!“)|更加|更|越来越|日益|不断|进一步")


def named_before(clause: str, at: int, in_list: bool = False) -> bool:
    """Does an act or honour verb name what starts at `at` (开展“…”, 荣获“…”称号)? `in_list`: what starts there may
    be a later item of a list the verb names (开展春送岗位、夏送清凉…)."""
    if _NAMED_AFTER.search(clause, 0, at) is not None:
        return True
    return in_list and _NAMED_LIST.search(clause, 0, at) is not None


def _figure(clause: str, m: re.Match) -> bool:
    return len(m.group(0)) <= 8 and not _NAMED_AFTER.search(clause, 0, m.start()) \
        and _FIGURE_END.match(clause, m.end()) is not None


_TOPIC = re.compile(r"[“《]([^”》\n]{2,30})[”》]的?(主题)")  # “书香工会”主题: the name's topic, no thing of its own


def given_topics(text: str, support: Support) -> str:
    """`text` with 主题 blanked after a quoted name the facts write (围绕“书香工会”主题开展读书活动); same length."""
    for m in _TOPIC.finditer(text):
        if m.group(1) in support.text:
            text = text[:m.start(2)] + "  " + text[m.end(2):]
    return text


def unbacked_names(clause: str, support: Support, kinds: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """Named activities and documents (“送文艺进社区”, 《实施方案》) whose words the facts do not write; a name the
    lexicon's [kinds] table knows is backed by its kinds too (“送温暖” by a fact about 慰问)."""
    out = []
    for m in _NAME.finditer(clause):
        own, inner = grams(m.group(0)), m.group(0)[1:-1]
        if m.group(0)[0] == "“" and (_FIGURE.search(clause, 0, m.start()) or _figure(clause, m)):
            continue  # 为职工打造了家门口的“精神加油站”: a figure of speech, not a named activity
        if own and inner not in support.text and 2 * len(own & support.words) < len(own) \
                and not (kinds and inner in kinds and support.backs(inner, kinds[inner])):
            out.append(m.group(0))
    return out


_NAME_AFTER = re.compile(r"([《“])([^》”\n]{2,40})[》”](?:和|、|及|与|以及)[《“]([^》”\n]{2,40})[》”]")


def sibling_names(clause: str, offset: int, support: Support, kinds: dict | None = None) -> list[Claim]:
    """A named document or activity joined by 和/、 to one the facts name (《员工绩效考核办法》和《职工休假管理规定》):
    an object beside the given one, its note naming that one."""
    if "《" not in clause and "“" not in clause:
        return []
    new = set(unbacked_names(clause, support, kinds))
    out = []
    for m in _NAME_AFTER.finditer(clause):
        given, added = m.group(2), m.group(3)
        if f"{m.group(1)}{given}" + ("》" if m.group(1) == "《" else "”") not in new and any(added in n for n in new):
            out.append(role_claim("object", m.start(3), m.end(3), clause, offset, given))
    return out


def names_outside(clause: str, found: list[Claim], support: Support, kinds: dict | None = None) -> bool:
    """Does the clause name an activity or document no fact names, outside every role claim's words?"""
    if "《" not in clause and "“" not in clause:
        return False
    return any(not any(n[1:-1] in c.text or c.text in n for c in found) for n in unbacked_names(clause, support, kinds))
