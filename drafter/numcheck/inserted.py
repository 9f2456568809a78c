"""Words a draft inserts into a phrase the facts write (issue 19, session 24): a narrowing qualifier.

A fact writes 为维保工配发安全防护工具包 or 组织装置操作工技能比武; the draft writes the same phrase with words put
inside it: 为新入职维保工配发…, 组织催化裂化装置操作工技能比武. Read in characters (jieba cuts 新入/职维保工): a run
P of the clause is inserted when the characters before it and after it join into a fact's text (at least one
before, two after, four in all) while P itself, or any word of it, is no text the facts, context lines or their
synonyms (the hand lexicon, 词林 kin) give; not the looser Reader.backed, which reads 催化裂化 as a compound of
given parts. P narrows the thing or the people after it (the object role) when
  * it has two characters or more and no figure, mark or function character (了四场, 的, 和: a count, a rewording),
  * some word of it names a new kind (a noun, a name jieba does not know, a distinguishing or place word: 外来/务工,
    防爆型; not a quality such as 特殊, nor a word the facts imply: 专题 of a 讲座), no word of it is a word the
    facts write elsewhere, an act with more after it, a frame word, or an act of the people before it (窗口人员|学会
    调节), and it lies in no title (《…》, “…”), and
  * the text after it begins with a noun the facts write (the head it narrows), not the writer's 工会 nor a common
    word (工作, 要求).
led_group reads the other form the issue names: a group of people put before an act the facts write without them
(组织班组长开展合理化建议征集). Both are quoted in whole words and replace a claim that names no role over them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from drafter.models import Claim
from drafter.numcheck.cnnum import CN_CHARS
from drafter.numcheck.actforms import manner_form_of_act
from drafter.numcheck.cilin_kin import kin
from drafter.numcheck.rolemarks import ACTOR_BEFORE
from drafter.numcheck.rolewords import PEOPLE, ROLE_NAMES, Reader, role_claim
from drafter.numcheck.witness import person
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import snap, words
from drafter.numcheck.faithlex import asserts, ignorable

_CJK = re.compile("[\u4e00-\u9fff]{2}")  # the head's first two characters: no figure (连办|4场)
_UNNAMED = "这句话写了事实中没有的内容"  # a claim naming no role (undecided._UNNAMED)
_MAX = 8  # longest insertion read (characters)
# a time word inside an insertion before people qualifies them (为索道站夜间值守职工: 夜间 of 夜间值守); a place
# there stays a place (为老城片区环卫工人: where the work went, as the sets read it)
_QUALIFYING = f'{ROLE_NAMES["time"]}"'
_NOT_INSIDE = re.compile(rf"[\d{CN_CHARS}的了和及与或等在是将把被对向从以并且也都还又共各每该其此这那]|[^\u4e00-\u9fff]")
_NAMING = ("n", "b", "x", "j", "s", "f", "l")  # tags of a word that can narrow (not a/ad/an: a quality, manner)
_GROUP_TAGS = ("n", "t", "j", "x", "l", "b")  # the words of a group of people (青年/t, 总装/车间/职工)
_STATE = ("v", "vn")  # a verb before people can say their status (退役, 派遣)
_ONLY_ACT = ("v", "d", "p", "c", "u", "r", "m", "q", "t", "ad", "an", "vd")


def led_group(clause: str, offset: int, reader: Reader, taken: list[Claim]) -> list[Claim]:
    """A group of people put before an act the facts write without them (组织班组长开展合理化建议征集 for the
    fact's 开展…征集): a verb (not one that brings in an actor: 邀请, 联合), then words ending on people (witness.
    person), some of them a new kind, then the act and its next word as a fact writes them. The object role."""
    ws = words(clause)
    for k in range(len(ws) - 2):
        if k and (ws[k - 1][3] == "p" or not reader.neutral(ws[k - 1][2]) and ws[k - 1][3] not in ("d", "c")):
            break  # the clause's lead verb only (为求职群众提供…: 求职 qualifies the people after 为)
        if not ws[k][3].startswith("v") or ws[k][2] in ACTOR_BEFORE:
            continue
        j = k + 1
        while j < len(ws) and ws[j][3].startswith(_GROUP_TAGS) and ws[j][0] == ws[j - 1][1]:
            j += 1
        group = ws[k + 1:j]
        if not group or j >= len(ws) or ws[j][3] != "v" or group[-1][3] == "nr" \
                or not _people(group[-1]):  # (练兵 of 岗位练兵 is tagged a name)
            continue
        s, e = group[0][0], group[-1][1]
        text = reader.support.text
        if ws[j][2] in text and j + 1 < len(ws) and len(ws[j + 1][2]) >= 2 and ws[j + 1][2] in text \
                and not reader.neutral(ws[j + 1][2]) and not _given(clause[s:e], reader) \
                and any(_new_naming(w, reader) or person(w[2], w[3]) and not reader.neutral(w[2])
                        and not reader.backed(w[2]) for w in group) \
                and not any(c.start < offset + e and offset + s < c.end for c in taken):
            return [role_claim("object", s, e, clause, offset)]
    return []


def with_inserted(found: list[Claim], clause: str, offset: int, reader: Reader) -> list[Claim]:
    """The clause's claims `found` with the insertions' object claims added; a claim that names no role (这句话写了
    事实中没有的内容：催化裂化) over an insertion gives way to it (the role named says more), and so does a time
    claim inside it (夜间 of 为索道站夜间值守职工: it qualifies the people)."""
    named = [c for c in found if not c.note.startswith(_UNNAMED)]
    more = inserted(clause, offset, reader, [c for c in named if not c.note.startswith(_QUALIFYING)])
    more += led_group(clause, offset, reader, named + more)
    if not more:
        return found
    return [c for c in found if not (c.note.startswith(_UNNAMED) and any(c.start < m.end and m.start < c.end
                                                                         for m in more)
                                     or c.note.startswith(_QUALIFYING) and any(m.start <= c.start and c.end <= m.end
                                                                               for m in more))] + more


def inserted(clause: str, offset: int, reader: Reader, taken: list[Claim]) -> list[Claim]:
    """The object claims of runs the clause inserts into a fact's phrase (offset: the clause's start in the draft);
    none overlapping a claim in `taken`."""
    text = reader.support.text
    pairs, triples = _runs(text)
    lines = None
    out: list[Claim] = []
    clear = 0  # where the run of characters an insertion may hold (no figure, mark or function character) starts
    # the positions of such characters, found in one pass (each match is one character: every position is found)
    blocked = {m.start() for m in _NOT_INSIDE.finditer(clause, 1, len(clause) - 2)}
    for e in range(2, len(clause) - 1):
        if e - 1 in blocked:
            clear = e
            continue
        pair = clause[e:e + 2]
        if pair not in pairs:
            continue
        for s in range(max(1, e - _MAX, clear), e - 1):  # two characters or more (one is neutral)
            if clause[s - 1] + pair not in triples or clause[s:e] in text:
                continue
            lines = lines or [line for line in text.split("\n") if line]
            if (not out or out[-1].end <= offset + s) and _joins(clause, s, e, lines) \
                    and _narrows(clause, s, e, words(clause), reader) and not _overlaps(taken, offset + s, offset + e):
                out.append(role_claim("object", *snap(clause, s, e), clause, offset))  # whole words: 新入职维保工
                break
    return out


@lru_cache(maxsize=64)
def _runs(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The two- and three-character runs of the support lines (a fact set's text: kept while it is checked
    against)."""
    return frozenset(text[k:k + 2] for k in range(len(text) - 1)), frozenset(text[k:k + 3] for k in range(len(text) - 2))


