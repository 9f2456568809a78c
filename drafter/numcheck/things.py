"""The object and activity roles of a clause (issue 19): what it acts on, and what it does.

  对象 (object)    a near miss of a thing the facts name: a changed level (省级 or 省总工会 where the facts say 市级
                   or 市总工会, in frame wording too); a word of its own written onto a word the facts give, as its
                   qualifier or head (书画比赛 for 摄影比赛, 困难职工子女, 大病职工家属); a sibling added to a given
                   thing by 和/、/及/与 (环卫工人和快递小哥); a same-head swap (足球赛 for 篮球赛, 慰问品 for 慰问金).
  活动 (activity)  an act the facts do not report: a verb they do not write acting on a thing they do not name
                   (开通心理咨询热线, 配备一名师傅), or any act verb (举办, 召开 …) whose object is an event they do
                   not name (召开金点子评审会, 举办优秀作品巡回展览). It is quoted from its verb to the clause's end,
                   and it is reported beside a time or place role of the same clause (年底 + 召开表彰大会).
Words that say nothing of their own (frame, generic, [abstract] effect words) never fill either role.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.rolewords import NOUN_TAGS, THING_HEADS, Reader, attached, glued, role_claim
from drafter.numcheck.words import Word, snap, tag_of
from drafter.numcheck.acts import class_act, event_act as _event_act, joined_act as _joined_act, new_act
from drafter.numcheck.wordclass import EVENT, GIVING, act_read_as_noun, adverb_noun, form_of_act, greeting, mistagged_act
from drafter.numcheck.wordclass import person_or_body, place_word
from drafter.numcheck.statewords import no_thing_here
from drafter.numcheck.itemsense import names_people
from drafter.numcheck.nearmiss import bridged, bridged_qualifier, on_given_event, verb_qualifier
from drafter.numcheck.actforms import act_not_thing, did_after_people

if TYPE_CHECKING:
    from drafter.models import Claim

LEVEL = re.compile(r"^(?:全国|国家级|国家|省级|省部级|省|全省|市级|市|全市|区级|区|县级|县|厂级|公司级|集团级)(?=$|级|总工会)")
_LEVEL_START = frozenset("全国省市区县厂公集")
_LEVEL_IN_TEXT = re.compile(r"全国|国家级|省级|省总工会|市级|市总工会|区级|区总工会|县级|县总工会")
_NUMBER = re.compile(r"[0-9０-９]")  # a clause with a number: its item is the number check's (items.py)
_EVENT = EVENT  # heads of event nouns (wordclass.py), read by drafter.numcheck.effects too
_ENUMERATOR = re.compile(r"^[一二三四五六七八九十]+是$")
HONOUR_MARKS = frozenset({"评为", "授予", "荣获", "获评", "获", "获得", "命名为", "当选", "评选为", "认定为", "被评为", "入选",
                          "推荐参评", "推荐参加", "推荐参赛", "入围", "夺得", "摘得", "勇夺", "斩获", "荣膺",
                          "捧回", "捧得", "喜获"})  # a title or place won (honours.py); 捧回…奖牌: a prize carried home
THING_TAGS = _THING_TAGS = ("n", "nz", "nr", "ns", "nt", "j", "ng")  # dictionary nouns (not idioms, unknown words or acts)
_COORD = frozenset({"、", "和", "及", "与", "以及", "及其"})


def objects(clause: str, offset: int, ws: tuple[Word, ...], used: set[int], reader: Reader) -> list[Claim]:
    """The object or activity claim of a clause that has no other role claim ([] when it names nothing new)."""
    level = [w for w in ws if w[2][0] in _LEVEL_START and LEVEL.match(w[2]) and (w[0] not in used or clause.startswith(("总工会", "级"), w[1]))
             and not reader.backed(w[2])]
    if level and (any(LEVEL.match(w) for w in _LEVEL_IN_TEXT.findall(reader.support.text))
                  or on_given_event(clause, ws, level[0], reader.support.text)):
        return [role_claim("object", *_span([level[0]]), clause, offset)]
    if (qualifier := verb_qualifier(ws, used, reader)) is not None:  # 一线倒班职工 for 职工
        return [role_claim("object", *_span([qualifier]), clause, offset)]
    if (between := bridged_qualifier(ws, used, reader)) is not None:  # 为高温岗位职工 for 为职工
        return [role_claim("object", between[0], between[1], clause, offset, between[2])]
    nouns = [w for k, w in enumerate(ws) if w[0] not in used and not (w[3] == "t" and _time_noun(w))  # 年内: time's
             and (w[3].startswith(NOUN_TAGS) or w[3][:1] == "v" and (_sibling(clause, ws, k, reader.lex.neutral)
                                                                     or _event_kind(ws, k)))
             and not reader.neutral(w[2]) and not reader.asserts(w[2])  # 新建: an act
             and w[2] not in HONOUR_MARKS and not (w[0] and clause[w[0] - 1].isdigit())  # 23名患…: a measure word
             and not _ENUMERATOR.match(w[2])  # 二是: an enumerator
             and not clause.startswith("化", w[1])]  # 常态/化: a manner (常态化, 规范化), not a thing
    new = [w for w in nouns if not reader.backed(w[2])]
    joined = _joined_act(ws, used, reader)
    if joined is not None:
        return [role_claim("activity", joined, ws[-1][1], clause, offset)]
    if not new:
        start = class_act(clause, ws, used, reader)  # 推行借阅积分制: its words may be verbs and adverbs by jieba's tags
        start = _event_act(ws, used, new, reader, cut_only=True) if start is None else start  # 召开帮扶工作推进会: all verbs by jieba
        return [] if start is None else [role_claim("activity", start, ws[-1][1], clause, offset)]
    acts = [w for w in ws if w[0] not in used and w[3].startswith("v") and not reader.neutral(w[2])
            and reader.asserts(w[2]) and w[2] not in HONOUR_MARKS]  # 获评: the honour role's
    if acts and not any(reader.backed(w[2]) for w in acts) and len(new) == len(nouns):
        return [role_claim("activity", acts[0][0], ws[-1][1], clause, offset)]
    event = _event_act(ws, used, new, reader)
    if event is not None:
        return [role_claim("activity", event, ws[-1][1], clause, offset)]
    fresh = set(new)
    given = {w for k, w in enumerate(ws) if w not in fresh and w[0] not in used and _given_thing(clause, ws, k, reader)}
    for w in (w for w in new if (_thing(w, reader) or _sibling(clause, ws, ws.index(w), reader.lex.neutral)
                                 or _event_kind(ws, ws.index(w)))
              and not abstract_word(w[2], w[3]) and not mistagged_act(w[2], w[3]) and not act_read_as_noun(ws, ws.index(w))
              and not adverb_noun(ws, ws.index(w)) and not form_of_act(ws, ws.index(w)) and not _address(ws, ws.index(w), reader)
              and not act_not_thing(ws, ws.index(w), reader.support) and not no_thing_here(clause, ws, ws.index(w), reader.lex.effect_verbs)):
        k = ws.index(w)
        anchor = next((n for n in (ws[j] for j in _neighbours(clause, ws, k, reader.neutral)) if n in given
                       and _qualifies(clause, n, w, reader) and (n[3] != "vn" or n[0] == w[1])), None)
        if reader.near_miss(w[2]) or anchor is not None:  # a verbal noun only as the head: 书画比赛
            phrase = [w]
            for nxt in ws[k + 1:]:
                if nxt in new and glued(clause, phrase[-1], nxt):
                    phrase.append(nxt)
                else:
                    break
            literal = anchor is not None and anchor[2] in reader.support.text  # not only a kind or synonym of it
            role = "place" if place_word(phrase[-1]) else "object"  # 东片区 of 东片区仓储职工: where
            return [role_claim(role, *_span(phrase), clause, offset, anchor[2] if literal else None)]
    given_over = next((k for k, w in enumerate(ws) if w[2] in GIVING and w[0] not in used), None)
    thing = None if given_over is None else next((w for w in _handed(ws, given_over) if w in fresh and _thing(w, reader)
                                                  and not abstract_word(w[2], w[3]) and not greeting(w[2])
                                                  and not person_or_body(w[2], w[3]) and not names_people(w[2])
                                                  and not _brought_beside(ws, given_over, w)),
                                                 None)  # 送到建筑工人身边: to whom; 送到车厢旁: where
    if thing is not None:  # 送上了组织的关怀和爱心大礼包: a thing handed over that no fact names
        return [role_claim("object", thing[0], thing[1], clause, offset)]
    verb = new_act(ws, used, new, reader)
    verb = class_act(clause, ws, used, reader) if verb is None else verb
    if verb is not None:
        return [role_claim("activity", verb, ws[-1][1], clause, offset)]
    act = reader.lex.assert_words.search(clause)
    if act and not given and not _NUMBER.search(clause) \
            and not any(reader.backed(w[2]) for w in ws if not reader.neutral(w[2])):
        start, _ = snap(clause, act.start(), act.end())  # an act on things no fact gives: nothing of it is given
        return [role_claim("activity", min(start, new[0][0]), ws[-1][1], clause, offset)]
    return []


def acts_beside(clause: str, offset: int, ws: tuple[Word, ...], used: set[int], reader: Reader,
                found: list[Claim]) -> list[Claim]:
    """The activity of a clause that already has a time or place role (年底 + 召开竞赛总结表彰大会), when its act
    lies outside that role's words."""
    new = [w for w in ws if w[0] not in used and w[3].startswith(NOUN_TAGS) and not reader.neutral(w[2])
           and not reader.backed(w[2])]
    joined = _joined_act(ws, used, reader)  # 并组织学员赴先进单位现场观摩: one more act, its place inside it
    if joined is not None:
        return [role_claim("activity", joined, ws[-1][1], clause, offset)]
    start = _event_act(ws, used, new, reader)
    start = new_act(ws, used, new, reader) if start is None else start
    if start is None or any(c.end - offset > start for c in found):
        return []
    return [role_claim("activity", start, ws[-1][1], clause, offset)]


