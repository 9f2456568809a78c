"""Named activities and documents in a clause (“送文艺进社区”, 《实施方案》, drafter.numcheck.claims): which of
them no fact names, a name written beside a given one (an object), figures of speech in quotes (打造…的“精神加油站”)
and the topic word after a given name (围绕“书香工会”主题), which name nothing of their own."""

from __future__ import annotations

import re

from drafter.models import Claim
from drafter.numcheck.rolewords import Reader, role_claim
from drafter.numcheck.support import Support, grams
from drafter.numcheck.synonyms import cilin_classes
from textkit.sentences import BREAKS, COMMAS, SENTENCE_ENDS, char_class


_NAME = re.compile(r"《[^》\n]{2,40}》|“[^”\n]{2,30}”")


_FIGURE = re.compile(r"(?:打造|成为|当好|争当|争做|筑起|变成|化身|誉为|称为|堪称|建成)"
                     + char_class(COMMAS + SENTENCE_ENDS + "《“", negate=True) + "{0,12}的$")
# a quoted phrase that nothing names as an activity, document or title: no act or honour verb before it, and
# 的, an adverb or the clause's end after it (诠释了“职工之家”的温度, 让辛苦钱“颗粒归仓”, 安全监督的“前哨”更加敏锐)
_WIDE_ENDS = "".join(c for c in COMMAS + SENTENCE_ENDS if not c.isascii())  # full-width only: 建“合格之家”,加强… is a name
_ACTS = (r"(?:开展|举办|组织|创建|创评|评为|评选|授予|获评|荣获|获得|命名|实施|推出|启动|打响|签订|制定|印发|审议|通过|成立"
         r"|组建|开设|设立|建立|发起|参加|参与|举行|召开|开通|上线|推行|深化|叫响|擦亮|打造|争创|争当)")
_NAMED_AFTER = re.compile(_ACTS + char_class(_WIDE_ENDS + "、", negate=True) + "{0,4}$")
_NAMED_LIST = re.compile(_ACTS + char_class(_WIDE_ENDS, negate=True) + "{0,16}$")  # a later item of a list it names
_FIGURE_END = re.compile("$|" + char_class("的" + _WIDE_ENDS) + "|、(?!“)|更加|更|越来越|日益|不断|进一步")


def named_before(clause: str, at: int, in_list: bool = False) -> bool:
    """Does an act or honour verb name what starts at `at` (开展“…”, 荣获“…”称号)? `in_list`: what starts there may
    be a later item of a list the verb names (开展春送岗位、夏送清凉…)."""
    if _NAMED_AFTER.search(clause, 0, at) is not None:
        return True
    return in_list and _NAMED_LIST.search(clause, 0, at) is not None


def _figure(clause: str, m: re.Match) -> bool:
    return len(m.group(0)) <= 8 and not _NAMED_AFTER.search(clause, 0, m.start()) \
        and _FIGURE_END.match(clause, m.end()) is not None


_QUOTE = re.compile(r"“([^”\n]{2,24})”")
_SLOGAN_PART = re.compile(r"[^、，,\s]{2,7}")
# what a name fills: an activity, event, plan, rule, title or place written right after the quote (“安康杯”知识竞赛,
# “预防为主、防调结合”的原则, “五个一、十个十”的计划, “五一”前夕), or an honour marker anywhere before it
_NAME_HEAD = re.compile(r"的?" + char_class(COMMAS + SENTENCE_ENDS + "、“《", negate=True) + r"{0,8}?"
                        r"(?:活动|竞赛|比赛|大赛|行动|工程|计划|规划|方案|办法|制度|机制|模式|原则|方针|要求|标准|工作法"
                        r"|品牌|项目|称号|基地|之家|工作室|书屋|驿站|小组|协会|联盟|系列|主题|专项|讲座|培训|宣讲|征文"
                        r"|展览|晚会|演出|前夕|期间|问题|倡议|学校|校园|社区|[杯节日周月会班赛奖岗号站点队展])")
_NUMERAL = re.compile(r"[0-9一二三四五六七八九十百千两]")  # “三个代表”, “六五”普法, “八个一”: a formula's name
_NAMED_THING = re.compile(r"(?:企业|单位|之家|班组|车间|集体|个人|中心|工程|活动|竞赛|杯|岗|站|室|号|日|节|学校|社区)$")  # “职工之家”, “典型企业”
_HONOURED = re.compile(r"评为|授予|荣获|获评|命名|当选|评选为|认定为|获得")


def quote_spans(clause: str) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTE.finditer(clause)] if "“" in clause else []


def figure_spans(clause: str, reader=None) -> list[tuple[int, int]]:
    """The quoted figures of speech and slogans of a clause, quotes included (“血汗钱”, “金点子”, 架起“连心桥”,
    “职工有所呼、企业有所应”, “人人讲创新、事事求创新”的浓厚氛围): a quoted term of up to six characters, or of
    two to four short parts joined by 、/，, that fills no name's slot: no numeral in it (“三个代表”), no named
    place, body or event (“职工之家”, “典型企业”), no act or
    honour verb names it (开展“…”, 被评为…“…”), and no activity, event, plan, rule or title head follows it within
    eight characters (“安康杯”知识竞赛, “…”的原则, “我运动、我健康”教职工冬锻活动). They say
    what the work is like, not what was done, so they fill no role (issue 19, session 13)."""
    if "“" not in clause:
        return []
    key = ("figures", clause)
    cache = reader.support.clause_roles if reader is not None else None
    if cache is not None and key in cache:
        return cache[key]
    out = _figures(clause, reader)
    if cache is not None:
        cache[key] = out
    return out


