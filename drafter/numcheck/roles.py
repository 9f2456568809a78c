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
from bisect import bisect_right
from typing import TYPE_CHECKING

from drafter.models import Claim
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.words import Word, snap, words

if TYPE_CHECKING:
    from drafter.numcheck.claims import Support

ROLE_NAMES = {"actor": "参与者", "place": "地点", "time": "时间", "honour": "荣誉", "object": "对象", "activity": "活动"}
_ACTOR_BEFORE = frozenset({"邀请", "聘请", "联合", "委托", "特邀", "由", "请"})
_ACTOR_AFTER = frozenset({"亲自", "亲笔", "带队", "到会", "出席", "列席", "一同", "悉数", "莅临", "牵头", "全程", "陪同",
                          "挂帅", "讲话", "致辞", "授课", "主持", "动员", "部署"})
_ACTOR_AFTER_RE = re.compile("|".join(sorted(_ACTOR_AFTER, key=len, reverse=True)))
_ACTOR_HEAD = re.compile(r"(?:书记|主席|总经理|经理|董事长|厂长|院长|局长|校长|行长|处长|科长|部长|所长|站长|队长|会长|总监|院士|讲师"
                         r"|领导|负责人|专家|教授|律师|教师|老师|咨询师|医生"
                         r"|机构|事务所|局|支队|大队|主任|班子成员|经营层|管理层|团市委|公司|技术部|部|委员会)$")
_PLACE_BEFORE = frozenset({"赴", "远赴", "前往", "在", "深入", "走进", "到", "于"})
_PLACE_HEAD = re.compile(r"(?:中心|宫|馆|院|校|学院|党校|厅|会议室|站|站点|库区|现场|基地|赛区|车间|社区|敬老院|草坪|楼"
                         r"|广场|公园|项目部|园区|矿区|厂|湖|山|岛|景区|礼堂|影院|公开栏|医院|血站|省|市|县|镇|村|畔|河|江|食堂|之家"
                        r"|体育场|体育馆|运动场|操场|会场|会堂|剧院|酒店|宾馆|农家乐|营地|教室|培训中心|厂区|周边)$")
_TIME_WORDS = frozenset({"年初", "年中", "年底", "年末", "上半年", "下半年", "周末", "每年", "每月", "每周", "月初", "月底",
                         "月末", "淡季", "旺季", "假期", "春运", "年前", "年后", "节后", "节前", "寒假", "暑假", "当天", "当日"})
