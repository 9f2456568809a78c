"""Who or what an act reaches, said in a clause of its own after the number (issue 19, sessions 21-22).

* A clause led by a verb of reach (面向, 针对, 覆盖, 惠及, 涵盖: jieba tags 面向 a noun) whose words up to its end are a
  phrase ending on people (no figure, no act) names the act's object: …450份，重点面向年龄偏大的采茶工.
* A beneficiary with no verb of reach (session 22): a verb of care (保障, 照顾, 倾斜 …) after a word of priority (优先,
  重点, 着重 …), then people or a group of them, with a use (使用, 享受 …) left at the end: …，优先保障夜班抢修班组使用.
* A list of kinds (session 22): a verb of listing (包括, 涵盖, 涉及 …) then two or more items joined by 、/和/及 with no
  figure names what the counted thing was made of, things or acts as well as people: 签约商户20家，包括超市、药店和书店.
* Places reached (session 22): after a verb of spread (覆盖, 惠及, 辐射, 遍及 …) words ending on a place (词林 Cb or a
  place tag: 覆盖全县各乡镇) say where the act reached: the place role (地点"全县各乡镇").
People or kinds no fact writes are the object role's claim (对象"年龄偏大的采茶工"事实中没有)."""

from __future__ import annotations

import re

from drafter.numcheck.rolewords import GLUE, PEOPLE
from drafter.numcheck.witness import person
from drafter.numcheck.wordclass import place_word
from drafter.numcheck.words import Word
from drafter.numcheck.faithlex import asserts

REACH = frozenset({"面向", "针对", "覆盖", "惠及", "涵盖", "覆盖到", "惠及到", "包括", "包含"})  # 包括…在内 too
LISTING = frozenset({"包括", "包含", "涵盖", "涉及", "囊括", "含"})  # …，包括超市、药店和书店
PRIORITY = frozenset({"优先", "重点", "着重", "特别", "尤其", "主要"})
CARE = frozenset({"保障", "照顾", "关照", "倾斜", "照护", "考虑", "安排", "保证", "满足", "方便"})
_GLUED_CARE = frozenset(p + c for p in PRIORITY for c in CARE)  # 优先照顾: one jieba word (i)
SPREAD = frozenset({"覆盖", "覆盖到", "惠及", "惠及到", "辐射", "辐射到", "遍及", "延伸到", "延伸至"})
MARKS = REACH | LISTING | CARE | _GLUED_CARE | SPREAD  # the words that open this reading (rolemarks.may_mark)
_USE = frozenset({"使用", "享受", "受益", "参加", "入住", "借阅", "就餐", "优先"})  # …班组使用: what the people do with it
_GROUP = re.compile(r"(?:班组|队伍|团队|群体|家庭|家属)$")  # people named by their group
_LEADS = ("n", "d", "c", "p")  # 重点/主要/同时/并: how much or a joint before the verb of reach


def reached(ws: tuple[Word, ...], i: int, lex) -> list[Word]:
    """The people (or listed kinds) after the verb at word i, up to the clause's end; [] unless only words that lead
    a clause (重点, 主要) stand before it and the rest names people, or lists kinds, with no figure."""
    word = ws[i][2]
    rest = _rest(ws, i)
    if not rest or i > 2 or any(any(c.isdigit() for c in w[2]) or w[3] == "m" and w[2] != "一线" for w in rest):
        return []  # 惠及女职工180人: the number's item, read by the number check
    if word in CARE or word in _GLUED_CARE:
        cared = word in _GLUED_CARE or i and ws[i - 1][2] in PRIORITY
        while rest and rest[-1][2] in _USE:
            rest.pop()  # 优先保障一线职工使用
        return rest if cared and rest and _people(rest) and not _acts(rest, lex) else []
    if any(w[3][:1] not in _LEADS for w in ws[:i]):
        return []
    if word in LISTING and _listed(rest):
        return rest  # 包括超市、药店和书店; 涉及工艺改进、节能降耗和质量控制
    if word in SPREAD and place_word(rest[-1]):
        return rest  # 覆盖全县各乡镇
    return rest if word in REACH and _people(rest) and not _acts(rest, lex) else []


def _rest(ws: tuple[Word, ...], i: int) -> list[Word]:
    rest = list(ws[i + 1:])
    while rest and not rest[-1][2].strip() or rest and not any(c.isalnum() for c in rest[-1][2]):
        rest.pop()  # the clause's closing mark
    if rest and rest[-1][2] == "在内":
        rest.pop()  # 包括劳务派遣人员在内
    return rest


def _people(rest: list[Word]) -> bool:
    """Does the phrase end on people: a people word, a person, or a group (抢修班/组: the last two words joined)?"""
    head = rest[-1]
    tail = rest[-2][2] + head[2] if len(rest) > 1 else head[2]
    return bool(PEOPLE.search(head[2]) or person(*head[2:]) or _GROUP.search(tail))


def _acts(rest: list[Word], lex) -> bool:
    return any(asserts(lex, w[2]) for w in rest)


def _listed(rest: list[Word]) -> bool:
    """Two or more items joined by 、/和/及 (a joint neither first nor last)."""
    joints = [k for k, w in enumerate(rest) if w[2] in GLUE or w[2] in ("、", "以及")]
    return bool(joints) and 0 < joints[0] and joints[-1] < len(rest) - 1


def reach_role(word: str, whom: list[Word]) -> str:
    """The role of what `reached` read after `word`: a place spread over (覆盖全县各乡镇), else the object."""
    return "place" if word in SPREAD and place_word(whom[-1]) else "object"
