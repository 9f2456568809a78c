"""A missing word of a number's item judged by its kind (issue 19, session 19: judge meaning, not words).

drafter.numcheck.qualifiers reports the words of a fact's item that the draft's clause does not write. A strong
model drops or rewords words that leave the counted thing as it is: a topic qualifier (完成攻关课题12项 for 完成科研
攻关课题12项), an act of the item said in other words (打造职工小家 for 建设职工小家). Such a word is *harmless* and the number stays supported when all of these hold:
  * 词林 knows the word, and only as an act, a state, a topic or an object: classes H (human activities), Ie/Ig
    (situations, beginnings), Dk (culture and study), Df (mind), De (skills), Ef/Eb (states, traits: 安全, 清凉),
    B (objects: 电网 of 电网抢修任务). People (A), places and times (C), qualities and grades (Ed, Ee: 困难, 一线,
    优秀, 重大), levels and scopes (Dd: 市级, 全市), bodies (Di: 班组) and money (Dj) change the referent and stay
    reported; so does a word 词林 does not know, and a proper name or grading word (jieba b, ns, nt, nr, nz);
  * the count is no money (元: 工会经费收入 -> 收入 is another figure, docs/check_rules.md);
  * it does not qualify people: neither its jieba word nor the next one names people (退休 of 退休职工);
  * it is not the item's head (书屋 of 职工书屋, 建议 of 建议120条, 咨询 of 心理咨询260人次: an act said in other
    words there is left to the item judge, drafter.pipeline.item_judging), and not the item's first act (left to drafter.numcheck.itemsense.action_kept: 拆除 for
    安装 stays a change);
  * the draft's item puts no noun of its own after its first verb (法律咨询 for 心理咨询; 技术攻关课题 for 科研攻关课题),
    and when it writes a verb of its own, it keeps two characters of another content word of the fact's item that
    is no people word (心理 of 心理咨询);
  * the draft's item writes no word of its own that another fact's line writes (a swap: 心理培训 where another fact
    is 技能培训), and no other fact with the same unit has the item's head without the word (科研攻关课题 beside
    管理攻关课题: the word tells the two apart).
Such a number is listed to read (CheckResult.unverified, kind item: drafter.numcheck.reworded). Known limits: a
verb of the draft's own that replaces a non-first act is not compared in meaning (the kept content word is the
only guard).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from drafter.numcheck.items import kin_of
from drafter.numcheck.itemsense import action_of, names_people, verb_like
from drafter.numcheck.measurenoun import said_by_unit
from drafter.numcheck.mention import Mention
from drafter.numcheck.peoplerefs import renamed_by_act
from drafter.numcheck.shortform import short_form
from drafter.numcheck.words import words as words_of
from drafter.numcheck.faithlex import ignorable

HARMLESS_CLASSES = ("H", "Ie", "Ig", "Dk", "Df", "De", "Ef", "Eb", "B")  # acts, situations, topics, mind, skills,
# states, physical traits (清凉) and objects (电网 of 电网抢修任务)
STRICT_TAGS = ("b", "ns", "nt", "nr", "nz")  # grading words (省级, 女) and proper names


def harmless(word: str, fact: Mention, m: Mention, others: Iterable[Mention], lex) -> bool:
    """Is the missing `word` of `fact`'s item one that leaves the counted thing as it is (see the module doc)?"""
    if said_by_unit(word, fact, m) or short_form(word, fact, m) or renamed_by_act(word, fact, m):
        return True  # 案件 of 法律援助案件41件: the unit says it (measurenoun); 送餐 as 送去班中餐 (shortform); 焊工 (peoplerefs)
    if not _kind_harmless(word) or (fact.unit and "元" in fact.unit) or (m.unit and "元" in m.unit):
        return False
    item = fact.item or ""
    spans = words_of(item)
    ws = [(w, tag) for _, _, w, tag in spans]
    pos = item.find(word)
    at = next((k for k, (s, e, _, _) in enumerate(spans) if s <= pos < e), None) if pos >= 0 else None
    if at is None or names_people(ws[at][0]) or at + 1 < len(ws) and names_people(ws[at + 1][0]):
        return False  # not in the item, or a qualifier of people (退休 of 退休职工)
    if item.endswith(word):
        return False  # the item's head: 书屋 of 职工书屋, 建议 of 建议120条, 咨询 of 心理咨询 (心理疏导 is a paraphrase,
        # 法律诉讼 of 法律咨询 is not: the rules cannot tell, the item judge is asked: drafter.numcheck.undecided)
    if word == action_of(item):
        return False  # the item's first act: replaced only by a near verb (drafter.numcheck.itemsense.action_kept)
    own = [(w, tag) for _, _, w, tag in words_of(m.item or "") if len(w) >= 2 and w not in fact.source
           and not ignorable(lex, w)]
    obj = _object(own, m.item or "")
    if any(not verb_like(w, tag) for w, tag in obj):
        return False  # a noun of the draft's own in the item's object: another thing or other people
    if obj and not any(_near(word, w) for w, _ in obj):
        return False  # an act-noun of the object replaced by others (劳动争议案件 -> 劳动仲裁诉讼案件)
    if any(verb_like(w, tag) for w, tag in own) and not _keeps_content(ws, word, m.item or "", lex):
        return False  # the word replaced by another act, with nothing else of the item kept
    mine = [w for _, _, w, _ in words_of(m.item or "") if len(w) >= 2 and w not in fact.source]
    return not _tells_apart(word, ws, fact, mine, others, lex)