_TIME_AFTER = frozenset({"期间", "前夕", "当天", "之际", "假期", "前后", "淡季", "时间"})
_HONOUR_BEFORE = frozenset({"评为", "授予", "荣获", "获评", "获", "获得", "命名为", "当选", "评选为", "认定为", "被评为"})
_HONOUR_TRIM = re.compile(r"(?:的)?(?:荣誉称号|称号|荣誉|的好成绩|好成绩|的佳绩)$")
_LEVEL = re.compile(r"^(?:全国|国家级|国家|省级|省部级|省|全省|市级|市|全市|区级|区|县级|县|厂级|公司级|集团级)(?=$|级|总工会)")
_NOUN_TAGS = ("n", "x", "j", "nz", "nt", "ns", "nr", "ng", "l", "i", "b", "t", "s")
_SKIP = frozenset({"其中", "同时", "全年", "今年", "一年", "工作", "活动", "方面", "这", "他们", "大家"})
_GLUE = frozenset({"、", "和", "及", "与"})
_THING_HEADS = frozenset("赛票费金品画队课证卡奖杯工书汤")  # heads of things a near miss swaps (足球赛, 机票, 钳工)
_KIND_WORDS: dict[int, frozenset[str]] = {}
_DAYS = re.compile(r"春节|国庆|中秋|端午|元旦|五一|劳动节|妇女节|重阳|清明|元宵|读书日|献血者日|建党|建军|植树|七夕|腊八|"
                   r"前夕|期间|之际|假期|淡季|旺季|年初|年中|年底|年末|月初|月底|周末|上旬|中旬|下旬")
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
        return len(word) < 2 or word in _SKIP or word in lex.neutral or any(not ("\u4e00" <= c <= "\u9fff") for c in word)

    def backed(self, word: str) -> bool:
        """The facts, context lines or the synonyms of their words write `word` (or one of its kinds); remembered
        per fact set (a draft re-checked as it is typed asks about the same words)."""
        cache = self.support.backed_words
        if word not in cache:
            cache[word] = self._backed(word)
        return cache[word]

    def _backed(self, word: str) -> bool:
        s = self.support
        if word in s.text or word in s.alias_text or any(k in s.text for k in self.lex.kinds.get(word, ())):
            return True
        # a compound of given or neutral parts (比赛项目 over 项目 and a contest; 职工队伍)
        if word.endswith("活动") and any(k in s.text for k in self.lex.kinds.get(word[:-2], ())):
            return True  # 文体活动 (one jieba word) over a badminton match, as 文体 + 活动 read apart would be
        return len(word) >= 4 and any(self._part(word[:i]) and self._part(word[i:]) for i in range(2, len(word) - 1))

    def near_miss(self, word: str) -> bool:
        """A word of the same kind as a fact's word but another one: the same head, another first character
        (足球赛 for 篮球赛, 钳工 for 电工, 机票 for 车票)."""
        if word[-1] not in _THING_HEADS or word in self.lex.abstract:
            return False
        return any(len(g) == len(word) and ((g[-1] == word[-1] and g[0] != word[0])  # 足球赛 / 篮球赛
                                            or (len(g) >= 3 and g[:-1] == word[:-1] and g[-1] in _THING_HEADS))
                   for g in self.support.word_set)  # 慰问品 / 慰问金

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


def _nounish(ws: tuple[Word, ...], k: int, clause: str) -> bool:
    """Word k belongs in a noun phrase: a noun, or a modifier glued to the noun after it (第三方调查机构, 高海拔站点,
    退休教师, 生产车间), never an act of the lexicon."""
    w = ws[k]
    if w[3].startswith(_NOUN_TAGS) or w[3] == "vn" and k + 1 < len(ws) and _glued(clause, w, ws[k + 1]):
        return True
    return (w[3][:1] in ("m", "a", "v", "b") and not any(c.isdigit() for c in w[2]) and k + 1 < len(ws)
            and ws[k + 1][0] == w[1] and ws[k + 1][3].startswith(_NOUN_TAGS))


