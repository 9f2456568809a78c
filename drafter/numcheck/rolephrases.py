"""The noun phrases of the roles (drafter.numcheck.roles): a role's marker word opens or closes a phrase of nouns
and their modifiers (_phrase_after, _phrase_before); its head says whether it names a body or person (_ACTOR_HEAD)
or a place (_PLACE_HEAD, _placed), and whether an actor is someone no fact names (_new_actor)."""

from __future__ import annotations

import re

from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.rolewords import GLUE as _GLUE, NOUN_TAGS as _NOUN_TAGS, SKIP as _SKIP, Reader
from drafter.numcheck.rolewords import PERSON_HEAD as _PERSON_HEAD, POST as _POST, UNDER as _UNDER, glued as _glued
from drafter.numcheck.wordclass import landform, person_or_body, site, whole_of
from drafter.numcheck.cnnum import parse_numeral
from drafter.numcheck.words import Word, tag_of
from drafter.numcheck.faithlex import asserts, ignorable
from textkit.sentences import BREAKS, ENUM_COMMA

_ACTOR_HEAD = re.compile(r"(?:书记|主席|总经理|经理|董事长|厂长|院长|局长|校长|行长|处长|科长|部长|所长|站长|队长|会长|总监|院士|讲师"
                         r"|领导|负责人|专家|教授|律师|教师|老师|咨询师|医生"
                         r"|机构|事务所|局|支队|大队|主任|班子成员|经营层|管理层|团市委|公司|技术部|部|委员会"
                         r"|企业|协会|学会|团队|高校|班子|" + _POST + ")$")
_PLACE_HEAD = re.compile(r"(?:中心|宫|馆|院|校|学院|党校|厅|会议室|站|站点|库区|现场|基地|赛区|车间|社区|敬老院|草坪|楼"
                         r"|广场|公园|项目部|园区|矿区|厂|湖|山|岛|景区|礼堂|影院|公开栏|医院|血站|省|市|县|镇|村|畔|河|江|食堂|之家"
                        r"|体育场|体育馆|运动场|操场|会场|会堂|剧院|酒店|宾馆|农家乐|营地|教室|培训中心|厂区|周边"
                         r"|大学|工地|工作面|站区|井下|码头|港区|隧道|机场|车站|工区|井区|作业区)$")
_BREAKS = frozenset(BREAKS + ENUM_COMMA)  # the phrase after 在 ends at a break
_DAY_MARKERS = frozenset({"结合", "围绕", "在", "于", "利用", "借助", "趁", "借", "以", "恰逢", "适逢", "值此", "正值"})
_OF_HEADS = frozenset({"家", "窗", "声"})  # X之家, X之窗, X之声: a place or a column jieba splits at 之


def _nounish(ws: tuple[Word, ...], k: int, clause: str, depth: int = 0) -> bool:
    """Word k belongs in a noun phrase: a noun, or a modifier glued to the noun after it (第三方调查机构, 高海拔站点,
    退休教师, 生产车间; 高速/服务区: an adverb by jieba's tag right before a noun modifies it) or to another such
    modifier (本地/知名/作家), never an act of the lexicon."""
    w = ws[k]
    if w[3].startswith(_NOUN_TAGS) or w[3] == "vn" and k + 1 < len(ws) and _glued(clause, w, ws[k + 1]):
        return True
    if w[3][:1] not in ("m", "a", "v", "b", "f", "r", "z", "d") or any(c.isdigit() for c in w[2]) or k + 1 >= len(ws) \
            or ws[k + 1][0] != w[1]:
        return False
    nxt = ws[k + 1]
    return nxt[3].startswith(_NOUN_TAGS) or nxt[3] == "vn" or (depth < 2 and w[3][:1] in ("r", "b", "a")
                                                              and _nounish(ws, k + 1, clause, depth + 1))


