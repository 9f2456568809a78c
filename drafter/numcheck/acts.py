"""The acts of a clause (issue 19, the activity role; read by drafter.numcheck.things): an act verb on an event
no fact names (召开金点子评审会), a verb no fact writes on a thing no fact names (送上…, 并开通心理咨询热线), goods handed
over by any verb (购置了工具箱和安全帽), and a clause joined on by 并/还 whose things are all new."""

from __future__ import annotations

import re
from bisect import bisect_left

from drafter.numcheck.rolewords import NOUN_TAGS, Reader
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.wordclass import EVENT, action_word, head_classes
from drafter.numcheck.words import Word, tag_of, words
from drafter.numcheck.faithlex import asserts

JOINED = ("并", "还", "并且", "同时", "另外", "此外")  # words that join one more act to a sentence
_STATE = frozenset({"存在", "具有", "拥有", "面临", "需要", "有待", "仍有", "还有"})  # a state, not an act


def event_act(ws: tuple[Word, ...], used: set[int], new: list[Word], reader: Reader,
              cut_only: bool = False) -> int | None:
    """The start of an act verb whose object's head is an event no fact names (召开金点子评审会, 举办了…征文比赛);
    `cut_only`: only an event noun jieba cut as verbs (召开帮扶工作推进会, a clause with no noun)."""
    for i, w in enumerate(ws):
        if w[0] in used or not w[3].startswith("v") or w[3] == "vn" or not asserts(reader.lex, w[2]):
            continue
        k = i + 1 + (i + 1 < len(ws) and ws[i + 1][2] in ("了", "过"))
        head = _event_run(ws, k) if cut_only else _head(ws, k) or _event_run(ws, k)
        if head is not None and _new(head, reader) and (EVENT.search(head[2]) or head[3] == "vn"):
            return w[0]  # 召开…评审会; 开展…专项巡查 (an act on an act)
    return None


_EVENT_ENDS = frozenset("会赛展")


def _event_run(ws: tuple[Word, ...], k: int) -> Word | None:
    """An event noun jieba cut as verbs (推进/会, 督办/会, 分享/会, 对接/会: 会 read as "can"), at the end of the
    glued words after an act verb (召开帮扶工作推进会): its last two words, read as one noun."""
    for j in range(k + 1, min(len(ws), k + 5)):
        if ws[j][0] != ws[j - 1][1]:
            return None
        if ws[j][2] in _EVENT_ENDS and len(ws[j - 1][2]) == 2:
            nxt = ws[j + 1] if j + 1 < len(ws) and ws[j + 1][0] == ws[j][1] else None
            if nxt is None or not nxt[3].startswith(("v", "d", "a")) or nxt[2] in JOINED:
                return ws[j - 1][0], ws[j][1], ws[j - 1][2] + ws[j][2], "n"
    return None


def new_act(ws: tuple[Word, ...], used: set[int], new: list[Word], reader: Reader) -> int | None:
    """The start of a verb no fact writes whose object is a thing no fact names, when the verb reports an act (an
    [activity] word: 送上) or is joined on by 并/还 (并开通心理咨询热线); a state, need or manner phrase
    (存在…环节, 拿出…措施, 摆在突出位置) reports none."""
    joined = False
    for i, w in enumerate(ws):
        joined = joined or w[2] in JOINED
        if w[0] in used or not w[3].startswith("v") or w[3] == "vn" or reader.neutral(w[2]) or reader.backed(w[2]):
            continue
        if w[2] in _STATE:
            continue
        if not (joined or asserts(reader.lex, w[2])):
            if _goods(ws, i, reader):  # 购置了工具箱和安全帽: any verb handing over goods no fact names
                return w[0]
            continue
        head = _head(ws, i + 1)
        if head is not None and _new(head, reader):
            return w[0]
    return None


_GOODS = ("Bo", "Bp", "Bq", "Br")  # 同义词词林: machines, utensils, clothing, food and medicine (not Bn: 搭梯子, 平台)


def class_act(clause: str, ws: tuple[Word, ...], used: set[int], reader: Reader) -> int | None:
    """The start of a verb no fact writes in a 词林 class of acts ([activity] classes: 推行, 添置, 开设) whose object,
    the words after it up to the clause's end, ends on a noun and holds a word no fact gives (推行借阅积分制,
    实行班组安全积分管理): an act on a new institution or thing, whether or not the verb is listed. Not a verb
    read as a noun (实践的交流会) or inside a name (《省实施〈工会法〉办法》, “共建…”): the name is judged whole."""
    classes, rest = reader.lex.act_classes, [w for w in ws if w[0] not in used and w[2] not in ("了", "过")]
    if not rest or not rest[-1][3].startswith(("n", "vn")):
        return None
    names = [m.span() for m in _NAME.finditer(clause)] if _NAME_MARKS.intersection(clause) else []
    new_after = len(rest)  # the index in rest of the last word no fact gives (a thing, act or quality)
    while new_after and not (_new(rest[new_after - 1], reader) and rest[new_after - 1][3][:1] in "nvalj"):
        new_after -= 1
    for i, w in enumerate(rest[:new_after - 1]):
        if w[3] != "v" or len(w[2]) < 2 or reader.neutral(w[2]) or reader.backed(w[2]) \
                or not classes.intersection(cilin_classes().get(w[2], ())):
            continue
        if clause.startswith("的", w[1]) or any(s <= w[0] < e for s, e in names):
            continue
        return w[0]
    return None