def _kind_harmless(word: str) -> bool:
    classes = kin_of(word)
    tags = [tag for _, _, _, tag in words_of(word)]
    return bool(classes) and all(c.startswith(HARMLESS_CLASSES) for c in classes) \
        and not any(t in STRICT_TAGS for t in tags)


def _object(own: list[tuple[str, str]], draft_item: str) -> list[tuple[str, str]]:
    """The draft's own words after the first verb of its item (the words before it are its actor: 矿工会组织排查隐患;
    a verb inside the object stays in it: 完成技术攻关课题)."""
    first = next((s for s, _, w, tag in words_of(draft_item) if verb_like(w, tag)), -1)
    return [(w, tag) for w, tag in own if draft_item.rfind(w) > first]


def _near(word: str, other: str) -> bool:
    """Do the two words share a 词林 group (its first four code characters: 咨询/询问)?"""
    return any(a[:4] == b[:4] for a in kin_of(word) for b in kin_of(other))


def _keeps_content(ws: list[tuple[str, str]], word: str, draft_item: str, lex) -> bool:
    """Does the draft's item write two characters in a row of the fact's item that are no people word and no ignored
    word (心理 of 心理咨询, 小家 of 职工小家)?"""
    for w, _ in ws:
        if names_people(w) or ignorable(lex, w):
            continue
        if any(w[i:i + 2] in draft_item and not ignorable(lex, w[i:i + 2]) for i in range(len(w) - 1)):
            return True
    return False


def _tells_apart(word: str, ws: list[tuple[str, str]], fact: Mention, own: list[str],
                 others: Iterable[Mention], lex) -> bool:
    """Does the draft write a word of its own that another fact's line writes (a swap: a content word, or the head
    of that fact's item, 培训 of 技能培训), or does another fact of the same unit have this item's head without
    `word` (the word is what tells the two apart)?"""
    head = ws[-1][0] if ws else ""
    for other in others:
        if other.source == fact.source:
            continue
        if any(w in other.source and (not ignorable(lex, w) or (other.item or "").endswith(w))
               for w in own):
            return True
        if other.unit == fact.unit and len(head) >= 2 and head != word and head in (other.item or "") \
                and word not in other.source:
            return True
    return False


def other_facts(by_value: Mapping | None) -> list[Mention]:
    """Every fact number of the fact set (from FactIndex.by_value)."""
    return [fact for entries in (by_value or {}).values() for _, fact in entries]
