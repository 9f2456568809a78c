"""Items: what each number counts or measures ("困难职工…户", "会员…人", "慰问金…元").

A number's item is read from its own clause, clipped at the neighbouring numbers so that each number keeps
its own words: the words just before it (the verb's object or the noun it counts: 走访慰问困难职工86户) and the
noun after its measure word (为32户单亲家庭). No dictionary and no tagger: the item is compared as a set of
character bigrams (the same words as the context words of drafter.numcheck.context), so binding is linear
and deterministic. `display` gives the short words shown in reports ("走访慰问困难职工", "单亲家庭").

Binding decides (in drafter.numcheck.match):
  * among facts with the same value and unit, the one whose item shares most words proves the number;
  * a fact of the same unit group with another value whose item is clearly closer (more shared words, at least
    two) means the number sits on another item: a swap, reported as a mismatch naming both facts;
  * a number of people or households whose item shares no word and no character with the proving fact's
    item is a mismatch too (新发展会员86人 where the fact is 走访困难职工86人);
  * so is a percentage on a rate whose name shares no character with the fact's rate (建会率100% where the
    fact is 办结率100%; 参检率 for 体检率 shares 检 and passes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from drafter.numcheck.context import bigrams
from drafter.numcheck.implied import implied
from drafter.numcheck.mention import Mention
from drafter.numcheck.peoplerefs import same_people
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import words
from textkit.sentences import BREAKS, COMMAS, ENUM_COMMA, FULL_STOP, SEMICOLONS, SENTENCE_ENDS, char_class

BEFORE, AFTER = 12, 8
_CLAUSE_END = re.compile(char_class(BREAKS + ENUM_COMMA + "\n（）()"))  # a quoted name is part of the item
_QUOTES = "“”\""
_QUOTE = re.compile(f"[{_QUOTES}]")
# 73条意见建议中已有58条: the words before 中 name the whole the earlier number counts, not this number's item
_PART_OF = re.compile(r"[中里](?:[已尚还共均]*有|已)?$")
_LEAD = re.compile(r"^(?:其中|共计|累计|合计|总计|全年|今年|一共|共|为|对|向|给|把|将|有|约|达到|达|计|了|的)+")
# a one-character marker is no marker as the end of a word: 审计 keeps its 计 (开展经费专项审计2次), 下达 its 达, 平等 its 等
_TRAIL = re.compile(r"(?:共计|累计|合计|总计|达到|共|(?<![下表传送抵到发])达|(?<![审统设会估核])计|(?<![节签公条制])约|了|"
                    r"(?<![拥具所没享占持])有|(?<![成作认行])为|(?<![平同均对高中初上])等|(?<![附最亲邻])近|超过|逾|多达|大约|将近|接近)+$")
_TRAIL_LAST = frozenset("计到共达约了有为等近过逾")  # the last characters of _TRAIL's words: it ends on one of them
# An adverb after the counted noun ends it too: 300余名职工踊跃参与 counts 职工, not 职工踊跃.
_AFTER_STOP = re.compile(r"[的了和及与并在是将把对为从向到让使给由被均已都]|共(?!青)|参加|参与|开展|进行|组织|送去|发放|获得|参赛|同台|同场|"
                         r"踊跃|积极|纷纷|主动|先后|共同|全部|分别|相继|陆续|自愿|顺利|成功|全员|一起|一同")
_LEAD_AFTER = re.compile(r"^(?:[名位个次余多]|左右|以上|之多)+")
# Groups whose numbers count people or households: an unrelated item there is a mismatch (see module doc).
PEOPLE_GROUPS = frozenset({"人", "户", "人次", "户次", "家"})
_NO_CHARS = frozenset("的了和与及在是为对等共计达有约其中全年今年职工工会活动组织参加开展")


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def windows(text: str, start: int, end: int, prev_end: int, next_start: int) -> tuple[str, str]:
    """The words before and after a number, inside its clause and between its neighbouring numbers."""
    lo = max(prev_end, start - BEFORE, 0)
    before = text[lo:start]
    cuts = [m.end() for m in _CLAUSE_END.finditer(before)]
    if cuts:
        before = before[cuts[-1]:]
    part = _PART_OF.search(before) if prev_end > start - BEFORE else None
    if part:
        before = before[part.end():]
    after = text[end:min(next_start, end + AFTER)]
    stop = _CLAUSE_END.search(after)
    if stop:
        after = after[:stop.start()]
    return before, after


@lru_cache(maxsize=1 << 14)  # (the same windows are read for the number check and the view)
def display(before: str, after: str, group: str | None) -> str:
    """Short words naming the item: the noun after a measure word, else the words before the number."""
    head = _LEAD.sub("", before.strip())
    head = _TRAIL.sub("", head) if head[-1:] in _TRAIL_LAST else head
    tail = _LEAD_AFTER.sub("", after.strip())
    noun = ""
    for char_pos, char in enumerate(tail):
        if char in _QUOTES and group not in PEOPLE_GROUPS:  # 6次“厂长接待日”; 68名“兵哥哥”: a nickname, no item
            noun += char
            continue
        if not _is_cjk(char) or _AFTER_STOP.match(tail, char_pos):
            break
        noun += char
    if len(noun) >= 2 and group not in ("元", "%", "日期", "百分点"):
        return noun
    if len(head) >= 2:
        return head
    words = (head + _QUOTE.split(tail)[0]).strip(COMMAS + FULL_STOP + SEMICOLONS + " ")
    return words[:AFTER] if words else ""


def bind(mentions: Sequence[Mention], text: str) -> None:
    """Set `item` (display words) and `item_grams` (bigrams) on every mention of `text`, in one pass."""
    for i, m in enumerate(mentions):
        prev_end = mentions[i - 1].end if i else 0
        next_start = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        before, after = windows(text, m.start, m.end, prev_end, next_start)
        m.item = display(before, after, m.group)
        m.item_grams = frozenset(bigrams(before) | bigrams(after))


def affinity(a: Mention, b: Mention) -> int:
    """How many item words two numbers share."""
    return len((a.item_grams or frozenset()) & (b.item_grams or frozenset()))


def unrelated(draft: Mention, fact: Mention, lex=None) -> bool:
    """Items of people/households that share no word and no meaningful character (新发展会员 vs 走访困难职工),
    or two rates named by other words (建会率 vs 办结率)."""
    if draft.group == "%" and fact.group == "%":
        return _other_rates(draft.item or "", fact.item or "")
    if draft.group not in PEOPLE_GROUPS or fact.group != draft.group:
        return False
    if len(draft.item_grams or ()) < 2 or len(fact.item_grams or ()) < 2 or affinity(draft, fact):
        return False
    chars_d = set(draft.item or "") - _NO_CHARS
    chars_f = set(fact.item or "") - _NO_CHARS
    if not (bool(chars_d) and bool(chars_f) and not (chars_d & chars_f)):
        return False
    if said_after(draft, fact) or not names_a_thing(draft.item or ""):
        return False
    if _people_doing(draft.item or "", fact.item or "") or implied_people(draft.item or "", fact.source or ""):
        return False  # 52名职工大展身手 for 参赛职工52人: the same people, what they did; 135名孩子 at a 托管班
    if same_people(draft, fact):
        return False  # 86名焊工 at a 焊接 contest, 9名职工获此殊荣 (drafter.numcheck.peoplerefs)
    return lex is None or not _reworded(draft.item or "", fact.source, lex)


NOUN_TAGS = ("n", "vn", "an")  # jieba's noun tags (n, nr, ns, nt, nz, ng …), nouns of verbs and adjectives
NOUN_CLASSES = "ABD"  # 词林 major classes of people, things and abstract things (jieba tags 提案 v: 词林 says Dk)


def names_a_thing(item: str) -> bool:
    """Does the item hold a noun (by jieba's tag or a 词林 class; or a word neither knows, mostly a name)? 聆听,
    吸引 and 接听 name none: a number on them is put on no other thing than its fact's (4800余人次聆听 for
    受众4800余人次; 累计吸引260人次参与 for 参加青年职工260人次): its fact's item is left unsaid, not changed."""
    return any(tag.startswith(NOUN_TAGS) or tag == "x" and len(w) >= 2
               or any(c[0] in NOUN_CLASSES for c in kin_of(w)) for _, _, w, tag in words(item))


