"""Word classes of the roles (issue 19): which words can fill a role at all, read from 同义词词林 and jieba's tags.

A role is filled only by words of the right class:
  * a *concrete* word names someone or something one can point at: 词林's people (A), objects (B), times and
    places (C), illnesses (Dl) and institutions (Dm), or a name by jieba's tag (nr, ns, nt; a pronoun, r, never).
    Abstract things (技能 De, 认同感 Gb, 指数 Dn, 气氛 Da), features and mental states are not: a clause whose
    new words are all of those fills no role and is frame (幸福指数不断提升, 对工会组织的认同感明显增强).
  * an *action* word is one 词林 knows only as a movement, act, activity, mental act, phenomenon or state, a
    relation or a function word (F–L: 开设, 前来, 确诊, 观摩): it reports what was done, never what it was done to.
A word 词林 does not know is read in its parts (jieba's search cut: 敞开大门 = 敞开 + 大门, 求学路 = 求学 + 路): a
compound opening with a verb is a verb phrase (敞开大门; 医疗团队 opens with a noun), otherwise it is concrete when
one of its parts is; it is an action when its head, its last word, is one (精心策划, 转型升级).
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import Word, _jieba, tag_of, words

# heads of event nouns: a meeting, a show, a contest, a course, a service line (评审会, 巡回展览, 热线)
EVENT = re.compile(r"(?:会|展|展览|展示|赛|比赛|大赛|讲座|论坛|沙龙|仪式|典礼|培训|培训班|营|热线|专线|活动|行动|工程)$")

CONCRETE_CLASSES = ("A", "B", "C", "Dl", "Dm")
ACTION_CLASSES = ("F", "G", "H", "I", "J", "K", "L")
WORK_CLASSES = ("F", "H", "Ie13")  # movements, human activities (核算, 述职, 挖掘) and carrying out (实行, 推行):
# not mind, phenomena, changes or states
NAME_TAGS = ("nr", "ns", "nt")


@lru_cache(maxsize=8192)
def action_word(word: str) -> bool:
    """Does 词林 know `word` only as an act, movement, mental act, phenomenon, state, relation or function word?"""
    classes = cilin_classes().get(word)
    if classes:
        return all(c.startswith(ACTION_CLASSES) for c in classes)
    parts = _parts(word)  # a compound's head is its last word (精心策划, 转型升级; 医疗团队 is a team)
    return bool(parts) and word.endswith(parts[-1]) and action_word(parts[-1])


@lru_cache(maxsize=8192)
def work_act(word: str) -> bool:
    """Does 词林 know `word` only as a movement or human activity (核算, 述职, 郊游; 增强, 升级 and 认同 are a
    change, a phenomenon, a mental act)? A compound 词林 does not know is read by its head (its last word)."""
    classes = cilin_classes().get(word)
    if classes:
        return all(c.startswith(WORK_CLASSES) for c in classes)
    parts = _parts(word)
    return bool(parts) and word.endswith(parts[-1]) and work_act(parts[-1])


def form_of_act(ws, k: int) -> bool:
    """Word k is a noun 词林 knows only as an order or form (Db, Dd: 系统) glued before an act noun: how the act was
    done (进行了系统培训), not a thing of its own (技能培训 and 心理培训 stay things: what was taught)."""
    if not 0 <= k < len(ws) - 1 or ws[k][1] != ws[k + 1][0] or ws[k + 1][3] not in ("vn", "v"):
        return False
    classes = cilin_classes().get(ws[k][2], ())
    return bool(classes) and all(c.startswith(("Db", "Dd")) for c in classes)


def act_read_as_noun(ws, k: int) -> bool:
    """Word k, a noun or unknown word by jieba's tag (投身/n 重点工程, 牵线搭桥/n, 参训/x), is one 词林 knows only as an
    act or a relation (H, J): the clause's verb, not a thing; unless it is an event (足球赛, 讲座) or qualifies the
    people, activity or event glued after it (夜班/职工, 住院/医疗, 朗诵/活动; 投身/重点工程 is a verb and its
    object). A state (I: 落地) glued to another act (落实) is one of a verb pair."""
    w = ws[k]
    classes = cilin_classes().get(w[2])
    nxt = ws[k + 1] if k + 1 < len(ws) and ws[k + 1][0] == w[1] else None
    if classes and all(c[0] == "I" for c in classes) and nxt is not None and action_word(nxt[2]):
        return True  # a state joined to another act (落地/落实, 落地/见效): a verb pair, not a thing
    if not classes or not all(c[0] in "HJ" for c in classes) or EVENT.search(w[2]):
        return False
    return not (nxt is not None and len(nxt[2]) >= 2 and (_people(nxt[2]) or EVENT.search(nxt[2])))


def _people(word: str) -> bool:
    """People (A) or an activity (H) by 词林: what an act word before it qualifies (夜班职工, 住院医疗)."""
    return any(c.startswith(("A", "H")) for c in cilin_classes().get(word, ()))


def verb_for_addressee(ws, k: int) -> bool:
    """Word k follows a preposition and the people it names (为职工/解答/法律咨询, 向会员/发放/…) and comes before no
    people word: the clause's verb, not a qualifier of what follows (为一线/倒班/职工 qualifies people)."""
    if not 2 <= k < len(ws) - 1 or ws[k - 2][3] != "p":
        return False
    person = lambda word: bool(cilin_classes().get(word)) and all(c[0] == "A" for c in cilin_classes()[word])  # noqa: E731
    return person(ws[k - 1][2]) and not person(ws[k + 1][2])


