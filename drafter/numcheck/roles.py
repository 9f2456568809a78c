"""The roles of an assertion (issue 19): who took part, where, when, what honour, on what, and what was done.

A clause is read in jieba words (drafter.numcheck.words) and its roles are found by their marker words:
  参与者 (actor)   the noun phrase after 邀请/聘请/联合/委托/由 or in 在…指导下, or before 亲自/带队/出席/列席/到会 …
  地点 (place)     the noun phrase after 赴/前往/在/深入/走进 that names a place (…中心, …馆, …医院, …赛区, 杭州 …)
  时间 (time)      a time word (年初, 下半年, 周末, 淡季 …) or a phrase before 期间/前夕/当天/之际/假期
  荣誉 (honour)    what follows 评为/授予/荣获/获评/获/命名为/当选, up to the clause's end
  对象 (object)    the clause's nouns and their qualifiers (困难职工子女, 省级, 足球赛)
  活动 (activity)  the act itself, when its verb and its object are both new
A role filled with words that no fact, context line or synonym of theirs writes is a claim whose note names the
role and quotes the words: 地点"杭州千岛湖"事实中没有. Effect and manner words ([abstract] in the faithfulness
lexicon), frame and generic words never fill a role, so a formulaic clause (筑牢安全生产防线) is frame exactly
when it names nothing new. Spans and quotes begin and end on word boundaries.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafter.models import Claim
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.words import Word, words

if TYPE_CHECKING:
    from drafter.numcheck.claims import Support

ROLE_NAMES = {"actor": "参与者", "place": "地点", "time": "时间", "honour": "荣誉", "object": "对象", "activity": "活动"}
_ACTOR_BEFORE = frozenset({"邀请", "聘请", "联合", "委托", "特邀", "由", "请"})
_ACTOR_AFTER = frozenset({"亲自", "亲笔", "带队", "到会", "出席", "列席", "一同", "悉数", "莅临", "牵头", "全程", "陪同"})
_ACTOR_HEAD = re.compile(r"(?:书记|主席|总经理|经理|董事长|厂长|院长|局长|领导|负责人|专家|教授|律师|教师|老师|咨询师|医生"
                         r"|机构|事务所|局|支队|大队|主任|班子成员|经营层|管理层|团市委|公司|技术部|部|委员会)$")
_PLACE_BEFORE = frozenset({"赴", "远赴", "前往", "在", "深入", "走进", "到", "于"})
_PLACE_HEAD = re.compile(r"(?:中心|宫|馆|院|校|学院|党校|厅|会议室|站|站点|库区|现场|基地|赛区|车间|社区|敬老院|草坪|楼"
                         r"|广场|公园|项目部|园区|矿区|厂|湖|山|岛|景区|礼堂|影院|公开栏|医院|血站|省|市|县|镇|村)$")
_TIME_WORDS = frozenset({"年初", "年中", "年底", "年末", "上半年", "下半年", "周末", "每年", "每月", "每周", "月初", "月底",
                         "月末", "淡季", "旺季", "假期", "春运", "年前", "年后", "节后", "节前", "寒假", "暑假", "当天", "当日"})
_TIME_AFTER = frozenset({"期间", "前夕", "当天", "之际", "假期", "前后", "淡季", "时间"})
_HONOUR_BEFORE = frozenset({"评为", "授予", "荣获", "获评", "获", "获得", "命名为", "当选", "评选为", "认定为", "被评为"})
_HONOUR_TRIM = re.compile(r"(?:的)?(?:荣誉称号|称号|荣誉|的好成绩|好成绩|的佳绩)$")
_LEVEL = re.compile(r"^(?:全国|国家级|国家|省级|省部级|省|全省|市级|市|全市|区级|区|县级|县|厂级|公司级|集团级)(?=$|级|总工会)")
_NOUN_TAGS = ("n", "x", "j", "nz", "nt", "ns", "nr", "ng", "l", "i", "b", "t", "s")
_SKIP = frozenset({"其中", "同时", "全年", "今年", "一年", "工作", "活动", "方面", "这", "他们", "大家"})
_GLUE = frozenset({"、", "和", "及", "与"})
_THING_HEADS = frozenset("赛票费金品画队课证卡奖杯工书")  # heads of things a near miss swaps (足球赛, 机票, 钳工)
_KIND_WORDS: dict[int, frozenset[str]] = {}
_TIME_TAIL = re.compile(r"(?:节|季|假|夕|初|末|底|周末|年中|月中|旬)$")


def _role(role: str, s: int, e: int, clause: str, offset: int) -> Claim:
    text = clause[s:e]
    return Claim(start=offset + s, end=offset + e, text=text, kind="claim",
                 note=f'{ROLE_NAMES[role]}"{text}"事实中没有')


class Reader:
    """Judges the words of one clause against the support lines and the lexicon."""

    def __init__(self, support: Support, lex: FaithLexicon):
        self.support, self.lex = support, lex

    def neutral(self, word: str) -> bool:
        """A word that says nothing of its own: frame, generic, effect words, function words, one character."""
        lex = self.lex
        return len(word) < 2 or word in _SKIP or word in lex.abstract or lex.frame_re.fullmatch(word) is not None \
            or any(not ("\u4e00" <= c <= "\u9fff") for c in word)

    def backed(self, word: str) -> bool:
        """The facts, context lines or the synonyms of their words write `word` (or one of its kinds)."""
        s = self.support
        if word in s.text or word in s.alias_text or any(k in s.text for k in self.lex.kinds.get(word, ())):
            return True
        # a compound of given or neutral parts (比赛项目 over 项目 and a contest; 职工队伍)
        return len(word) >= 4 and any(self._part(word[:i]) and self._part(word[i:]) for i in range(2, len(word) - 1))

    def near_miss(self, word: str) -> bool:
        """A word of the same kind as a fact's word but another one: the same head, another first character
        (足球赛 for 篮球赛, 钳工 for 电工, 机票 for 车票)."""
        return word[-1] in _THING_HEADS and word not in self.lex.abstract and any(
            len(g) == len(word) and g[-1] == word[-1] and g[0] != word[0] for g in self.support.word_set)

    def _part(self, part: str) -> bool:
        s = self.support
        return part in s.text or part in s.alias_text or (len(part) >= 2 and self.neutral(part))

    def new(self, phrase_words: list[Word]) -> bool:
        """Does the phrase hold a word of its own that no support line gives?"""
        return any(not self.neutral(w) and not self.backed(w) for _, _, w, _ in phrase_words)


def _glued(clause: str, a: Word, b: Word) -> bool:
    return a[1] == b[0] or clause[a[1]:b[0]] in _GLUE


def _attached(clause: str, a: Word, b: Word) -> bool:
    """b qualifies a or a sibling of the same kind: written together (困难职工子女), or joined by 、/和 with the
    same head (焊工、钳工; 一线职工和外包工)."""
    x, y = (a, b) if a[0] < b[0] else (b, a)
    return x[1] == y[0] or (clause[x[1]:y[0]] in _GLUE and a[2][-1] == b[2][-1])


def _phrase_after(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """The noun phrase starting at word i (nouns joined by nothing, 、 or 和)."""
    out: list[Word] = []
    for w in ws[i:]:
        if out and not _glued(clause, out[-1], w):
            break
        if not w[3].startswith(_NOUN_TAGS) and w[2] not in _GLUE:
            break
        out.append(w)
    return out


def _phrase_before(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """The noun phrase ending just before word i."""
    out: list[Word] = []
    for w in reversed(ws[:i]):
        if out and not _glued(clause, w, out[0]):
            break
        if not w[3].startswith(_NOUN_TAGS) or w[2] in _SKIP:
            break
        out.insert(0, w)
    return out


def _span(phrase: list[Word]) -> tuple[int, int]:
    return phrase[0][0], phrase[-1][1]


def roles(clause: str, offset: int, support: Support, lex: FaithLexicon) -> list[Claim]:
    """The role claims of one clause (offset: the clause's start in the draft)."""
    ws = words(clause)
    if not ws:
        return []
    reader = Reader(support, lex)
    out: list[Claim] = []
    used: set[int] = set()

    phrase_owned: set = set()

    def claim(role: str, phrase: list[Word]) -> None:
        phrase_owned.update(phrase)
        if phrase and reader.new(phrase) and not any(w[0] in used and w not in phrase_owned for w in phrase):
            out.append(_role(role, *_span(phrase), clause, offset))
        used.update(w[0] for w in phrase)

    for i, (s, e, word, tag) in enumerate(ws):
        if s in used:
            continue
        if word in _ACTOR_AFTER:
            phrase = _phrase_before(ws, i, clause)
            if phrase and _ACTOR_HEAD.search(clause[phrase[0][0]:phrase[-1][1]]):
                claim("actor", phrase)
        elif word in _ACTOR_BEFORE or (word == "在" and "指导下" in clause[e:]):
            phrase = _phrase_after(ws, i + 1, clause)
            if phrase and (word != "由" or _ACTOR_HEAD.search(clause[phrase[0][0]:phrase[-1][1]])):
                claim("actor", phrase)
        elif word in _PLACE_BEFORE:
            phrase = _phrase_after(ws, i + 1, clause)
            j = i + 1 + len(phrase)
            if phrase and j < len(ws) and ws[j][2] in _TIME_AFTER:
                claim("time", phrase)
            else:
                while phrase and not (_PLACE_HEAD.search(phrase[-1][2]) or phrase[-1][3] == "ns"):
                    phrase = phrase[:-1]  # 杭州千岛湖 of 杭州千岛湖疗休养
                if phrase:
                    claim("place", phrase)
        elif word in _HONOUR_BEFORE or (word == "被" and i + 1 < len(ws) and ws[i + 1][2] in _HONOUR_BEFORE):
            rest = [w for w in ws[i + 1:] if w[2] not in _HONOUR_BEFORE]
            used.update(w[0] for w in rest)  # 称号 and the rest of the clause are the honour's
            text = clause[rest[0][0]:rest[-1][1]] if rest else ""
            trimmed = _HONOUR_TRIM.sub("", text)
            rest = [w for w in rest if w[1] <= rest[0][0] + len(trimmed)] if rest else []
            claim("honour", rest)
        elif word in _TIME_WORDS or (tag == "t" and _TIME_TAIL.search(word) and word not in lex.objects
                                     and word not in _SKIP and word not in lex.abstract):
            claim("time", [ws[i]])
        elif word in _TIME_AFTER and i and ws[i - 1][0] not in used:
            claim("time", _phrase_before(ws, i, clause))
    out += _objects(clause, offset, ws, used, reader)
    return out


def _objects(clause: str, offset: int, ws: tuple[Word, ...], used: set[int], reader: Reader) -> list[Claim]:
    """Nouns and qualifiers no fact gives: a changed level (省级 where the facts say 市级) or a noun of its own
    (困难职工子女 where the facts say 困难职工): 对象; when the clause's act is new as well: 活动."""
    level = [w for w in ws if w[0] not in used and _LEVEL.match(w[2]) and not reader.backed(w[2])]
    if level and any(_LEVEL.match(w) for w in _levels(reader.support.text)):
        return [_role("object", *_span([level[0]]), clause, offset)]
    nouns = [w for w in ws if w[0] not in used and w[3].startswith(_NOUN_TAGS) and not reader.neutral(w[2])
             and not (w[0] and clause[w[0] - 1].isdigit())]  # 23名患…: a measure word, not a noun
    new = [w for w in nouns if not reader.backed(w[2])]
    if not new:
        return []
    acts = [w for w in ws if w[0] not in used and w[3].startswith("v") and not reader.neutral(w[2])
            and reader.lex.assert_words.fullmatch(w[2])]
    if acts and not any(reader.backed(w[2]) for w in acts) and len(new) == len(nouns):
        return [_role("activity", acts[0][0], ws[-1][1], clause, offset)]
    given = [w for w in nouns if w not in new]
    for w in new:  # a qualifier or sibling of a given thing (困难职工子女, 焊工、钳工), or a concrete object word
        k = ws.index(w)
        near = [ws[j] for j in (k - 1, k + 1) if 0 <= j < len(ws)]
        if reader.near_miss(w[2]) or (w[2] not in _kind_words(reader.lex) and any(
                n in given and _attached(clause, n, w) for n in near)):
            phrase = [w]
            for nxt in ws[k + 1:]:
                if nxt in new and _glued(clause, phrase[-1], nxt):
                    phrase.append(nxt)
                else:
                    break
            return [_role("object", *_span(phrase), clause, offset)]
    return []


def _kind_words(lex: FaithLexicon) -> frozenset[str]:
    """Every word named as a kind of another ([kinds]): a rewording within a kind is left to the other rules."""
    key = id(lex)
    if key not in _KIND_WORDS:
        _KIND_WORDS[key] = frozenset(w for ws in lex.kinds.values() for w in ws) | frozenset(lex.kinds)
    return _KIND_WORDS[key]


_LEVEL_IN_TEXT = re.compile(r"全国|国家级|省级|省总工会|市级|市总工会|区级|区总工会|县级|县总工会")


def _levels(text: str) -> list[str]:
    return _LEVEL_IN_TEXT.findall(text)