def _counted(inner: str) -> bool:
    """A numeral in a quoted term names a formula (“三个代表”, “六五”普法), unless it is inside a dictionary word
    that 词林 knows as a whole (“千里眼”, “一把手”: a figure)."""
    return bool(_NUMERAL.search(inner)) and not (inner in cilin_classes() and len(inner) >= 3)


def _new_objects(inner: str, reader) -> bool:
    """Does the quote name an object word no fact writes (“职代会、厂务公开、工资集体协商”, “金秋助学”)?"""
    return any(not reader.backed(m.group(0)) for m in reader.lex.object_re.finditer(inner))


def _figures(clause: str, reader) -> list[tuple[int, int]]:
    out = []
    for m in _QUOTE.finditer(clause):
        inner = m.group(1)
        parts = re.split("[、，,]", inner)
        short = len(inner) <= 6 and len(parts) == 1
        slogan = 2 <= len(parts) <= 4 and all(_SLOGAN_PART.fullmatch(p) for p in parts)
        styled = short and len(inner) >= 3 and inner[-1] in "式化"  # “节日式”, “常态化”: a manner, whatever X names
        if (short and not _counted(inner) or slogan) and not _NAMED_THING.search(inner) \
                and not (reader and _new_objects(inner, reader) and not styled) \
                and not _NAMED_AFTER.search(clause, 0, m.start()) \
                and not _HONOURED.search(clause, 0, m.start()) and not _NAME_HEAD.match(clause, m.end()):
            out.append(m.span())
    return out


_TOPIC = re.compile(r"[“《]([^”》\n]{2,30})[”》]的?(主题)")  # “书香工会”主题: the name's topic, no thing of its own
# 以 X 为 N: 为N says what X is to the work (its theme, means, base, occasion), never a thing of its own; X is judged
_RELATION = re.compile(f"以{char_class(BREAKS + chr(10) + '以', negate=True)}{{1,24}}?" r"(为(?:主题|主线|载体|阵地|主阵地|抓手|契机|依托|纽带|平台|突破口|切入点|着力点"
                       r"|重点|核心|主体|龙头|导向|引领|牵引|基础))")


def given_topics(text: str, support: Support) -> str:
    """`text` with 主题 blanked after a quoted name the facts write (围绕“书香工会”主题开展读书活动), and the 为N of
    以X为N (以“书香工会”为主题开展…, 以职工书屋为阵地…); same length."""
    for m in _TOPIC.finditer(text):
        if m.group(1) in support.text:
            text = text[:m.start(2)] + "  " + text[m.end(2):]
    for m in _RELATION.finditer(text):
        text = text[:m.start(1)] + " " * len(m.group(1)) + text[m.end(1):]
    return text


def unbacked_names(clause: str, support: Support, kinds: dict[str, tuple[str, ...]] | None = None,
                   lex=None) -> list[str]:
    """Named activities and documents (“送文艺进社区”, 《实施方案》) whose words the facts do not write; a name the
    lexicon's [kinds] table knows is backed by its kinds too (“送温暖” by a fact about 慰问)."""
    out = []
    figures = figure_spans(clause, Reader(support, lex)) if lex is not None else []  # “血汗钱”: lex's figures
    for m in _NAME.finditer(clause):
        own, inner = grams(m.group(0)), m.group(0)[1:-1]
        if m.group(0)[0] == "“" and (_FIGURE.search(clause, 0, m.start()) or _figure(clause, m) or m.span() in figures):
            continue  # 为职工打造了家门口的“精神加油站”: a figure of speech, not a named activity
        if own and inner not in support.text and 2 * len(own & support.words) < len(own) \
                and not (kinds and inner in kinds and support.backs(inner, kinds[inner])):
            out.append(m.group(0))
    return out


_NAME_AFTER = re.compile(r"([《“])([^》”\n]{2,40})[》”](?:和|、|及|与|以及)[《“]([^》”\n]{2,40})[》”]")


def sibling_names(clause: str, offset: int, support: Support, kinds: dict | None = None, lex=None) -> list[Claim]:
    """A named document or activity joined by 和/、 to one the facts name (《员工绩效考核办法》和《职工休假管理规定》):
    an object beside the given one, its note naming that one."""
    if "《" not in clause and "“" not in clause:
        return []
    new = set(unbacked_names(clause, support, kinds, lex))
    out = []
    for m in _NAME_AFTER.finditer(clause):
        given, added = m.group(2), m.group(3)
        if f"{m.group(1)}{given}" + ("》" if m.group(1) == "《" else "”") not in new and any(added in n for n in new):
            out.append(role_claim("object", m.start(3), m.end(3), clause, offset, given))
    return out


def names_outside(clause: str, found: list[Claim], support: Support, kinds: dict | None = None, lex=None) -> bool:
    """Does the clause name an activity or document no fact names, outside every role claim's words?"""
    if "《" not in clause and "“" not in clause:
        return False
    return any(not any(n[1:-1] in c.text or c.text in n for c in found) for n in unbacked_names(clause, support, kinds, lex))