def mistagged_act(word: str, tag: str) -> bool:
    """A word jieba tags as a time, place, position or adverb (前来/t) that 词林 knows only as an act or state:
    the clause's verb, never a thing (职工前来咨询); or a phrase its dictionary lists as a noun (act_phrase)."""
    return tag[:1] in ("t", "s", "f", "d") and action_word(word) or act_phrase(word, tag)


_MANNER = ("a", "ad", "d", "z")  # jieba's tags of a manner word: 积极, 精心, 共
_COMPLEMENT = ("v", "vg", "f", "a")  # a one-character verb's result or direction: 装上, 办出, 配齐, 共庆


@lru_cache(maxsize=8192)
def act_phrase(word: str, tag: str) -> bool:
    """A word jieba's dictionary tags as a noun but 词林 does not know, built as a manner and an act (积极响应,
    精心策划: the head an act by 词林, the first word a manner by jieba or 词林's features, E) or as a one-character
    verb or adverb and a verb or its complement (装上, 共庆): the clause's act, never a thing it names."""
    if tag != "n" or cilin_classes().get(word):
        return False
    if len(word) == 2:
        return tag_of(word[0]) in ("v", "d") and tag_of(word[1]) in _COMPLEMENT
    parts = _parts(word)
    if len(parts) != 2 or not word.startswith(parts[0]) or not word.endswith(parts[1]) or not action_word(parts[1]):
        return False
    first = cilin_classes().get(parts[0], ())
    return tag_of(parts[0]) in _MANNER or bool(first) and all(c[0] == "E" for c in first)


@lru_cache(maxsize=8192)
def concrete(word: str, tag: str = "") -> bool:
    """Does `word` name someone or something concrete (a person, object, time or place, illness, institution, a
    name)? A pronoun and a one-character word never do."""
    if len(word) < 2 or tag.startswith("r") or tag_of(word).startswith("r"):
        return False
    classes = cilin_classes().get(word)
    if classes:
        return any(c.startswith(CONCRETE_CLASSES) for c in classes)
    if tag.startswith(NAME_TAGS) and tag != "nrt":
        return True
    parts = _parts(word)
    if not parts or action_word(parts[0]) and tag_of(parts[0]) == "v":
        return False  # unknown, or a verb and its object (敞开大门; 医疗团队 is a team)
    return any(concrete(p, tag_of(p)) for p in parts)


def head_classes(word: str) -> frozenset[str]:
    """词林's classes of `word`, or, when it does not know the word, of its head, its last part (结业证书: 证书)."""
    classes = cilin_classes().get(word)
    if classes:
        return classes
    parts = _parts(word)
    return cilin_classes().get(parts[-1], frozenset()) if parts and word.endswith(parts[-1]) else frozenset()


