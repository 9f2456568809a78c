"""Effect clauses (issue 19): the tail of a clause that says what the work did for people, not what was done.

  让困难职工真切感受到组织温暖 · 为女职工健康筑起一道坚实的保障防线 · 有效激发了职工攻坚克难的干劲 ·
  让会员实实在在享受到工会带来的实惠

The tail runs from an effect verb ([effect] in the faithfulness lexicon: 感受, 筑起, 激发, 享受 …), a causative
(让, 使, 令; an aim: 助力, 赋能) or a verb 同义词词林 knows only as a result, change or cause (实现, 减少, 转化, 驱动:
session 13, read by kind, not listed) to the clause's end. It is frame when every word after the verb says nothing
concrete of its own: frame, generic and [abstract] words, words the facts give, qualifiers (攻坚克难, 安全生产, 清凉)
and words 词林 knows only outside its thing classes (实惠, 影响, 身份, 消费). A person, place, event or thing no fact
names (退休职工, 职工书屋, 培训班, a quoted name) there keeps the clause an assertion, and a digit leaves it to the
number check.
A clause ending on an event (…专项劳动竞赛活动, 素质提升工程) has no effect tail, nor does a verb joined to nouns
by 和/、 (评比竞赛和展示活动).
The words before the verb are judged as usual, so 让困难职工子女感受到组织温暖 still names 子女.
"""

from __future__ import annotations

import re

from drafter.numcheck.effectparts import attribute_verbs, gradual_change, list_start
from drafter.numcheck.focus import focus_start
from drafter.numcheck.names import figure_spans, quote_spans
from drafter.numcheck.rolewords import GLUE, Reader
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.things import EVENT, HONOUR_MARKS
from drafter.numcheck.words import Word, words
from drafter.numcheck.wordclass import arrival, site
from drafter.numcheck.faithlex import asserts, ignorable
from textkit.sentences import BREAKS, ENUM_COMMA, char_class

# the last character of a word naming people (职工, 选手, 家属, 子女), a place or group (中心, 车间, 队) or a thing
# or event (培训班, 比赛, 慰问品): such a word, new to the facts, is concrete
_CONCRETE_END = re.compile(r"(?:中心|[员工者人师长户属女友生士众民家队组站馆宫厂校院局部处所室间区场园地赛会展班课座品金卡券证奖杯画票费款物包])$")


# 把 A 作为 B 的重要抓手, 把 A 摆在突出位置: B says what A is for or how high it ranks (a means, a priority), not what
# was done; the clause is judged on A (坚持把工资集体协商作为维护职工经济权益的重要抓手)
_PURPOSE = re.compile(f"把{char_class(BREAKS, negate=True)}+?(作为|当作|当成|列为){char_class(BREAKS, negate=True)}{{0,24}}?"
                      "(?:抓手|载体|重点|重点工作|重中之重|切入点|突破口|着力点|落脚点|出发点|头等大事|大事|实事|首要任务|重要任务"
                      "|重要内容|重要举措|有力举措|重要途径|主要途径|关键|基础|前提)(?:来抓)?" + f"{char_class(BREAKS)}?$"
                      f"|把{char_class(BREAKS, negate=True)}+?(摆在|放在|摆到|放到)(?:更加|更为)?(?:突出|首要|重要|优先|第一)"
                      f"(?:的)?位置{char_class(BREAKS)}?$")  # 把维护女职工特殊权益摆在突出位置: how high it ranks


# 针对/聚焦/为解决 … 的难题/需求/实际: the need a piece of work answers, not work done; its words are circumstances
# (聚焦单身青年职工婚恋难题, 为解决双职工家庭暑期子女看护难题, 针对高温天气持续时间长…的实际)
_NEED = re.compile(f"^(?:针对|聚焦|围绕|着眼于?|面对|面向|立足|为了?(?:解决|缓解|破解|满足|回应|帮助解决))"
                   f"{char_class(BREAKS, negate=True)}{{1,30}}?(?:实际|难题|需求|需要|问题|困难|难点|痛点|堵点|期盼|愿望"
                   "|诉求|急难愁盼|“急难愁盼”|短板)" + f"{char_class(BREAKS)}?$")


# 为 … <verb> … 提供了有力平台/保障/条件: what the work enables (为职工开展技术攻关、发挥聪明才智提供了有力平台), an
# effect from the first verb after 为 on; the people before that verb (职工) are still judged
_ENABLES = re.compile(f"^为({char_class(BREAKS, negate=True)}{{2,30}}?)提供了?(?:有力|良好|坚实|广阔|重要|有效|更好|更多)?"
                      "的?(?:平台|舞台|支撑|保障|条件|便利|依据|参考|载体|渠道|机会)" + f"{char_class(BREAKS)}?$")