def kin_of(word: str) -> frozenset[str]:
    """The 词林 classes of `word`, or else of its longest ending that 词林 lists (职工 of 困难职工, tagged l)."""
    kin = cilin_classes()
    for k in range(len(word) - 1):
        if word[k:] in kin:
            return kin[word[k:]]
    return frozenset()


_SENTENCE_END = re.compile(f"{char_class(SENTENCE_ENDS + chr(10))}|[0-9０-９]")  # the sentence's end, or the next figure


def said_after(draft: Mention, fact: Mention) -> bool:
    """Does the draft's sentence write the fact's item after the number, before its end or the next figure
    (27名职工脱颖而出，荣获公司技术能手称号 for 27人获评公司技术能手): half of the item's content bigrams or more?"""
    item = fact.item or ""
    grams = {g for g in (item[i:i + 2] for i in range(len(item) - 1)) if not set(g) & _NO_CHARS}
    if not grams or not draft.source:
        return False
    stop = _SENTENCE_END.search(draft.source, draft.end)
    tail = draft.source[draft.end:stop.start() if stop else len(draft.source)]
    return 2 * sum(g in tail for g in grams) >= len(grams)


def _people_doing(item: str, fact_item: str) -> bool:
    """Does the draft's item open on the people that end the fact's item and go on with what they did, naming no
    other people, thing, place or event (52名职工大展身手 for 参赛职工52人; not 职工家属, 职工篮球赛)?"""
    ws = [w for w in words(item) if w[2].strip()]
    if len(ws) < 2 or not fact_item.endswith(ws[0][2]) or not _people(ws[0][2]):
        return False
    return not any(w[3] in ("nr", "ns", "nt", "nz") or any(c[0] in "ABC" for c in kin_of(w[2]))
                   or _EVENT_END.search(w[2]) for w in ws[1:])