def _joins(clause: str, s: int, e: int, lines: list[str]) -> bool:
    """Do the characters around clause[s:e] join into a fact line's text (one before or more, two after or more,
    four in all), though clause[s:e] is not there?"""
    if s < 1 or e + 2 > len(clause):
        return False
    inside = clause[s:e]
    for line in lines:
        if inside in line:
            return False
        if clause[s - 1] + clause[e:e + 2] not in line:
            continue
        for before in range(min(s, 6), 0, -1):
            left = clause[s - before:s]
            for after in range(min(len(clause) - e, 8), 1, -1):
                if before + after >= 4 and left + clause[e:e + after] in line:
                    return True
    return False


def _narrows(clause: str, s: int, e: int, ws, reader: Reader) -> bool:
    """Is clause[s:e] a qualifier the facts do not give, put before a head noun they write?"""
    text = clause[s:e]
    if _quoted(clause, s):
        return False  # inside a title (《工会女职工委员会工作条例》): names.py reads it whole
    if _NOT_INSIDE.search(text) or _given(text, reader) or reader.neutral(text):
        return False
    starts = _starts(clause)
    lo = max(0, bisect_right(starts, s) - 1)
    inside = [w for w in ws[lo:bisect_left(starts, e)] if w[0] < e and s < w[1]]
    if any(w[3] != "x" and (w[0] < s < w[1] or w[0] < e < w[1]) for w in inside):
        return False  # it cuts a dictionary word (志愿/者组成); an unknown one may be jieba's miscut (新入/职维保工)
    people = _people_after(clause, e, ws, starts)  # and a noun first: 确诊|患病女职工 is an act before them
    if not any(_new_naming(w, reader, state=people) for w in inside):
        return False  # no word naming something new (专题 of 专题讲座, 知识: words a rewording adds)
    if any(len(w[2]) >= 2 and w[2] in reader.support.text for w in inside):
        return False  # a word the facts write elsewhere (双职工家庭暑期 before 子女): no qualifier put in whole
    if len(inside) == 1 and inside[0][3] in _ONLY_ACT and not (people and inside[0][3] in _STATE):
        return False  # one act word, unless it is a state of the people after it (退役|杂技演员)
    if any(w[3] == "v" and k + 1 < len(inside) and not (people and k + 2 == len(inside) and inside[-1][3] == "n")
           or len(w[2]) >= 2 and reader.neutral(w[2]) for k, w in enumerate(inside)):
        return False  # 局工会着眼提升 (between 气象 and 观测): an act inside (not of a noun before people: 投诉/热线|坐席员)
    before = ws[lo - 1] if lo and ws[lo - 1][1] == s else ws[lo] if ws and ws[lo][1] == s else None
    if before is not None and PEOPLE.search(before[2]) and any(w[3].startswith("v") for w in inside):
        return False  # 帮助窗口人员|学会调节|压力: what the people do, no qualifier
    if all(_given(w[2], reader) or reader.neutral(w[2]) for w in inside):
        return False  # every word given (a fact writes 青年 elsewhere): a qualifier the facts give stays supported
    at = bisect_right(starts, e) - 1
    head = ws[at] if at >= 0 and ws[at][0] <= e < ws[at][1] else None
    lead = clause[e:e + 2]
    if head is None or not _CJK.fullmatch(lead) or lead in reader.lex.common and not PEOPLE.search(lead):
        return False  # 工会 (the writer's own: 黄磷厂工会工作), 工作(思路), 要求: no people or thing it narrows
    return (head[3].startswith(("n", "x", "vn", "j", "l")) or PEOPLE.search(head[2]) is not None or people) \
        and reader.backed(clause[e:e + 2])  # 焊工 (tagged v) names people, so does 坐席/员


