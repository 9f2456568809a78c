"""Items kept: a supported number must keep its fact's qualifiers and head noun (issue 10, the dropped-qualifier gap).

A draft number whose value and unit a fact proves is still a `mismatch` when the draft sentence that states it
leaves out a word of the fact's item: a dropped qualifier (fact 全年工会经费收入215.3万元, draft 工会全年共收入215.3万元:
'经费' is missing) or a changed head noun (fact 会员总数1842人, draft 职工总数1842人: '会员' is missing, '职工' came
instead). The note names the fact and the missing words (Chinese).

The rule, on characters (no tagger, linear, deterministic):
  * the fact's item is its display words (drafter.numcheck.items: the words just before the number, or the noun
    after its measure word), at most ITEM_CHARS characters nearest the number;
  * a character of the item is kept when one of its two bigrams in the item (with its left or right
    neighbour) occurs in the number's clause in the draft (between ，、：；。), read with the clause before it
    when the number's own words name nothing the fact's item does not (…筛查，共筛查347人), or in its sentence
    when that clause names no item of its own (共32户);
  * from each run of characters not kept, function characters (共, 了, 的, 和 …), the words of the lexicon's
    [items] `ignore` list (verbs, time and
    organisation words: 发放, 开展, 全年, 春节, 工会 …) are taken out, and so is a word of an [items] `synonyms`
    group when the draft writes another word of its group (职工/员工); what is left, two characters or more, is
    a missing word;
  * when several facts prove the value, the number passes if any of them keeps its item.
So word order (312人次职工参赛 for 参赛职工312人次), a synonymous verb (送去慰问金 for 发放慰问金) and added 共/了
(全年共发展新会员126人 for 全年新发展会员126人) pass.
A missing word left after drafter.numcheck.itemsense is judged by its kind (drafter.numcheck.itemkind): an act, a
state or a topic that leaves the counted thing as it is (完成攻关课题 for 完成科研攻关课题) is no change; a number
passed so is listed to read (drafter.numcheck.reworded).

Known limits: a one-character qualifier (女职工 -> 职工, 新会员 -> 会员) is not reported; a missing word written
in the scope read (that clause, the clause before it, or the sentence) counts as kept; a qualifier farther than ITEM_CHARS from the number is not
checked; a head replaced by a synonym outside the [items] synonyms is reported (add the group).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from functools import lru_cache

from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.actafter import said_after
from drafter.numcheck.antecedent import named_before
from drafter.numcheck.itemkind import harmless, other_facts
from drafter.numcheck.itemsense import kept_by_meaning, verb_like
from drafter.numcheck.mention import Mention
from drafter.numcheck.quotes import quote, quotes
from drafter.numcheck.reworded import to_read
from drafter.numcheck.rolewords import OTHER_OBJECT
from drafter.numcheck.samepeople import renamed_people
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.words import tag_of, words as words_of
from textkit.sentences import CLAUSE_ENDS, SENTENCE_ENDS

ITEM_CHARS = 8  # the item words nearest the number that are checked
SENTENCE_CHARS = 200  # how far the draft sentence around a number is read, each side
SENTENCE_STOPS = SENTENCE_ENDS + "\n"
CLAUSE_STOPS = SENTENCE_STOPS + CLAUSE_ENDS + "、"
_FUNCTION = re.compile("[共了已还均都又再并和及与的等为对向在将把被给有其中所]")
_DIGIT = re.compile("[0-9０-９]")
_STOP_MARKS = {stops: re.compile(f"[{re.escape(stops)}]") for stops in (SENTENCE_STOPS, CLAUSE_STOPS)}  # built once


class Stops:
    """The sentence and clause marks of a draft, found once (each number's scope is then two bisections)."""

    def __init__(self, text: str):
        self.text = text
        self.marks = {stops: [m.start() for m in mark.finditer(text)] for stops, mark in _STOP_MARKS.items()}

    def bounds(self, start: int, end: int, stops: str = SENTENCE_STOPS) -> tuple[int, int]:
        """(start, end) of the sentence (or clause) holding [start, end), at most SENTENCE_CHARS each side."""
        marks = self.marks[stops]
        lo, hi = max(0, start - SENTENCE_CHARS), min(len(self.text), end + SENTENCE_CHARS)
        i, j = bisect_left(marks, start), bisect_left(marks, end)
        left = marks[i - 1] + 1 if i and marks[i - 1] >= lo else lo
        return left, (marks[j] if j < len(marks) and marks[j] < hi else hi)


def scope(m: Mention, stops: Stops, fact_item: str, lex: FaithLexicon) -> str:
    """Where the fact's item words must be: the number's clause, with the clause before it (in the same
    sentence) when the number's own words name nothing the fact's item does not (组织女职工“两癌”筛查，共筛查347人);
    its sentence when the clause names no item of its own (为单亲家庭送去慰问品，共32户)."""
    own = [c for c in _FUNCTION.sub("", lex.item_ignore.sub("", m.item or "")) if _cjk(c)]
    if len(own) < 2:
        return stops.text[slice(*stops.bounds(m.start, m.end))]
    lo, hi = stops.bounds(m.start, m.end, CLAUSE_STOPS)
    if set(own) <= set(fact_item):
        first = stops.bounds(m.start, m.end)[0]
        lo = max(first, stops.bounds(lo - 1, lo - 1, CLAUSE_STOPS)[0]) if lo > first else lo
    return stops.text[lo:hi]


def missing_words(item: str, sentence: str, lex: FaithLexicon) -> list[str]:
    """The words of `item` (runs of two or more characters) that `sentence` does not write."""
    item = item[_window(item):]
    if item in sentence:
        return []  # written as it is (the common case)
    for word, others in _synonyms_in(item, lex):  # 考入大学 for 大学新生, whatever the characters around;
        # not a part of the word itself (建议 of 合理化建议: a dropped qualifier)
        if len(word) >= 2 and word in item and any(o not in word and o in sentence for o in others):
            item = item.replace(word, " " * len(word))
        elif len(word) == 4 and _split(item, word) and any(o not in word and o in sentence for o in others):
            for half in (word[:2], word[2:]):  # 拖欠农民工工资 for the sentence's 欠薪 (拖欠工资): the word split
                item = item.replace(half, "  ", 1)
    runs, run, last = [], "", len(item) - 1
    for i, char in enumerate(item):  # a pair of characters the sentence writes (a substring test, no set built)
        if not _cjk(char) or i and item[i - 1:i + 1] in sentence or i < last and item[i:i + 2] in sentence:
            runs, run = runs + [run], ""
        else:
            run += char
    words = []
    for piece in runs + [run]:
        if len(piece) < 2:
            continue
        for word, others in _synonyms_in(piece, lex):
            if word in piece and any(other in sentence for other in others):
                piece = piece.replace(word, " ")
        piece = lex.item_ignore.sub(" ", _FUNCTION.sub(" ", piece))
        words += [w for w in piece.split() if len(w) >= 2 and not _abbreviated(w, sentence)]
    return [w for w in words if not _kin_written(w, sentence)] if words else words


def _split(item: str, word: str) -> bool:
    """Does `item` write the four-character `word` in two halves with other words between (拖欠农民工工资)?"""
    at = item.find(word[:2])
    return at >= 0 and word[2:] in item[at + 2:at + 10]


def _window(item: str) -> int:
    """Where the item's last ITEM_CHARS characters start, moved back to the start of a word they cut (职工子女举办…
    read from 子女, never from the fragment 女举)."""
    cut = max(0, len(item) - ITEM_CHARS)
    if cut == 0:
        return 0
    return next((s for s, e, _, _ in words_of(item) if s <= cut < e), cut)


def _synonyms_in(text: str, lex: FaithLexicon) -> list[tuple[str, tuple[str, ...]]]:
    """The [items] synonym entries whose word starts with a character of `text`, in the lexicon's order (the
    only entries a substring test of `text`, or of it with some words blanked, can find)."""
    table = _synonyms_by_char(lex)
    found = [entry for c in {"", *text} for entry in table.get(c, ())]
    found.sort(key=lambda entry: entry[0])
    return [(word, others) for _, word, others in found]


@lru_cache(maxsize=8)
def _synonyms_by_char(lex: FaithLexicon) -> dict[str, tuple[tuple[int, str, tuple[str, ...]], ...]]:
    """The lexicon's [items] synonyms by the first character of their word: (order, word, other words)."""
    out: dict[str, list] = {}
    for k, (word, others) in enumerate((lex.item_synonyms or {}).items()):
        out.setdefault(word[:1], []).append((k, word, others))
    return {c: tuple(entries) for c, entries in out.items()}


_PERIOD = re.compile(r"[年月季周日](?=平均|均)")  # 月平均工资, 年均增长: the period a rate is over


def period_swapped(item: str, sentence: str) -> list[str]:
    """The period of a rate in the item that the sentence writes as another (年平均工资 for 月平均工资): one
    character, so missing_words never reports it."""
    for m in _PERIOD.finditer(item):
        rest = item[m.end():m.end() + 2]
        if m.group(0) + rest not in sentence and any(p + rest in sentence for p in "年月季周日" if p != m.group(0)):
            return [m.group(0)]
    return []


def _kin_written(word: str, sentence: str) -> bool:
    """Does the sentence write a word of the same small 同义词词林 class (乘坐 for 乘车, 组建 for 新建), or, for a verb,
    a verb sharing a character with it (考取 for 取得)?"""
    own = _bridged(word)
    verb = tag_of(word) == "v"
    if not (verb and not set(word).isdisjoint(sentence) or own and any(k in sentence for k in _kin(word))):
        return False  # no kin word and no shared character written: no word of the sentence can be one (the
        # sentence, a new window of up to 400 characters for each number, is segmented only when one may be)
    return any(len(w) >= 2 and w != word and (own and own & cilin_classes().get(w, frozenset())
                                               or verb and verb_like(w, tag) and set(w) & set(word))
               for _, _, w, tag in words_of(sentence))


@lru_cache(maxsize=4096)
def _bridged(word: str) -> frozenset[str] | None:
    """`word`'s small 词林 classes; for a word of one people class only, also the classes of a word of exactly two people
    classes sharing one with it (儿童 Ab04B -> 孩子 Ab04B/Ah14C -> 子女): one kind of people said from two sides
    (age, kinship). People in general (Aa) bridge nothing."""
    own = cilin_classes().get(word)
    if not own or len(own) != 1 or not all(c[0] == "A" for c in own):
        return own  # a word of one kind of people only (儿童), not one of many senses (老人)
    words = _class_words()
    bridges = (cilin_classes().get(w, ()) for k in own for w in words.get(k, ()))
    more = {c for b in bridges if len(b) == 2 and all(x[0] == "A" and x[:2] != "Aa" for x in b) for c in b}
    return frozenset(own | more)  # 孩子 bridges two kinds only; people in general (Aa) never


@lru_cache(maxsize=4096)
def _kin(word: str) -> tuple[str, ...]:
    """The other words of two characters or more in `word`'s small 词林 classes (for people, bridged ones too)."""
    own = _bridged(word) or frozenset()
    return tuple(sorted({w for c in own for w in _class_words().get(c, ()) if len(w) >= 2 and w != word}))


@lru_cache(maxsize=1)
def _class_words() -> dict[str, tuple[str, ...]]:
    """Small 词林 class -> its words."""
    out: dict[str, list[str]] = {}
    for word, classes in cilin_classes().items():
        for c in classes:
            out.setdefault(c, []).append(word)
    return {c: tuple(ws) for c, ws in out.items()}


def _read_on(m: Mention, stops: Stops) -> str:
    """The number's sentence from its clause on, up to the next figure: the clauses that follow the number can
    hold its verb and object (27名职工脱颖而出，荣获公司技术能手称号)."""
    lo = stops.bounds(m.start, m.end, CLAUSE_STOPS)[0]
    hi = stops.bounds(m.start, m.end)[1]
    nxt = _DIGIT.search(stops.text, m.end, hi)
    return stops.text[lo:nxt.start() if nxt else hi]


def _around(m: Mention, stops: Stops) -> tuple[str, str]:
    """The number's clause before it and after it."""
    lo, hi = stops.bounds(m.start, m.end, CLAUSE_STOPS)
    return stops.text[lo:m.start], stops.text[m.end:hi]


def _said_before(m: Mention, stops: Stops) -> str:
    """What the number's sentence says before it, after the last number of the same unit there (在主页发表信息12篇，
    《报》刊发148篇: 主页 belongs to 12篇, not to 148篇)."""
    before = stops.text[stops.bounds(m.start, m.end)[0]:m.start]
    if m.unit:
        last = None
        for last in re.finditer(f"[0-9０-９零〇一二两三四五六七八九十百千万.]+[余多]?{re.escape(m.unit)}", before):
            pass
        before = before[last.end():] if last else before
    return before


def _shares_words(item: str, text: str) -> bool:
    """Does `text` write a content bigram of `item` (no function character in it)?"""
    return any(item[i:i + 2] in text for i in range(len(item) - 1) if not _FUNCTION.search(item[i:i + 2]))


def _abbreviated(word: str, sentence: str) -> bool:
    """Is `word` a short form of words the sentence writes, one character from each (参会 of 参加会议, 参评 of 参加
    评议): each character of it followed by one more, in a row?"""
    return len(word) in (2, 3) and re.search(".".join(map(re.escape, word)) + ".", sentence) is not None


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"

def changed_item(m: Mention, proving: Iterable[tuple[int, Mention]], stops: Stops, lex: FaithLexicon,
                 by_value: Mapping | None = None, reworded: list | None = None) -> tuple[int, Mention, str] | None:
    """(fact line, fact number, Chinese note) when no proving fact's item is kept by the draft sentence (`by_value`:
    the facts' numbers by value, for an item's head said with an earlier count: drafter.numcheck.ellipsis). A pass
    only by meaning, with words of the item unsaid, is put on `reworded` (drafter.numcheck.reworded)."""
    first = passed = None
    for line, fact in proving:
        if not fact.item or len(fact.item) < 2 or fact.key is not None:
            return None
        where = scope(m, stops, fact.item, lex)
        missing = missing_words(fact.item, where, lex)
        if missing and not _shares_words(fact.item, where):
            # the number's clause holds none of the item: a clause between the number and its verb
            # (27名职工脱颖而出，荣获…); read on to the next figure. A clause holding part of it dropped the rest.
            missing = missing_words(fact.item, _read_on(m, stops), lex)
        found, read = missing, []
        if missing:
            sentence = _said_before(m, stops)
            missing = kept_by_meaning(missing, fact.item, fact.source, m.unit, m.item or "", sentence, lex,
                                      m.group, stops.text[slice(*stops.bounds(m.start, m.end))],
                                      stops.text[stops.bounds(m.start, m.end)[0]:m.start], by_value)
            missing = [w for w in missing if not harmless(w, fact, m, other_facts(by_value), lex)
                       and not renamed_people(w, fact, m, _around(m, stops)[0])]  # 150名家政服务员 for 培训学员150人
            missing = [w for w in missing if not said_after(w, missing, fact, m, _around(m, stops), other_facts(by_value), lex)]
            if named_before(missing, fact.item, m.start, stops.text, m.item or "",
                            {o.source for o in other_facts(by_value) if o.source != fact.source}) \
                    and not missing_words(m.item or "", fact.source, lex):
                missing = []  # a short form of the name said in full before (drafter.numcheck.antecedent)
            read = [] if missing else to_read(found, fact, m, stops.text[slice(*stops.bounds(m.start, m.end))],
                                              sentence, lex)
        missing = missing or period_swapped(fact.item, where)
        if not missing and not read:
            return None
        passed = passed or ((m, line, fact, read) if not missing else None)
        first = first or (None if not missing else (line, fact, missing))
    if passed is not None:
        if reworded is not None:
            reworded.append(passed)
        return None
    if first is None:
        return None
    line, fact, missing = first
    added = missing_words(m.item or "", fact.source, lex) if m.item else []
    where = f"此处写成了'{quote(m, m.item)}'" if m.item else "此处没有写出它"
    note = (f"{m.display()} 在第{line}行事实中是'{quote(fact, fact.item)}'，{where}，{OTHER_OBJECT}"  # the counted thing's role
            f"（少了'{quotes(fact, missing, fact.item)}'" + (f"，多了'{quotes(m, added, m.item)}'）" if added else "）"))
    return line, fact, note