def _given_thing(clause: str, ws: tuple[Word, ...], k: int, reader: Reader) -> bool:
    """A thing the facts name: a noun they write, generic (职工) or not, or a word of theirs the noun is built on."""
    w = ws[k]
    if len(w[2]) < 2 or not w[3].startswith(NOUN_TAGS) and w[3] != "vn":
        return False
    if not reader.neutral(w[2]):
        return reader.backed(w[2])
    # a generic noun only with the word the facts write it with (大病职工, not 推进职工; 组织外业职工: bridged)
    return k > 0 and (ws[k - 1][1] == w[0] and clause[ws[k - 1][0]:w[1]] in reader.support.text
                      or bridged(ws, k, reader.support.text))


def _event_kind(ws: tuple[Word, ...], k: int) -> bool:
    """Word k, a verb 词林 knows only as a pastime, sport or art (合唱, 朗诵: Hh, Hg), written onto the event after
    it (合唱|比赛): the kind of event, a qualifier like 书画 of 书画比赛, not an act."""
    classes = cilin_classes().get(ws[k][2], ())
    return k + 1 < len(ws) and ws[k + 1][0] == ws[k][1] and bool(EVENT.search(ws[k + 1][2])) and len(ws[k][2]) >= 2 \
        and bool(classes) and all(c.startswith(("Hh", "Hg")) for c in classes)