def _overlaps(taken: list[Claim], s: int, e: int) -> bool:
    return any(c.start < e and s < c.end for c in taken)


def _given(word: str, reader: Reader) -> bool:
    """Do the facts or context lines write `word`, a synonym of it or its 词林 kin?"""
    s = reader.support
    alias_text = s.hand_alias_text if PEOPLE.search(word) else s.alias_text
    return word in s.text or word in alias_text or kin(word, s.word_set)


def _people_after(clause: str, e: int, ws, starts: list[int]) -> bool:
    """Do people follow at e, within the next three words and six characters, the first of them a noun (园林/养护/工,
    杂技演员; 坐席/员 of 投诉热线|坐席员)?"""
    at = bisect_left(starts, e)
    if at >= len(ws) or ws[at][0] != e or not (ws[at][3].startswith("n") or PEOPLE.search(ws[at][2])
                                                 or at + 1 < len(ws) and PEOPLE.search(ws[at + 1][2])):
        return False
    for w in ws[at:at + 3]:
        if w[1] > e + 6 or w[3].startswith("u"):
            return False  # 确诊|患病的女职工: a clause of its own qualifies them
        if PEOPLE.search(w[2]) or person(w[2], w[3]):
            return True
    return False


def _new_naming(w, reader: Reader, state: bool = False) -> bool:
    """A word that names a kind (a noun, a distinguishing or place word, a name jieba does not know; with `state`, a
    verb before people: their status, 退役, 劳务/派遣) and is new: not neutral, abstract, a word a rewording adds or
    drops ([items] ignore, assert words), nor one the facts imply (专题 of a 讲座: Reader.backed)."""
    lex = reader.lex
    return (w[3].startswith(_NAMING) or state and w[3] in _STATE) and not reader.neutral(w[2]) \
        and w[2] not in lex.abstract and w[2] not in lex.common \
        and not ignorable(lex, w[2]) and not asserts(lex, w[2]) and not reader.backed(w[2]) \
        and not manner_form_of_act(w[2], reader.support)  # 连办 for the facts' 举办: their act with a manner


def _quoted(clause: str, at: int) -> bool:
    """Does position `at` lie inside 《…》 or “…”?"""
    return ("《" in clause or "“" in clause) and (clause.rfind("《", 0, at) > clause.rfind("》", 0, at)
                                                 or clause.rfind("“", 0, at) > clause.rfind("”", 0, at))


@lru_cache(maxsize=256)
def _starts(clause: str) -> list[int]:
    return [w[0] for w in words(clause)]


def _people(w) -> bool:
    """A word naming people, or ending on a word 词林 classes as people (技术骨干: 骨干)."""
    tail = w[2][-2:]
    return person(w[2], w[3]) or len(w[2]) >= 4 and any(c.startswith("A") for c in cilin_classes().get(tail, ()))