def effect_start(clause: str, ws: tuple[Word, ...], reader: Reader) -> int | None:
    """_effect_start (`ws`: the clause's words), remembered with the fact set: a clause is read for its tail by
    the clause check and again by its roles."""
    cache, key = reader.support.clause_roles, ("effect", clause, id(reader.lex))
    if key not in cache:
        cache[key] = _effect_start(clause, ws, reader)
    return cache[key]


def _effect_start(clause: str, ws: tuple[Word, ...], reader: Reader) -> int | None:
    """The offset in the clause where its effect tail starts (None: it has none). A verb inside a name in 《》 or
    “” (小品《守护》) opens none, and a tail with an honour marker (获评, 授予 …) is an honour's, not an effect.
    A purpose after 把…作为 (…的重要抓手, …的重中之重) is a tail too: it starts at 作为; a clause stating the need the
    work answers (聚焦…难题, 为解决…需求) is one as a whole."""
    if _NEED.match(clause.strip()):
        return need_start(clause)  # the whole clause states a need
    focus = focus_start(clause, ws, reader)
    if focus is None:
        focus = _purpose_start(clause, reader)
    if focus is None:
        focus = _carried_start(clause, reader)
    if focus is not None:
        return focus  # 纺织厂工会聚焦技能提升 (focus.py), 为帮助员工管好家庭财务: the aim the work is framed by
    enables = _ENABLES.match(clause.strip())
    lead = len(clause) - len(clause.lstrip())
    act = next((w[0] for w in ws if enables and w[3] == "v" and lead + enables.start(1) <= w[0] < lead + enables.end(1)), None)
    if act is not None and all(x[3] == "v" or _says_nothing(x, reader) and not EVENT.search(x[2])
                               for x in ws if x[0] >= act):  # an event there (大赛) is one of its own
        return act  # 为职工|开展技术攻关…提供了有力平台 (not 为职工参加全国技能大赛…: an event of its own)
    purpose = _PURPOSE.search(clause.rstrip())
    verb = _verb_tail(clause, ws, reader)
    if purpose is None:
        return verb
    start = purpose.start(1) if purpose.start(1) >= 0 else purpose.start(2)
    return start if verb is None else min(verb, start)


_AIM = re.compile(r"\s*为了?(?=[\u4e00-\u9fff])")  # 为帮助…, 为了推动…: an aim opening the clause


def _purpose_start(clause: str, reader: Reader) -> int | None:
    """The start of the aim a clause opens with (为 + a verb: 为帮助员工管好家庭财务, 为筑牢养殖场防疫屏障), when every
    word after the verb says nothing of its own (_says_nothing): what the work is for, an effect tail as a whole.
    为 before people (为困难职工发放…) is whom the act is for: no aim."""
    m = _AIM.match(clause)
    if m is None or "“" in clause or "《" in clause:
        return None  # 为培养造就“四有”职工队伍: a name in quotes is judged as written
    rest = words(clause[m.end():])
    if not rest or not (rest[0][3] in ("v", "vn") or rest[0][2] in reader.lex.effect_verbs
                        or any(c[0] in "HIJ" for c in cilin_classes().get(rest[0][2], ()))):
        return None
    return m.end() if all(_aim_word(w, reader) for w in rest[1:]) else None


_CARRIED = re.compile(r"\s*把(?P<what>[\u4e00-\u9fff的]{2,14}?)(?:送到|送进|送至|送达|带到|传递到)(?P<where>[\u4e00-\u9fff]{2,10})"
                      f"{char_class(BREAKS)}?$")
_BESIDE = ("Cb05", "Cb06", "Df02")  # 词林: in hand, beside, at heart (手中, 身边, 心坎)


def _carried_start(clause: str, reader: Reader) -> int | None:
    """The start of a figure of the work carried to people (把安全用气知识送到千家万户, 把优质医疗服务送到群众身边): what is
    carried names no person, thing, place or event (a skill, a service, warmth) and where is people in general, an
    idiom or a place beside them; the whole clause says how the work reached people, an effect tail."""
    m = _CARRIED.match(clause)
    if m is None or not all(_aim_word(w, reader) for w in words(m.group("what"))):
        return None
    beside = lambda w: w[3] == "i" or any(c.startswith(("Aa", *_BESIDE)) for c in cilin_classes().get(w[2], ()))  # noqa: E731
    return m.start() + len(clause) - len(clause.lstrip()) \
        if all(beside(w) or reader.backed(w[2]) or reader.neutral(w[2]) for w in words(m.group("where"))) else None


