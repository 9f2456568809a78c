"""The roles of an assertion (issue 19): who took part, where, when, what honour, on what, and what was done.

A clause is read in jieba words (drafter.numcheck.words) and its roles are found by their marker words:
  参与者 (actor)   the noun phrase after 邀请/聘请/联合/委托/由/依托 (a body) or in 在…指导下 (or a person's 部署下),
                   or before 亲自/带队/出席/列席/到会 …, or an act's subject (subjects.py)
  地点 (place)     the noun phrase after 赴/前往/在/深入/走进 (and 各/全) that names a place (…中心, …馆, …车间, 杭州 …)
  时间 (time)      a time word (年初, 下半年, 周末, 淡季 …) or a phrase before 期间/前夕/当天/之际/假期
  荣誉 (honour)    what follows 评为/授予/荣获/获评/获/(被)命名为/当选, up to the clause's end; a level added to a
                   title the facts award (省级 of 获评技术能手) is an object's near miss
  对象, 活动        a near miss of a thing, or an act no fact reports: drafter.numcheck.things
A role filled with words no fact, context line or synonym writes is a claim naming the role and quoting the words:
地点"杭州千岛湖"事实中没有. Effect and manner words ([abstract]), frame and generic words, quoted figures and parallel
phrases (parallel.manner_spans) never fill a role: a formulaic clause is frame exactly when it names nothing new."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from drafter.numcheck.effects import effect_start
from drafter.numcheck.faithlex import FaithLexicon, frame_spans
from drafter.numcheck.framebody import agent_before_act, framed_bodies, given_body
from drafter.numcheck.occasion import OCCASION_ENDS, occasion
from drafter.numcheck.occasionacts import implied_by
from drafter.numcheck.ownorg import own_org
from drafter.numcheck.parallel import manner_spans
from drafter.numcheck.partners import body_word, partner
from drafter.numcheck.rolemarks import _ACTOR_AFTER_RE, _ACTOR_BEFORE, _ALONG, _EACH, _LOCATED
from drafter.numcheck.rolemarks import _ENDS_ACTOR, _HONOUR_START, _NAMED_DAY, _PLACE_BEFORE, _TOGETHER
from drafter.numcheck.rolemarks import may_mark as _may_mark, vague_body as _vague_body
from drafter.numcheck.rolephrases import _ACTOR_HEAD, _act, _body_drawn_on, _day_name, _led_by_far_person, _led_by_person
from drafter.numcheck.rolephrases import _new_actor, _reviewed_by
from drafter.numcheck.rolephrases import _phrase_after, _phrase_before, _placed, _span
from drafter.numcheck.rolephrases import arrived_at, past_count, through_de
from drafter.numcheck.rolewords import MEANS as _MEANS, ROLE_NAMES, SKIP as _SKIP, Reader, role_claim as _role
from drafter.numcheck.honours import approved_by_body as _approved_by_body
from drafter.numcheck.honours import awarded as _awarded, honour_marker as _honour_marker, recommended
from drafter.numcheck.things import HONOUR_MARKS as _HONOUR_BEFORE, LEVEL, acts_beside, objects as _objects
from drafter.numcheck.subjects import subject_actors
from drafter.numcheck.timewords import DAYS as _DAYS, HOLIDAY as _HOLIDAY, HOLIDAY_TIME as _HOLIDAY_TIME, TIME_WORDS as _TIME_WORDS
from drafter.numcheck.timewords import TIME_AFTER as _TIME_AFTER, TIME_ENDS as _TIME_ENDS, TIME_TAIL as _TIME_TAIL, before_or_after_event
from drafter.numcheck.timewords import time_ahead
from drafter.numcheck.wordclass import action_word, arrival, calendar, person_or_body
from drafter.numcheck.scope import MARKS as _REACH_MARKS, reach_role, reached
from drafter.numcheck.timeclause import MARKERS as _TIME_CLAUSE, time_clause
from drafter.numcheck.witness import joined_by, trim_to_actor, witnessed_by
from drafter.numcheck.words import Word, words
from drafter.numcheck.faithlex import asserts
from textkit.sentences import BREAKS, ENUM_COMMA, char_class

if TYPE_CHECKING:
    from drafter.models import Claim
    from drafter.numcheck.support import Support

_PRAISE_END = re.compile(r"(?:通报表扬|通报嘉奖|表扬|表彰|嘉奖|记功)(?=\W*$)")  # after 受到: an honour (受到…好评 is frame)
_RECEIVING = frozenset({"受到", "得到", "赢得"})  # before praise: an honour when a body gives it
_BACK_REFERENCE = re.compile("此|该|这一|这项|这个|上述")  # a title said by a demonstrative refers to one named before
_AND_THEN = frozenset({"并", "并且", "同时"})  # 获评优秀成果并受到表彰: a second predicate, not part of the title


def _title_words(ws: tuple, start: int) -> list:
    """The words of an honour's title: from `start` to the clause's end, markers left out, cut before 并/同时 and a
    verb (获评优秀创新成果 | 并受到表彰: the second predicate is read on its own)."""
    cut = next((k for k in range(start + 1, len(ws) - 1) if ws[k][2] in _AND_THEN and ws[k + 1][3].startswith("v")),
               len(ws))
    return [w for w in ws[start:cut] if w[2] not in _HONOUR_BEFORE]


_HONOUR_TRIM = re.compile(r"(?:的)?(?:荣誉称号|称号|荣誉|的好成绩|好成绩|的佳绩)$")
_RECOGNISED = re.compile(rf"(?:作为|列为)?{char_class(BREAKS + ENUM_COMMA, negate=True)}{{0,16}}?"
                         r"(?:推广|转发|刊发|刊登|报道|推荐|采纳|肯定|表扬|表彰)(?=\W*$)")
_LEADERS = ("领导", "干部", "党员", "负责人", "骨干")  # who leads by example in general (…带头)
_LEVEL_OR_BODY = re.compile(r"工会|协会|学会|党委|政府|[省市区县]委|[省市区县]|局|厅|部|报|台|网")


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
    if not frames:
        return set()
    starts = [a for a, _ in frames]
    out = set()
    for s, e, _, _ in ws:
        index = bisect_right(starts, s) - 1
        if index >= 0 and e <= frames[index][1]:
            out.add(s)
    return out


def _timed(word: str) -> bool:
    """One word of a time word and the word after it (春运期间, 暑假期间: jieba's set phrases)."""
    return len(word) > 2 and any(word.endswith(end) and word[:-len(end)] in _TIME_WORDS for end in _TIME_ENDS)


def _roles(clause: str, support: Support, lex: FaithLexicon) -> list[Claim]:
    offset = 0
    ws = words(clause)
    if not ws:
        return []
    reader = Reader(support, lex)
    out: list[Claim] = []
    frames = [(s, e) for s, e in frame_spans(lex, clause) if e - s >= 4]
    frame_ends = {b for _, b in frames}  # 公司工会在: a frame phrase ending on a role's marker word
    used: set[int] = _inside(ws, frames) | _inside(ws, manner_spans(clause, lex, reader))  # frame, figures, 人人参与、天天锻炼
    org = own_org(clause)  # 客服中心工会关心…: the writer's workplace, no object or place of the work
    if org is not None:
        used.update(w[0] for w in ws if org[0] <= w[0] and w[1] <= org[1])
    tail = effect_start(clause, ws, reader)
    if tail is not None:  # an effect clause's tail (感受到组织温暖) says nothing either
        used.update(w[0] for w in ws if w[0] >= tail)

    phrase_owned: set = set()
    framed = set(used)  # words of frame phrases and the effect tail

    def claim(role: str, phrase: list[Word]) -> None:
        phrase_owned.update(phrase)
        # an actor is read inside frame words too (工会主席带队: 工会主席 is a learned frame phrase)
        blocked = used - framed if role == "actor" else used
        new = (reader.new(phrase, governed=role == "honour") or role == "actor" and _new_actor(clause, phrase, reader)) \
            and not (role == "actor" and _vague_body(phrase)) and not (role == "time" and implied_by(phrase, support, clause))
        if phrase and new and not any(w[0] in blocked and w not in phrase_owned for w in phrase):
            out.append(_role(role, *_span(phrase), clause, offset))
        used.update(w[0] for w in phrase)

    in_frames = set(used) if tail is None else {w[0] for w in ws if w[0] in used and w[0] < tail}
    for i, (s, e, word, tag) in enumerate(ws):
        if not _may_mark(word, tag):
            continue
        if word in ("在", "经") and (found := framed_bodies(ws, i, clause, lex)):
            slot, named = found  # 在市总工会的支持下, 经海事局批准: the body in a frame's slot (framebody.py)
            out.extend(_role("actor", *_span(b), clause, offset) for b in named
                       if not given_body(clause[b[0][0]:b[-1][1]], reader))
            used.update(w[0] for w in slot)
            continue
        if s in used and not ((word in _ACTOR_BEFORE or word == "在" and e in frame_ends) and s in in_frames):
            continue  # 工会联合, 公司工会在 (frame phrases ending on the marker) + 市司法局, 新学年开学前
        if _ACTOR_AFTER_RE.match(clause, s):  # 到会 is read as 到/会: the text decides
            phrase = _phrase_before(ws, i, clause)
            while phrase and phrase[-1][2] in _TOGETHER:
                phrase = phrase[:-1]  # 公司经营层全体列席
            generic = clause.startswith("带头", s) and phrase and phrase[-1][2].endswith(_LEADERS)  # 分管领导带头: a formula
            if phrase and not generic and (_ACTOR_HEAD.search(clause[phrase[0][0]:phrase[-1][1]]) or person_or_body(*phrase[-1][2:])):
                claim("actor", phrase)
        elif word == "经" and (judges := _reviewed_by(ws, i, clause)):
            claim("actor", judges)  # 经市摄影家协会评委评审: who reviewed
        elif word in _REACH_MARKS and (whom := reached(ws, i, lex)):
            claim(reach_role(word, whom), whom)  # 重点面向年龄偏大的采茶工, 优先保障…使用, 包括超市、药店和书店
        elif word in ("与", "同") and (joint := joined_by(ws, i, clause) or partner(ws, i, clause)):
            claim("actor", joint)  # 与市叉车协会共同举办, 与社区居委会开展…
        elif word == "在" and (seen := witnessed_by(ws, i, clause)):
            claim("actor", seen)  # 在集团总工程师的见证下: in whose presence
        elif word == "在" and (led := _led_by_far_person(ws, i, clause)):
            claim("actor", led)  # 在分管工会工作的副总经理带领下
        elif word in _ACTOR_BEFORE or (word == "在" and ("指导下" in clause[e:] or _led_by_person(ws, i, clause))):
            phrase = _phrase_after(ws, i + 1, clause)
            cut = next((k for k, w in enumerate(phrase) if asserts(lex, w[2]) or w[2] in _ENDS_ACTOR
                        or k and w[3] == "v" and phrase[k - 1][3].startswith("n")
                        and (len(w[2]) == 1 or not (k + 1 < len(phrase) and phrase[k + 1][3].startswith("n")))),
                       len(phrase))  # 开放/大学: a modifier; 作 (one character) after a noun: the predicate
            phrase = phrase[:cut]  # 会同市体育局 | 开展…, 邀请医生 | 走进企业, 由总经理 | 作…: a verb ends the actor
            if phrase and not _ACTOR_HEAD.search(clause[phrase[0][0]:phrase[-1][1]]):
                actor = trim_to_actor(phrase)  # 由省公司首席技师 | 现场指导, 请…专家 | 全程 (nouns by jieba): the act
                tail = phrase[len(actor):]  # glued on, ending on an act (指导) or opening with an actor's marker (全程)
                if actor and tail and (action_word(tail[-1][2]) or _ACTOR_AFTER_RE.match(clause, tail[0][0])):
                    used.update(w[0] for w in tail)
                    phrase = actor
                elif word == "由" and (agent := agent_before_act(phrase)):
                    phrase = agent  # 由签约律师 | 代理职工…案件: who did the act (the act's words read on their own)
            named = phrase and (_ACTOR_HEAD.search(clause[phrase[0][0]:phrase[-1][1]]) or phrase[-1][3] in ("nt", "ns")
                                or body_word(*phrase[-1][2:]))  # 由李明, 由公司总经理, 联合院团委: a person, a post, a body
            if s in used and not named:
                continue  # in a frame phrase (工会联合发文: jointly), only a body or person is an actor
            owner = word != "在" and clause.startswith("的", phrase[-1][1]) if phrase else False  # 协调…的事务
            if phrase and not owner and (word != "由" or named
                           or _ACTOR_AFTER_RE.match(clause, phrase[-1][1])):  # 由纪委牵头: whoever it names
                claim("actor", phrase)
        elif word in _MEANS and (phrase := _body_drawn_on(ws, i + 1, clause)):
            claim("actor", phrase)  # 依托市律师协会的专业力量, 依托律师事务所/代理…: a body drawn on took part
        elif word in _PLACE_BEFORE:
            first = past_count(ws, i + 2 if i + 1 < len(ws) and ws[i + 1][2] in _EACH else i + 1)  # 在各生产车间
            phrase = _phrase_after(ws, first, clause)
            cut = next((k for k, w in enumerate(phrase) if k and (w[3] == "v" and _act(w[2], lex) or w[2] in _TIME_AFTER)),
                       len(phrase))
            glued = next((k for k, w in enumerate(phrase[:cut]) if len(w[2]) > 2 and w[2].endswith(_TIME_ENDS)), None)
            if glued is not None:  # 在春运期间 (one word) | 设置…: when, not where
                claim("time", phrase[:glued + 1])
                continue
            phrase = phrase[:cut]  # 赴市体育馆 | 参加全市…: an act ends the place's noun phrase; 在春运 | 期间: a time
            j = first + len(phrase)
            ahead = time_ahead(ws, j, clause[phrase[0][0]:phrase[-1][1]], phrase[-1][2]) if phrase else None
            if ahead is not None:  # 在汛期来临前, 在开馆十周年之际: when, through the verb or count to its locative
                claim("time", list(ws[first:ahead]))
            else:
                whole = phrase
                while phrase and not _placed(clause, phrase):
                    phrase = phrase[:-1]  # 杭州千岛湖 of 杭州千岛湖疗休养; a head jieba splits (职工/之/家) counts
                phrase = through_de(ws, first, clause) or phrase  # 在公司新建的室内球馆: the place after 的
                if word in _LOCATED:
                    phrase = whole  # 位于三号船坞的: a place by the verb, whatever its head
                timed = any(w[3] == "t" or w[2] in _TIME_WORDS or w[2] in _TIME_AFTER or _DAYS.search(w[2]) for w in whole) \
                    or bool(whole) and _TIME_TAIL.search(whole[-1][2]) is not None  # 在每季度末: when, not where
                acts = "方面" in clause[e:] or bool(whole) and whole[0][3] == "v"  # 在落实职代会职权、加强…等方面: acts, not a place
                # 城区 of 城区主要商圈: a place word inside the phrase is not its head
                headless = not phrase or bool(whole) and whole[-1][3].startswith("n") and len(phrase) < len(whole)
                if headless and len(whole) > 1 and not timed and not acts and j < len(ws) and ws[j][3] == "v" \
                        and _act(ws[j][2], lex) and word not in _ALONG:  # 沿着既定路线: a place only by its head
                    phrase = whole  # 在城区主要商圈 | 建成…: a noun phrase between 在 and an act, to its head noun
                if phrase or whole and not acts and _TIME_TAIL.search(whole[-1][2]):
                    claim("place" if phrase else "time", phrase or whole)
        elif (word == "被" or word in _HONOUR_START) and (marker := _honour_marker(ws, i, clause)):
            rest = _title_words(ws, i + marker)
            rest = rest[1:] if rest and rest[0][2] == "了" else rest  # 捧回了…奖牌: the aspect mark is no title
            used.update(w[0] for w in (*ws[i:i + marker], *rest))  # 称号 and the rest of the clause are the honour's
            rest = [] if rest and _BACK_REFERENCE.match(clause, rest[0][0]) else rest  # 获此殊荣: the one named before
            text = clause[rest[0][0]:rest[-1][1]] if rest else ""
            trimmed = _HONOUR_TRIM.sub("", text)
            rest = [w for w in rest if w[1] <= rest[0][0] + len(trimmed)] if rest else []
            level = [w for w in rest if LEVEL.match(w[2]) and not reader.backed(w[2])]
            if level and _awarded(clause, [w for w in rest if w not in level], support) and not recommended(clause, ws, i):
                claim("object", level[:1])  # 省级 added to an honour the facts award: a near miss
            else:
                claim("honour", rest) if not level else out.append(_role("honour", *_span(rest), clause, offset))
        elif word in _RECEIVING and (praise := _PRAISE_END.search(clause, e) or _approved_by_body(clause, ws, i)):
            # 受到区总工会通报表扬, 得到集团公司的肯定: an honour
            claim("honour", [w for w in ws[i + 1:] if w[1] <= praise.end() and not (w[2] == "了" and w[0] == e)])
        elif (word == "被" or word[0] == "被" and tag == "x") and (praise := _RECOGNISED.search(clause, s + 1)) \
                and _LEVEL_OR_BODY.search(clause, s + 1, praise.end()):  # 被省总工会作为典型经验推广; 被市/总工会
            claim("honour", [w for w in ws[i:] if w[1] <= praise.end()] if word != "被" else
                  [w for w in ws[i + 1:] if w[1] <= praise.end()])
        elif word in _TIME_CLAUSE and (when := time_clause(ws, i)):
            claim("time", when)  # 时值隆冬: a time said as a clause of its own
        elif _HOLIDAY.fullmatch(word) and _HOLIDAY_TIME.match(clause, s):
            claim("time", [ws[i]])  # 元旦 of 元旦、春节前夕 (the facts: 春节前夕)
        elif word in _TIME_WORDS or _timed(word) or (_TIME_TAIL.search(word) and (tag == "t" or _DAYS.search(word))
                                     and word not in lex.objects and word not in _SKIP and word not in lex.abstract):
            claim("time", [ws[i]])
        elif calendar(word, tag) and not (s and clause[s - 1].isdigit()) and not clause.startswith(("平均", "人均", "均"), e):
            # 每天晚间, 每周三下午: calendar words written together (每天平均: a rate; 5月份: the number's)
            claim("time", [w for k, w in enumerate(ws[i:], i) if k == i or all(
                ws[j - 1][1] == ws[j][0] and calendar(*ws[j][2:]) for j in range(i + 1, k + 1))])
        elif i + 1 < len(ws) and clause[s:ws[i + 1][1]] in _TIME_WORDS:  # 年中 read as 年/中
            if not reader.backed(clause[s:ws[i + 1][1]]):  # its characters alone say nothing
                out.append(_role("time", s, ws[i + 1][1], clause, offset))
            used.update((s, ws[i + 1][0]))
        elif word in _NAMED_DAY and tag in ("m", "q") and (phrase := _day_name(ws, i)):
            name = [*phrase, ws[i]]  # 结合世界精神卫生日: a named day, month or week; 质量月: its words say nothing
            if not reader.new(name) and not reader.backed(clause[name[0][0]:e]) and not any(w[0] in used for w in name):
                out.append(_role("time", name[0][0], e, clause, offset))  # alone (质量, 月), the name does
            claim("time", name)
        elif arrival(word, tag) and (where := arrived_at(
                ws, past_count(ws, i + 1 + (i + 1 < len(ws) and ws[i + 1][2] in _EACH)), clause)):
            claim("place", where)  # 并送到各小区门岗: where it was brought
        elif word in OCCASION_ENDS and (when := occasion(ws, i, clause)) and not any(w[0] in used for w in when):
            claim("time", when)  # 入伏前夕，开展…; 在汛期到来前开展…: the work dated by an occasion
        elif word in _TIME_AFTER and i and ws[i - 1][0] not in used and ws[i - 1][3] != "m" \
                and not (word == "时间" and ws[i - 1][3] in ("v", "vn")):  # 第一时间: how soon; 奔波时间: how long
            claim("time", _phrase_before(ws, i, clause))
    for phrase in [] if out else subject_actors(clause, ws, used, reader):  # 工会主席看望…: no marker (subjects.py)
        claim("actor", phrase)
    if not out:  # a clause says one new thing at most once: its roles first, else its objects
        out += _objects(clause, offset, ws, used, reader)
    elif all(c.note.startswith((ROLE_NAMES["time"], ROLE_NAMES["place"])) for c in out):
        out += acts_beside(clause, offset, ws, used, reader, out)  # 年底 + 召开竞赛总结表彰大会
    return out