def _led_by_person(ws: tuple[Word, ...], i: int, clause: str) -> bool:
    """在公司党委书记的亲自部署下: a person under whose lead it was done (在公司党委的领导下, a body, is frame)."""
    phrase = _phrase_after(ws, i + 1, clause)
    return bool(phrase and _PERSON_HEAD.search(clause[phrase[0][0]:phrase[-1][1]]) and _UNDER.match(clause, phrase[-1][1]))


def _led_by_far_person(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """在分管工会工作的副总经理带领下: the person whose lead it was, written after a phrase that says which one (the
    noun phrase ending on the post right before 的带领下 …); [] when the words after 在 name the person themselves."""
    if _led_by_person(ws, i, clause):
        return []
    for k in range(i + 2, min(len(ws), i + 9)):
        if not ws[k][2].strip() or any(c in _BREAKS for c in clause[ws[k - 1][1]:ws[k][1]]):
            return []
        if _PERSON_HEAD.search(ws[k][2]) and _UNDER.match(clause, ws[k][1]) and "的" in clause[ws[i][1]:ws[k][0]]:
            return _phrase_before(ws, k + 1, clause)
    return []


def _phrase_after(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """The noun phrase starting at word i (nouns joined by nothing, 、 or 和)."""
    out: list[Word] = []
    for k in range(i, len(ws)):
        w = ws[k]
        if out and not _glued(clause, out[-1], w):
            break
        if out and w[2] == "之" and k + 1 < len(ws) and ws[k + 1][2] in _OF_HEADS and ws[k + 1][0] == w[1]:
            out += [w, ws[k + 1]]  # 职工/之/家: one noun jieba splits (项目部职工之家), the phrase's head
            break
        if not _nounish(ws, k, clause) and w[2] not in _GLUE:
            break
        out.append(w)
    while out and out[-1][2] in _GLUE:
        out.pop()
    return out


def _body_drawn_on(ws: tuple[Word, ...], i: int, clause: str) -> list[Word]:
    """The noun phrase after 依托/借助… up to its last word that ends a body or a person (律师事务所 of
    律师事务所代理劳动争议案件, 代理 tagged a noun), [] when none does or it names a place."""
    phrase = _phrase_after(ws, i, clause)
    while phrase and not _ACTOR_HEAD.search(named := clause[phrase[0][0]:phrase[-1][1]]):
        phrase = phrase[:-1]
    return phrase if phrase and not _PLACE_HEAD.search(named) else []


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
    counts = [k for k, w in enumerate(out) if any(c.isdigit() for c in w[2])
              or w[3] in ("m", "q") and w[0] and clause[w[0] - 1].isdigit()]
    return out[counts[-1] + 1:] if counts else out  # 800余名/观众: how many is the number check's


def _act(word: str, lex: FaithLexicon) -> bool:
    return asserts(lex, word) is not None or ignorable(lex, word) is not None


def _new_actor(clause: str, phrase: list[Word], reader: Reader) -> bool:
    """An actor phrase made of frame or generic words that names someone no fact names (工会主席, 爱心企业,
    上级工会 is frame: [abstract]): its head word, or the whole phrase, is written in no fact or context line."""
    text = clause[phrase[0][0]:phrase[-1][1]]
    head = phrase[-1][2]
    if not _ACTOR_HEAD.search(text) or head in reader.lex.abstract or text in reader.lex.abstract:
        return False
    written = text in reader.support.text or text in reader.support.alias_text
    return not written and (len(phrase) > 1 or not reader.backed(head))


def _day_name(ws: tuple[Word, ...], i: int) -> list[Word]:
    """The nouns written before the 日/月/周 at word i when a time marker (结合, 在 …) or the clause's start opens
    them (结合世界精神卫生日; not 举办会员服务日…, an event's name)."""
    k = i
    while k and ws[k - 1][1] == ws[k][0] and ws[k - 1][3].startswith(("n", "an", "vn", "j")):
        k -= 1
    return list(ws[k:i]) if k < i and (k == 0 or ws[k - 1][2] in _DAY_MARKERS) else []


def _placed(clause: str, phrase: list[Word]) -> bool:
    """Does the phrase end on a place (a head such as 中心, a place name, a landform), or on a locative (f: 脚下, 附近)
    written right after one (泰山/脚下)? Not the whole of a unit (全院: wordclass.whole_of)."""
    head = phrase[:-1] if len(phrase) > 1 and phrase[-1][3] == "f" else phrase
    return not whole_of(n := clause[head[0][0]:head[-1][1]]) and bool(
        _PLACE_HEAD.search(n) or head[-1][3] == "ns" or landform(head[-1][2]) or site(head[-1][2]))  # 监区训练场 (词林)


def past_count(ws: tuple[Word, ...], k: int) -> int:
    """k, or k + 1 when word k is a count (两个, 三座: a numeral and a measure word): the place phrase after 在/依托
    starts after it (依托两个职工创新工作室); how many is the number check's."""
    w = ws[k] if k < len(ws) else None
    return k + 1 if w is not None and w[3] == "m" and len(w[2]) >= 2 and parse_numeral(w[2][:-1]) is not None \
        and tag_of(w[2][-1]) == "q" else k


def arrived_at(ws: tuple[Word, ...], first: int, clause: str) -> list[Word]:
    """The place phrase from word `first`, after an arrival verb (送到各小区门岗, 来到监区训练场: 各 skipped), trimmed
    to its place head; [] when it names no place (送到职工手中, 落到实处, 感到温暖)."""
    phrase = _phrase_after(ws, first, clause)
    while phrase and not _placed(clause, phrase):
        phrase = phrase[:-1]
    return phrase


def through_de(ws: tuple[Word, ...], first: int, clause: str) -> list[Word]:
    """The words from `first` through a 的 at most four glued words on to the place phrase after it (在公司新建的室内
    球馆: a relative clause before the place), ending on its place head; [] when no place follows a 的 there."""
    for k in range(first, min(first + 5, len(ws))):
        if k > first and ws[k][0] != ws[k - 1][1]:
            return []
        if ws[k][2] == "的" and ws[k][0] - ws[first][0] >= 2:  # (有的站点: some of them, not a relative clause)
            tail = _phrase_after(ws, k + 1, clause)
            while tail and not _placed(clause, tail):
                tail = tail[:-1]
            plain = tail and tail[0][0] == ws[k][1] and not any(q in clause[ws[k][1]:tail[-1][1]] for q in "“”《》")
            return list(ws[first:k + 1]) + tail if plain else []  # (的“争当…城市”: a name, not a place)
    return []


def _span(phrase: list[Word]) -> tuple[int, int]:
    return phrase[0][0], phrase[-1][1]


_REVIEWS = re.compile(r"(?:评审|审核|审定|审议|审查|评定|评选|考评|考核|认定|推荐|论证|鉴定|把关)")


def _reviewed_by(ws, i: int, clause: str):
    """The people or body between 经 and a verb of review (经市作协专家评审, 经专家组评审), ending on a person, a post or a
    body; () when 经 opens no such phrase (经研究决定, 经过努力) or only judges of any contest (经专家评审)."""
    for j in range(i + 1, min(len(ws), i + 7)):
        if ws[j][0] != ws[j - 1][1]:
            return ()
        if _REVIEWS.fullmatch(ws[j][2]):
            phrase = ws[i + 1:j]
            named = phrase and (_ACTOR_HEAD.search(clause[phrase[0][0]:phrase[-1][1]]) or person_or_body(*phrase[-1][2:])
                                or phrase[-1][2].endswith(("组", "团")))  # 专家组, 评审团
            return phrase if named and not all(w[2] in _JUDGES for w in phrase) else ()
    return ()


_JUDGES = frozenset({"专家", "评委", "专家组", "评审组", "评委会", "评审团", "专家评委", "评审专家"})  # who judges any
# contest: 经专家评审 says only that 评出 was judged (a body of the draft's own, 市作协, is an actor)