def _address(ws: tuple[Word, ...], k: int, reader: Reader) -> bool:
    """Word k is how given people are addressed (矿工兄弟, 职工群众): it follows a word the facts give, unspaced,
    and 词林 knows it as people in general (Aa); 子女, 家属 (kin only: Ah) are other people."""
    classes = cilin_classes().get(ws[k][2], ())
    return k > 0 and ws[k - 1][1] == ws[k][0] and any(c.startswith("Aa") for c in classes) \
        and names_people(ws[k - 1][2]) and reader.backed(ws[k - 1][2])


def _time_noun(w: Word) -> bool:
    """A word jieba tags as a time that 词林 knows only as one, if at all (年内, 当前; not 青年, also a person)."""
    return w[3] == "t" and all(c.startswith("C") for c in cilin_classes().get(w[2], ()))


_ARRIVING = frozenset({"送到", "送达"})  # brought to: what follows is where (what is given comes before: 把关怀送到…)
_BESIDE = frozenset({"边", "旁", "旁边", "身边", "跟前", "上", "里", "中", "前"})


def _handed(ws: tuple[Word, ...], given_over: int) -> tuple[Word, ...]:
    """The words that may name what is handed over: after the verb, and for 送到/送达 also its 把 object before it
    (把车载冰箱送到了车厢旁)."""
    after = ws[given_over + 1:]
    if ws[given_over][2] not in _ARRIVING:
        return after
    ba = next((k for k in range(given_over - 1, -1, -1) if ws[k][2] == "把"), None)
    return after if ba is None else (*ws[ba + 1:given_over], *after)