def implied_people(item: str, fact_line: str) -> bool:
    """Does the draft's item name people the fact line's work makes expected (孩子 at a 托管班 or 夏令营: the
    [implied] table of drafter/data/implied_words.toml), and nothing else of its own?"""
    ws = [w[2] for w in words(item) if len(w[2]) >= 2]
    return bool(ws) and all(fact_line.find(w) >= 0 or implied(w, fact_line) and _people(w) for w in ws) \
        and any(implied(w, fact_line) and _people(w) for w in ws)


def _people(word: str) -> bool:
    kin = kin_of(word)
    return bool(kin) and all(c[0] == "A" for c in kin)


_EVENT_END = re.compile("[会赛展营班课座]$")


def _reworded(item: str, line: str, lex) -> bool:
    """The draft's item is the fact line's in other words: once the words a rewording may drop (覆盖, 参赛 …)
    are taken out, what is left is written in the fact's line or is a synonym of a word there
    (为42名困难职工子女发放助学金 for 为困难职工子女发放助学金，共资助42人)."""
    rest = lex.item_ignore.sub(" ", item)
    for word, others in (lex.item_synonyms or {}).items():
        if word in rest and any(o in line for o in others):
            rest = rest.replace(word, " ")
    pieces = [p for p in re.split(r"[\s的了和与及在为对给]+", rest) if len(p) >= 2 and not set(p) <= _NO_CHARS]
    return all(p in line or _only_verbs_missing(p, line) for p in pieces)


def _only_verbs_missing(piece: str, line: str) -> bool:
    """Are the words of `piece` that the line does not write all verbs (jieba v, or 词林 H/I/J only)? The nouns
    name the thing; a verb after them is the draft's predicate (57名患大病职工得到帮扶 for 为患大病职工…，救助职工57人)."""
    ws = [(w, tag) for _, _, w, tag in words(piece) if len(w) >= 2 and w not in line]
    written = [w for _, _, w, _ in words(piece) if len(w) >= 2 and w in line]
    return bool(written) and all(tag == "v" or kin_of(w) and all(c[0] in "HIJ" for c in kin_of(w)) for w, tag in ws)


_RATE = re.compile(r"([\u4e00-\u9fff]{1,6})率$")


def _other_rates(draft_item: str, fact_item: str) -> bool:
    """Both items name a rate (…率) and the rates' own words share no meaningful character."""
    a, b = _RATE.search(draft_item), _RATE.search(fact_item)
    if not a or not b:
        return False
    chars_d, chars_f = set(a.group(1)) - _NO_CHARS, set(b.group(1)) - _NO_CHARS
    return bool(chars_d) and bool(chars_f) and not (chars_d & chars_f)