def _aim_word(w: Word, reader: Reader) -> bool:
    """A word of an aim that says nothing of its own: no event; a word jieba tags as a name (喜庆/ns) is read by its
    词林 classes when 词林 knows it (a quality, not a place)."""
    if EVENT.search(w[2]):
        return False
    classes = cilin_classes().get(w[2])
    if w[3][:2] in ("ns", "nt", "nr") and classes:
        return not any(c.startswith(("A", "B", "C")) for c in classes)
    return _says_nothing(w, reader)


# 围绕…难点痛点 before the act it leads to (围绕保障运行中的难点痛点集中攻关): the need, not a thing the act works on
_NEED_LEAD = re.compile(f"(?:针对|聚焦|着眼于?|围绕|面对|立足){char_class(BREAKS, negate=True)}{{1,24}}?"
                        "(?:难点|痛点|堵点|难题|问题|短板|瓶颈)+" f"(?={char_class(BREAKS + ENUM_COMMA, negate=True)}{{2}})")


def need_lead(clause: str, reader: Reader) -> list[tuple[int, int]]:
    """The need a clause opens with before its act (工会围绕…的难点痛点 | 集中攻关; a subject the facts give or
    that says nothing may stand first), when every word of it says nothing concrete (no person, place, body or
    event: 围绕外包人员的难题 names 外包人员): the act is judged alone."""
    m = _NEED_LEAD.search(clause, 0, 40) if "点" in clause or "题" in clause or "板" in clause or "颈" in clause else None
    if m is None or _NEED.match(clause.strip()):
        return []
    ws = words(clause[:m.end()])
    if any(w[0] < m.start() and w[2].strip() and not (reader.neutral(w[2]) or reader.backed(w[2])) for w in ws):
        return []  # a subject of its own (公司总经理围绕…) is judged as written
    inside = [w for w in ws if w[0] >= m.start()]
    return [m.span()] if all(_says_nothing(w, reader) and not EVENT.search(w[2]) for w in inside) else []


def need_start(clause: str) -> int | None:
    """The start of a clause that states as a whole the need the work answers (聚焦…难题), else None."""
    return len(clause) - len(clause.lstrip()) if _NEED.match(clause.strip()) else None


# a causative (让, 使, 令: what the work made people feel or have) or an aim (助力, 赋能) opens an effect tail
_CAUSATIVES = frozenset({"让", "使", "令", "使得", "助力", "赋能"})
_BETTER = ("更好地", "更好")  # a verb after them opens what the work is for (更好地投入到守护群众健康的工作中)
# 同义词词林's classes of change, result and influence (实现, 减少, 转化, 延伸, 迸发, 推动, 驱动): a verb known only
# in them says what came of the work, not what was done
# (Id outbursts: 迸发; Ie14 results: 实现, 形成; Ih changes: 减少, 转化, 延伸, 增收; Je04/Je06 causing: 驱动, 推动;
# not Ie13 carrying out: 召开, 推广, nor Ig processes: 进行, 开展 - acts, not results)
_RESULT_CLASSES = ("Id", "Ie14", "Ih", "Je04", "Je06")


def _opens(clause: str, w: Word, lex, before: Word | None) -> bool:
    """Does word w open an effect tail: an [effect] verb, a causative, or a verb of change, result or influence
    (not an honour marker: 获得, nor in a clause with 被: 相关做法被省总工会作为典型经验推广 is a recognition, nor
    right after an act verb, whose object it names: 组织减压团体辅导)?"""
    if w[2] in lex.effect_verbs or w[2] in _CAUSATIVES or clause.endswith(_BETTER, 0, w[0]):
        return True  # 更好地投入到…工作中: what the work lets people do better, read strictly
    if gradual_change(w[2], _result) and "被" not in clause:
        return True  # 日益壮大: one word for 日益|壮大 (effectparts.py)
    if w[3] not in ("v", "vn") or w[2] in HONOUR_MARKS or "被" in clause or not _result(w[2]):
        return False
    if w[2] in lex.neutral or w[2] in lex.objects:  # 加强, 推进: any work's verbs; 创新: a thing
        return False
    return before is None or before[1] != w[0] or not ignorable(lex, before[2])


def _change(word: str) -> bool:
    """Does 词林 know the word only as a phenomenon or state (发展, 变化)?"""
    classes = cilin_classes().get(word)
    return bool(classes) and all(c.startswith("I") for c in classes)


def _result(word: str) -> bool:
    """Does 词林 know the word (two or more characters) only as a change, result or influence?"""
    classes = cilin_classes().get(word) if len(word) >= 2 else None
    return bool(classes) and all(c.startswith(_RESULT_CLASSES) for c in classes)