def _brought_beside(ws: tuple[Word, ...], given_over: int, w: Word) -> bool:
    """Is `w`, after 送到/送达, followed right away by a locative (车厢/旁, 站台/边, 岗位/上): where it was brought?"""
    k = ws.index(w)
    nxt = ws[k + 1] if k + 1 < len(ws) and ws[k + 1][0] == w[1] else None
    return ws[given_over][2] in _ARRIVING and nxt is not None and (nxt[3] == "f" or nxt[2] in _BESIDE)


def _thing(w: Word, reader: Reader | None = None) -> bool:
    """A noun (a name jieba does not know included), or a set phrase ending in one (退休职工, not 顺利完成 or
    积极争取); not an effect noun (晚年生活: its head 生活 is an [abstract] word) nor 经+verb read as a name (经审查)."""
    if reader is not None and len(w[2]) >= 3 and (w[2][-2:] in reader.lex.abstract or w[2][-3:] in reader.lex.abstract):
        return False
    if w[3] == "nr" and tag_of(w[2][1:]).startswith("v") or w[3] in ("i", "l", "nr") and abstract_word(w[2], w[3]):
        return False  # 经审查 read as a name; 祝福 (nr), 慷慨解囊 (i): no thing by 词林
    if w[3].startswith(NOUN_TAGS) and w[3] not in ("l", "i"):
        return True
    return w[3] in ("l", "i") and len(w[2]) >= 4 and tag_of(w[2][-2:]).startswith("n")


# 同义词词林: totality, circumstances, forms, abstract things, abilities, minds, quantities (not Db: 办法), feelings, the mind
_ABSTRACT_CLASSES = ("Eb", "Da", "Dc", "Dd", "De", "Df", "Dn", "Db10", "G")
_THING_CLASSES = ("A", "B", "C", "Di", "Dj", "Dk", "Dl", "Dm")  # people, objects, time and space, bodies, money …


def abstract_word(word: str, tag: str = "") -> bool:
    """Does 词林 know `word` only as a totality, form, abstract thing or quantity (全部, 动态, 动能, 数据)?
    Such a word written onto a given thing is a manner or figure, not another thing (隐患动态清零, 班组全部覆盖).
    A set phrase or a name by jieba's tag (i, l, nr: 慷慨解囊, 光荣, 祝福) is no thing either when 词林 knows it in
    no class of things (people, objects, places and times, bodies, money, culture, illness, institutions)."""
    if LEVEL.match(word) or word[:1] == "全" and word[1:] in ("省", "市", "县", "区", "国"):
        return False  # an area or level (全县), not a manner
    if len(word) >= 3 and word[-1] == "化":
        return True  # 个性化, 精细化, 常态化: a manner
    classes = cilin_classes().get(word)
    if classes and (tag in ("i", "l") or tag.startswith("nr")) and not any(c.startswith(_THING_CLASSES) for c in classes):
        return True  # nrt, nrfg too: jieba's guesses at a name (崇高 of 致以崇高的敬意)
    return bool(classes) and all(c.startswith(_ABSTRACT_CLASSES) for c in classes)


def _sibling(clause: str, ws: tuple[Word, ...], k: int, neutral: frozenset[str] = frozenset()) -> bool:
    """Word k, whatever jieba's tag, is joined by 和/及/与 to a noun before it and ends the list or names a thing
    (电工和焊工技能, 棉帽和护膝620套, 征文和朗诵活动): a noun too. Not a verb phrase joined on (交流和沟通力度),
    nor the start of a word jieba split (表达/权 of 表达权, a `neutral` word)."""
    if k < 2 or not ws[k][3].startswith("v") or ws[k][3] == "vn" or len(ws[k][2]) < 2:
        return False  # a verb by jieba's tag only (焊工/v, 护膝/v); idioms (奋勇争先) never
    joiner, before, w = ws[k - 1], ws[k - 2], ws[k]
    if joiner[2] not in _COORD or joiner[2] == "、" or joiner[0] != before[1] or w[0] != joiner[1]:
        return False
    if not _thing(before) or len(before[2]) < 2:
        return False  # a noun before it (退休职工, a set phrase ending in one, too; not an idiom: 奋勇争先)
    nxt = ws[k + 1] if k + 1 < len(ws) and ws[k + 1][0] == w[1] else None
    if nxt is None or nxt[2].isdigit() or EVENT.search(nxt[2]) or nxt[3] in ("v", "a"):
        return True  # the list ends there: at a number, an event head, the clause's verb (及其配偶发放) or an
        # adjective opening the next phrase (及其配偶健康体检)
    return w[2] + nxt[2] not in neutral and w[2][-1] in THING_HEADS