@lru_cache(maxsize=8192)
def _parts(word: str) -> tuple[str, ...]:
    """The words of 2+ characters jieba's search cut finds inside `word`, in order, overlapping ones dropped."""
    jieba, _ = _jieba()
    out, end = [], 0
    for part in jieba.cut_for_search(word, HMM=False):
        if len(part) >= 2 and part != word:
            at = word.find(part, end)
            if at >= 0:
                out.append(part)
                end = at + len(part)
    return tuple(out)


def names_something(span: str, reader) -> bool:
    """Does a span of new words hold a word naming someone or something concrete, or a piece of work, that the
    facts do not give (`reader`: rolewords.Reader)? In a clause without an act word of the lexicon, new words that
    are all abstract things, features, mental acts, changes or states (认同感, 幸福指数, 转型升级) fill no role:
    the clause is frame (clausejudge._unbacked_words)."""
    return any((concrete(w, t) or work_act(w)) and not reader.neutral(w) and not reader.backed(w)
               for _, _, w, t in words(span))


@lru_cache(maxsize=8192)
def calendar(word: str, tag: str) -> bool:
    """A time word (jieba: t, m, r, or a set phrase or unknown word) of 词林's calendar classes (Ca2x: a time of day, day, week, month, season or
    holiday: 晚间, 下午, 每天, 四月), or a word 词林 does not know made wholly of such words (每周三 = 每周 + 周三);
    not the deictic now, lately or later (目前, 近年来, 今后: Ca10–Ca12; 本月, 当天: this one), which every
    summary writes, nor a noun or verb of the class (休假, 月份)."""
    if tag[:1] not in ("t", "m", "r", "i", "l", "x") or word[0] in _DEICTIC or not _TIME_CHARS.intersection(word):
        return False  # (a calendar word holds a character of time: a cheap test before 词林 and the search cut)
    classes = cilin_classes().get(word)
    if classes:
        return all(c.startswith("Ca2") for c in classes)
    found = [(word.find(p), p) for p in _search_cut(word)]
    covered = {k for at, p in found if at >= 0 for k in range(at, at + len(p))}
    return len(covered) == len(word) and all(calendar(p, tag_of(p)) for _, p in found)


_DEICTIC = frozenset("本今当这此该")
_TIME_CHARS = frozenset("日月周年天晚午早夜晨昏晓明夕节庆阳季末初旬春夏秋冬时期宵旦拜休一二三四五六七八九十")


@lru_cache(maxsize=8192)
def _search_cut(word: str) -> tuple[str, ...]:
    jieba, _ = _jieba()
    return tuple(p for p in jieba.cut_for_search(word, HMM=False) if len(p) >= 2 and p != word)


@lru_cache(maxsize=8192)
def landform(word: str) -> bool:
    """A natural place of 词林 (Be: mountains, seas, lakes, their feet and shores: 海边, 山脚下), read in its parts
    when 词林 does not know it; a place a phrase after 赴/在/到 names as well as a place name (ns) does."""
    classes = cilin_classes().get(word) or frozenset(c for p in _parts(word) for c in cilin_classes().get(p, ()))
    return any(c.startswith("Be") for c in classes)


@lru_cache(maxsize=8192)
def person_or_body(word: str, tag: str = "") -> bool:
    """Someone who can take part: a person's or organisation's name (nr, nt), or a word 词林 knows only as people
    (A, a post such as 总经理 too) or only as institutions (Dm): 李明, 团委, 律师 (a group of workers such as 职工 is
    one too: roles.py asks whether the facts write it)."""
    if tag == "nt" or tag == "nr" and len(word) <= 3:
        return True  # 周密安排 (nr, four characters): jieba's guess at a name, not one
    classes = cilin_classes().get(word, ())
    return any(c.startswith("A") for c in classes) or bool(classes) and all(c.startswith("Dm") for c in classes)