def _verb_tail(clause: str, ws: tuple[Word, ...], reader: Reader) -> int | None:
    verbs = reader.lex.effect_verbs
    if not ws or EVENT.search(ws[-1][2]) and not _change(ws[-1][2]):  # …的专项劳动竞赛活动, 素质提升工程: it
        return None  # ends on an event, not an effect (发展 ends in 展 but is a change)
    names = [(a, b) for a, b in quote_spans(clause) if (a, b) not in figure_spans(clause, reader)]
    if names:  # a name says something: “创先争优”活动 after 加大推进 (read as a digit, which never says nothing)
        ws = tuple(sorted([x for x in ws if not any(a <= x[0] < b for a, b in names)] + [(a, b, "0", "m") for a, b in names]))
    for k, w in enumerate(ws):
        first = k
        if not _opens(clause, w, reader.lex, ws[k - 1] if k else None) or _quoted(clause, w[0]):
            continue
        if k and (ws[k - 1][2] in GLUE or clause[ws[k - 1][1]:w[0]] in GLUE):
            first = list_start(clause, ws, k)  # 经受了锻炼、增长了才干: a list of effects (effectparts.py)
            if first is None or not all(_says_nothing(x, reader, True) for x in ws[first:k]):
                continue  # 竞赛和展示活动, 比武练兵、展示才能: a verb joined to nouns is one of them
        if _qualifies_people(ws, k):
            continue  # 组织一线/倒班/职工…: a verb between a modifier and people names which people
        if arrival(*w[2:]) and any(site(x[2]) and not reader.backed(x[2]) for x in ws[k + 1:]):
            continue  # 并送到各小区门岗: where it was brought, a place no fact names (送到职工身边 says nothing)
        strict = w[2] not in verbs  # after a causative or a result verb, work the facts do not name is said
        better = strict and w[2] not in _CAUSATIVES and clause.endswith(_BETTER, 0, w[0])
        # 营造了人人参与健身的浓厚氛围: an act verb describing the frame noun (effectparts.py)
        joined = frozenset() if strict else attribute_verbs(ws, k, reader, _says_nothing, _event_or_place)
        if all((x[0] in joined or _says_nothing(x, reader, strict)) and not (better and _event_or_place(x, reader))
               for x in ws[k + 1:]):  # (加大宣传力度, 使厂务公开落到实处)
            return ws[first][0]
    return None


def _event_or_place(w: Word, reader: Reader) -> bool:
    """An event or a place no fact names (更好地投入到社区义诊活动中): after 更好地 it is work of its own."""
    if reader.neutral(w[2]) or reader.backed(w[2]):
        return False
    return bool(EVENT.search(w[2])) or any(c.startswith("C") for c in cilin_classes().get(w[2], ()))


def _qualifies_people(ws: tuple[Word, ...], k: int) -> bool:
    """Word k is written between a modifier (一线, 全体: m, b) and a people noun (职工), glued to both."""
    if not 0 < k < len(ws) - 1 or ws[k - 1][3] not in ("m", "b") or ws[k - 1][1] != ws[k][0] or ws[k + 1][0] != ws[k][1]:
        return False
    classes = cilin_classes().get(ws[k + 1][2], ())
    return bool(classes) and all(c[0] == "A" for c in classes)


def _quoted(clause: str, at: int) -> bool:
    before = clause[:at]
    return before.count("《") > before.count("》") or before.count("“") > before.count("”")


# 同义词词林's classes of things a role names: people (A), objects (B), organisations, money, culture and
# institutions (Dj, Dk, Dm; not Di: 组织, 工会)
_THING_CLASSES = ("A", "B", "Dj", "Dk", "Dm")


def _says_nothing(w: Word, reader: Reader, strict: bool = False) -> bool:
    if any(c.isdigit() for c in w[2]) or w[2] in HONOUR_MARKS or asserts(reader.lex, w[2]):
        return False  # a number, an honour or an act (关心慰问、重点走访 …: a list of work, not an effect)
    if reader.neutral(w[2]) or reader.backed(w[2]):
        return True
    if len(w[2]) >= 3 and w[2][-1] == "者" and reader.backed(w[2][:-1]):
        return True  # 让创新者有名有利: the people who did what the facts report
    if strict and reader.lex.object_re.search(w[2]):
        return False  # an object word of the lexicon no fact writes (宣传, 厂务公开)
    if w[3].startswith(("ns", "nt")):
        return False  # a place or body by name
    if w[3] == "i":
        return True  # a set phrase (守护了万家灯火, 千家万户): a figure of speech, no thing of its own
    classes = cilin_classes().get(w[2])
    if classes and all(c.startswith("Aa") for c in classes):
        return True  # people in general (群众, 人们: 词林 Aa), no one in particular
    if classes:  # 词林 knows it: a thing only in a thing's class (消费, 实惠, 影响, 身份 are not)
        return not any(c.startswith(_THING_CLASSES) for c in classes)
    return w[3] in ("v", "vn") or not _CONCRETE_END.search(w[2])  # 消费 is no 费; 私拉乱接, 双赢