def _neighbours(clause: str, ws: tuple[Word, ...], k: int, says_nothing=None) -> list[int]:
    """The words written together with word k (困难职工子女, 书画比赛; past adjectives that say nothing of their
    own to the next word: 电子/健康/档案, and 一线 in an act's object) and, across a 和/、 that joins that phrase to
    another, the other phrase's words (困难职工和单亲家庭; 方案和年金管理办法)."""
    first, last = _run(clause, ws, k, -1), _run(clause, ws, k, 1)
    out = [j for j in (k - 1, k + 1) if first <= j <= last]
    j = k + 1
    skipped = ("a", "m") if k > 0 and ws[k - 1][3][:1] in ("v", "p") else ("a",)  # 组织/外业/一线/职工: an act's object
    while says_nothing is not None and j < last and ws[j][3] in skipped and says_nothing(ws[j][2]):
        j += 1
        out.append(j)
    if first >= 3 and clause[ws[first - 2][0]:ws[first - 1][1]] in ("中的", "当中的", "之中的"):
        out.append(first - 3)  # 困难职工子女中的大学生: a part of the given thing
    if first >= 2 and ws[first - 1][2] in _COORD:
        out += range(_run(clause, ws, first - 2, -1), first - 1)
    elif first >= 1 and _gap(clause, ws[first - 1], ws[first]) == "、":
        out += range(_run(clause, ws, first - 1, -1), first)
    if last + 2 < len(ws) and ws[last + 1][2] in _COORD:
        out += range(last + 2, _run(clause, ws, last + 2, 1) + 1)
    elif last + 1 < len(ws) and _gap(clause, ws[last], ws[last + 1]) == "、":
        out += range(last + 1, _run(clause, ws, last + 1, 1) + 1)
    return out


def _run(clause: str, ws: tuple[Word, ...], k: int, step: int) -> int:
    """The index of the first (step -1) or last (step 1) word of the noun phrase around word k: words written
    together, nouns and their modifiers (a verb only as the modifier right before word k: 快递小哥)."""
    j = k
    while 0 <= j + step < len(ws):
        a, b = (ws[j + step], ws[j]) if step < 0 else (ws[j], ws[j + step])
        nxt = ws[j + step]
        if _gap(clause, a, b) or nxt[2] in _COORD:
            break
        if step < 0 and j == k and nxt[3] == "v" and not _nounish(nxt):  # 和快递小哥: a verb opening the phrase
            if j - 2 < 0 or ws[j - 2][2] in _COORD or _gap(clause, ws[j - 2], nxt):
                j += step
            break
        if not _nounish(nxt):
            break
        j += step
    return j


def _gap(clause: str, a: Word, b: Word) -> str:
    return clause[a[1]:b[0]]


def _nounish(w: Word) -> bool:
    """A noun, a verbal noun (培训) or a modifier (一线, 各, 生产) in a noun phrase."""
    return w[3].startswith(NOUN_TAGS) or w[3] == "vn" or w[3][:1] in ("m", "a", "b", "f")


def _qualifies(clause: str, given: Word, w: Word, reader: Reader) -> bool:
    """w (onto the given thing, or joined by 和/、) is no kind of it (比武 of 竞赛), nor what given people did (投身)."""
    kinds = reader.lex.kinds
    return (w[2] not in kinds.get(given[2], ()) and given[2] not in kinds.get(w[2], ())
            and not did_after_people(clause, given, w))


def _span(phrase: list[Word]) -> tuple[int, int]:
    return phrase[0][0], phrase[-1][1]