def adverb_noun(ws: tuple[Word, ...] | list[Word], k: int) -> bool:
    """Word k is a two-character dictionary noun that 词林 does not class, glued between a noun and the verb it
    does (职工/挽袖/献血, 职工/量身/定制), or an adverb by 词林 glued before a verb: how the act is done, not a thing."""
    if not 0 < k < len(ws) - 1:
        return False
    w, before, after = ws[k], ws[k - 1], ws[k + 1]
    verb_after = not after[3].startswith(("n", "m")) and after[3] != "vn" or after[3] == "nr" and action_word(after[2])
    if w[1] == after[0] and verb_after and any(c.startswith("Ka") for c in cilin_classes().get(w[2], ())):
        return True  # 专门/送上, 特地/赶来, 同台/比武 (an act jieba guesses as a name): 词林's adverb (Ka), whatever jieba's tag
    return (len(w[2]) == 2 and w[3] == "n" and not cilin_classes().get(w[2]) and before[3].startswith("n")
            and before[1] == w[0] and w[1] == after[0] and after[3] == "v" and not EVENT.search(after[2]))


GIVING = frozenset({"送上", "送去", "送来", "送到", "送达", "带去", "转达", "致以", "献上"})  # acts of handing over:
# only what is given can be new (送上节日的问候和美好的祝福 gives greetings, which name nothing)


def greeting(word: str) -> bool:
    """Does 词林 know the word as a greeting or wish (问候, 祝福, 祝愿: Hi10)?"""
    return any(c.startswith("Hi10") for c in cilin_classes().get(word, ()))


_WHOLE = re.compile(r"全[校院厂矿局行段所站队处司班组]")  # a workplace; not 全市, 全省: beyond its own reach


def whole_of(text: str) -> bool:
    """Is `text` the whole of a workplace (全院, 全校, 全厂): the reach of the work, not a place it was held?"""
    return _WHOLE.fullmatch(text) is not None


# an administrative or commercial area by its head (session 22): 高新区, 开发区, 商业街, 各乡镇, 各街道, 商圈; a
# one-character head only after two characters or more (全县, 按县 of a cut 按县/劳动: the reach of the work, not a place)
_AREA = re.compile(r"(?:..+[区县乡镇村街]|.*(?:街道|乡镇|商圈|片区))$")


_SITES = ("Cb08", "Cb26", "Cb28", "Bn01", "Bn03")  # 词林: areas and grounds (厂区, 营区), stations, sites (训练场,
# 门岗, 会场), buildings and rooms (宿舍, 大厅, 会议室); not a position, direction or front (身边, 岗位, 一线, 前线)


@lru_cache(maxsize=8192)
def site(word: str) -> bool:
    """A place one can stand in by 词林 (every class of the word an area, ground, station, site, building or room:
    训练场, 门岗, 大厅, 宿舍): the head of a place phrase after 在/到 as a place word of rolephrases is. A word 词林
    does not know is read by its head, its last part (职工宿舍 = 职工 + 宿舍)."""
    classes = cilin_classes().get(word)
    if not classes:
        parts = _parts(word)
        return bool(parts) and word.endswith(parts[-1]) and site(parts[-1])
    return all(c.startswith(_SITES) for c in classes)


_ARRIVING = ("Hf", "Hj63", "Hi27")  # 词林: moving (走, 回, 运, 抵达), coming (来到), sending (送到)


def arrival(word: str, tag: str) -> bool:
    """A verb of arriving or bringing: a verb and 到/至 (送到, 来到, 运至) that 词林 (or, when it does not know the
    word, its verb's character) knows as moving, coming or sending: a place may follow it (not 受到, 得到, 达到,
    做到, 落到, 感到)."""
    if tag != "v" or len(word) != 2 or word[1] not in "到至":
        return False
    classes = cilin_classes().get(word) or cilin_classes().get(word[0], ())
    return any(c.startswith(_ARRIVING) for c in classes)


_LOCATIVES = frozenset("中里上边旁前")


def at_person(word: str) -> bool:
    """A body part and a locative (手中, 身边, 心里, 眼前: 词林 Bk, then 中/里/上/边/旁/前): where a thing or a word
    reaches the people written before it (发到职工手中), no place and no thing of its own."""
    return len(word) == 2 and word[1] in _LOCATIVES and any(c.startswith("Bk") for c in cilin_classes().get(word[0], ()))


def place_word(w: Word) -> bool:
    """A place by 词林 (every class of space, Cb: 山区, 片区, 厂区) or, unknown to 词林, by jieba's place tags; an
    area by its head (_AREA) either way."""
    classes = cilin_classes().get(w[2])
    known = all(c.startswith("Cb") for c in classes) if classes else w[3] in ("ns", "s")
    return known or _AREA.match(w[2]) is not None