# a name in 《》, 〈〉 or “”, or its part cut by the clause's start or end
_NAME = re.compile(r"《[^《》]*》?|^[^《》]*》|〈[^〈〉]*〉?|^[^〈〉]*〉|“[^“”]*”?|^[^“”]*”")
_NAME_MARKS = frozenset("《》〈〉“”")  # each of _NAME's choices holds one: a clause without them has no name


def _goods(ws: tuple[Word, ...], i: int, reader: Reader) -> bool:
    """The object of verb i (after 了/过) is goods in every sense 词林 gives, and no fact names them."""
    k = i + 1 + (i + 1 < len(ws) and ws[i + 1][2] in ("了", "过"))
    head = _head(ws, k)
    classes = head_classes(head[2]) if head is not None else ()  # 结业证书: read by 证书
    return bool(classes) and all(c.startswith(_GOODS) for c in classes) and _new(head, reader)


TAKING_PART = frozenset({"参加", "参与", "接受", "参训"})  # people taking part in an act: no act of their own


def joined_act(ws: tuple[Word, ...], used: set[int], reader: Reader) -> int | None:
    """The start of a clause joined on by 并/还 (并发起爱心募捐, 并开通心理咨询热线) whose things are all new (its
    verb may be a synonym of the facts' verbs): one more act."""
    if not ws or ws[0][2] not in JOINED:
        return None
    rest = [w for w in ws[1:] if w[0] not in used and not reader.neutral(w[2])]
    verbs = [w for w in rest if w[3].startswith("v") and w[3] != "vn"]
    things = [w for w in rest if w not in verbs]
    if len(rest) >= 2 and not any(reader.backed(w[2]) for w in rest):
        return ws[1][0]  # nothing of it is given (并上线工会网上商城), whatever jieba's tags
    if verbs and len(rest) >= 2 and not any(reader.backed(w[2]) for w in things) \
            and any(not reader.backed(w[2]) and w[2] not in TAKING_PART for w in rest):
        return ws[1][0]  # its verb may be a synonym of the facts' (开通/开展); not only a verb of taking part in
        # given acts (并安排320名一线职工参加疗休养 for 安排一线职工疗休养320人, session 20)
    last = ws[-1]
    if len(rest) >= 2 and last in rest and not reader.backed(last[2]) and last[3][:1] in ("v", "n") \
            and (action_word(last[2]) or any(w[3].startswith("v") and not reader.backed(w[2]) for w in rest)):
        return ws[1][0]  # an act on a given thing whose head is new: 并开展小家建设成果评比, 还为老同志免费测量血压
    return None


def _new(w: Word, reader: Reader) -> bool:
    return not reader.neutral(w[2]) and not reader.backed(w[2])


def _head(ws: tuple[Word, ...], i: int) -> Word | None:
    """The last noun of the noun phrase starting at word i (its head), or None when no noun follows."""
    head = None
    for w in ws[i:]:
        if w[3] in ("i", "l") and head is not None and tag_of(w[2][:2]).startswith("v"):
            break  # 座谈会/听取意见: a set phrase opening with a verb is the next act, not the head
        if w[3].startswith(NOUN_TAGS) or w[3] in ("vn", "m", "a", "r"):
            head = w if w[3].startswith(NOUN_TAGS) or w[3] == "vn" else head
            continue
        break
    return head


def joined_after_numbers(clause: str, offset: int, hits, starts, text: str, lex) -> int | None:
    """Where, in a clause holding numbers, a word of JOINED right after its last number and measure word opens one
    more act (座谈会2场并且组织家属参观监区, 会员卡460张并同步开展欠薪排查): that tail holds no number, so it is read as
    a clause of its own (the claims of a clause without a number). None when no such word follows the last number,
    or when a verb of the tail other than a generic act (开展, 组织: the lexicon's act words) is one the support
    `text` writes: the tail goes on with a given act."""
    own = hits[bisect_left(starts, offset):bisect_left(starts, offset + len(clause))]
    if not own:
        return None
    end = max(h.end for h in own) - offset
    if not any(joiner in clause[end:end + 5] for joiner in JOINED):
        return None  # no joining word right after the last number (and its measure word): no cut needed
    ws = words(clause)
    k = next((k for k, w in enumerate(ws) if w[0] >= end), None)
    if k is None or k + 1 >= len(ws):
        return None
    if ws[k][2] not in JOINED and ws[k][3] == "q" and k + 1 < len(ws):
        k += 1  # the measure word the number hit left out
    if ws[k][2] not in JOINED or ws[k][0] - end > 1 or not any(w[3].startswith("v") for w in ws[k + 1:]):
        return None
    if any(w[3][:1] == "v" and len(w[2]) >= 2 and not asserts(lex, w[2]) and w[2] in text
           for w in ws[k + 1:]):
        return None  # 隐患87处并督促逐一整改销号 (the facts: 整改87处): what was done to what was counted
    return ws[k][0]