def _phrase_after(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """The noun phrase starting at word i (nouns joined by nothing, 、 or 和)."""
    out: list[Word] = []
    for k in range(i, len(ws)):
        w = ws[k]
        if out and not _glued(clause, out[-1], w):
            break
        if not _nounish(ws, k, clause) and w[2] not in _GLUE:
            break
        out.append(w)
    while out and out[-1][2] in _GLUE:
        out.pop()
    return out


def _phrase_before(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """The noun phrase ending just before word i."""
    out: list[Word] = []
    for k in range(i - 1, -1, -1):
        w = ws[k]
        if out and not _glued(clause, w, out[0]):
            break
        if not _nounish(ws, k, clause) or w[2] in _SKIP:
            break
        out.insert(0, w)
    return out


def _span(phrase: list[Word]) -> tuple[int, int]:
    return phrase[0][0], phrase[-1][1]


def roles(clause: str, offset: int, support: Support, lex: FaithLexicon) -> list[Claim]:
    """The role claims of one clause (offset: the clause's start in the draft); remembered per fact set and
    clause, so a draft re-checked while it is typed reads only the clauses that changed."""
    key = (clause, id(lex))
    found = support.clause_roles.get(key)
    if found is None:
        found = support.clause_roles[key] = _roles(clause, support, lex)
    return [c.model_copy(update={"start": c.start + offset, "end": c.end + offset}) for c in found]


def _inside(ws: tuple[Word, ...], frames: list[tuple[int, int]]) -> set[int]:
    """Starts of the words lying wholly inside one of the frame spans (finditer's spans: in order, not
    overlapping, so only the last one starting at or before a word can hold it; bisection keeps this linear)."""
    starts = [a for a, _ in frames]
    out = set()
    for s, e, _, _ in ws:
        index = bisect_right(starts, s) - 1
        if index >= 0 and e <= frames[index][1]:
            out.add(s)
    return out


def _roles(clause: str, support: Support, lex: FaithLexicon) -> list[Claim]:
    offset = 0
    ws = words(clause)
    if not ws:
        return []
    reader = Reader(support, lex)
    out: list[Claim] = []
    frames = [m.span() for m in lex.frame_re.finditer(clause) if m.end() - m.start() >= 4]
    used: set[int] = _inside(ws, frames)  # frame phrases say nothing

    phrase_owned: set = set()

    def claim(role: str, phrase: list[Word]) -> None:
        phrase_owned.update(phrase)
        if phrase and reader.new(phrase) and not any(w[0] in used and w not in phrase_owned for w in phrase):
            out.append(_role(role, *_span(phrase), clause, offset))
        used.update(w[0] for w in phrase)

    for i, (s, e, word, tag) in enumerate(ws):
        if s in used:
            continue
        if _ACTOR_AFTER_RE.match(clause, s):  # 到会 is read as 到/会: the text decides
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
        elif word in _TIME_WORDS or (_TIME_TAIL.search(word) and (tag == "t" or _DAYS.search(word))
                                     and word not in lex.objects and word not in _SKIP and word not in lex.abstract):
            claim("time", [ws[i]])
        elif i + 1 < len(ws) and clause[s:ws[i + 1][1]] in _TIME_WORDS:  # 年中 read as 年/中
            claim("time", [ws[i], ws[i + 1]])
        elif word in _TIME_AFTER and i and ws[i - 1][0] not in used:
            claim("time", _phrase_before(ws, i, clause))
    if not out:  # a clause says one new thing at most once: its roles first, else its objects
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
    for w in new:  # a qualifier or sibling of a given thing (困难职工子女, 焊工、钳工), or a near miss (足球赛)
        k = ws.index(w)
        near = [ws[j] for j in (k - 1, k + 1) if 0 <= j < len(ws)]
        sibling = w[2] in reader.lex.objects or w[2] in reader.lex.kinds  # another concrete thing (困难职工和劳模)
        if reader.near_miss(w[2]) or any(n in given and (_attached(clause, n, w) or sibling and _glued(clause, n, w))
                                         and not _kinds(reader.lex, n[2], w[2]) for n in near):
            phrase = [w]
            for nxt in ws[k + 1:]:
                if nxt in new and _glued(clause, phrase[-1], nxt):
                    phrase.append(nxt)
                else:
                    break
            return [_role("object", *_span(phrase), clause, offset)]
    act = reader.lex.assert_words.search(clause)
    if act and not given and not _NUMBER.search(clause) \
            and not any(reader.backed(w[2]) for w in ws if not reader.neutral(w[2])):
        start, _ = snap(clause, act.start(), act.end())  # an act on things no fact gives: nothing of it is given
        return [_role("activity", min(start, new[0][0]), ws[-1][1], clause, offset)]
    return []


def _kinds(lex: FaithLexicon, a: str, b: str) -> bool:
    """Are a and b the same kind of thing by [kinds] (比武 of 竞赛)?"""
    return b in lex.kinds.get(a, ()) or a in lex.kinds.get(b, ())


def _kind_words(lex: FaithLexicon) -> frozenset[str]:
    """Every word named as a kind of another ([kinds]): a rewording within a kind is left to the other rules."""
    key = id(lex)
    if key not in _KIND_WORDS:
        _KIND_WORDS[key] = frozenset(w for ws in lex.kinds.values() for w in ws) | frozenset(lex.kinds)
    return _KIND_WORDS[key]


_NUMBER = re.compile(r"[0-9０-９]")  # a clause with a number: its item is the number check's (items.py)
_LEVEL_IN_TEXT = re.compile(r"全国|国家级|省级|省总工会|市级|市总工会|区级|区总工会|县级|县总工会")


def _levels(text: str) -> list[str]:
    return _LEVEL_IN_TEXT.findall(text)
