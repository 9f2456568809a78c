"""Narrowed items (issue 19, session 19): a qualifier a draft adds to a supported number's item.

drafter.numcheck.qualifiers asks which words of the fact's item the draft leaves out; this module asks which
words the draft adds inside the item and no support line gives. Read in jieba words, in the number's clause:
  * before the number: the words after the item's verb (the first verb a support line writes: 慰问 of
    慰问新入职驾驶员320人次) up to the number; what stands before the verb (统一更换) is manner;
  * after it: the words after its measure word up to a given head that ends a fact's item, when each of them is
    new (130名临时聘用职工; not 38名徒弟顺利出师).
A word there is added when it names something (a noun, an adjective or distinguishing word, a verb or verbal noun
read as a qualifier: 国家级, 新入职, 外包, 法律知识 before 讲座, 手套 for 服), is two characters or more (a run of touching words: jieba cuts 新入/职, 外/包), says
something of its own (drafter.numcheck.rolewords.Reader.neutral), is no act or word a rewording may drop
([items] ignore, assert words), no manner, time or quantity word (tags d, t, m, r …), does not repeat the unit
(项目 for 项) and no fact, context line or synonym of theirs writes it (Reader.backed). The number is then a
`mismatch`: 对象多了'…'.
"""

from __future__ import annotations

from drafter.numcheck.actforms import manner_form_of_act
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.mention import Mention
from drafter.numcheck.quotes import quote
from drafter.numcheck.rolewords import FUNCTION_CHARS, Reader
from drafter.numcheck.words import Word, words as words_of
from drafter.numcheck.qualifiers import _FUNCTION, CLAUSE_STOPS
from drafter.numcheck.faithlex import asserts, ignorable

_NAMING = ("n", "a", "b", "v", "l", "j", "x", "f")  # tags of words that can narrow what is counted
_NOT = frozenset({"ad", "vd", "an", "nr", "ns", "nt", "t", "vg", "ag", "i"})  # manner, names, times, idioms
_COPULAS = frozenset("达为")
_VERBS = frozenset({"v", "vd", "vi"})
_LEAD = 4  # how many words after the number are read for its head


def added_words(m: Mention, clause: str, at: int, reader: Reader, fact_items: tuple[str, ...] = ()) -> list[str]:
    """The runs of added words inside `m`'s item; `clause` holds m, starting at draft offset `at`; `fact_items`:
    the proving facts' items (a head after the number must end one of them)."""
    s, e = m.start - at, m.end - at
    ws = words_of(clause)
    before = [w for w in ws if w[1] <= s]
    cut = max((k + 1 for k, w in enumerate(before) if any(map(str.isdigit, w[2]))), default=0)
    before = before[cut:]  # after an earlier number of the clause
    first = next((k for k, w in enumerate(before) if len(w[2]) >= 2 and w[3].startswith("v") and reader.backed(w[2])),
                 None)  # the item's verb: what stands before it (统一/更换) is manner, not the thing counted
    inside = before[first + 1:] if first is not None else []
    after = [w for w in ws if w[0] >= e][:_LEAD]
    head = next((k for k, w in enumerate(after) if len(w[2]) >= 2 and w[3].startswith("n")
                 and _ends_item(after[k:], fact_items, reader)), None)
    between = after[:head] if head is not None and after and after[0][0] == e else []
    if all(_new(w, m, reader) for w in between):  # 130名/临时聘用/职工; not 38名/徒弟/顺利/出师 (a head of its own)
        inside += between
    return _runs(_joiners_apart(inside), m, reader)


def _joiners_apart(ws: list[Word]) -> list[Word]:
    """The words with 和/与/及 that jieba glued into an unknown word (x: 工和, 和护) cut out as words of their own:
    a joiner ends one run of added words and opens the next (采茶工和周边村民: 周边村民, not 工周边村民)."""
    out: list[Word] = []
    for s, e, w, tag in ws:
        at = next((i for i, c in enumerate(w) if c in "和与及"), -1) if tag == "x" and len(w) > 1 else -1
        if at < 0:
            out.append((s, e, w, tag))
            continue
        pieces = [(s, s + at, w[:at]), (s + at, s + at + 1, w[at]), (s + at + 1, e, w[at + 1:])]
        out += [(a, b, t, "c" if t in "和与及" else tag) for a, b, t in pieces if t]
    return out


def _ends_item(ws: list[Word], fact_items: tuple[str, ...], reader: Reader) -> bool:
    """Do the given words from ws[0] on (touching) end a fact's item (职工 of 体检职工; 操作/能手)? Not 参赛 of
    148名棋手参赛 for 参赛选手: the draft's noun is then the head, said its own way."""
    phrase, last = "", ws[0][0]
    for w in ws:
        if w[0] != last or not reader.backed(w[2]):
            break
        phrase, last = phrase + w[2], w[1]
        if any(item.endswith(phrase) for item in fact_items):
            return True
    return False


def _runs(inside: list[Word], m: Mention, reader: Reader) -> list[str]:
    """Runs of touching words that are each new (one character too: jieba cuts 新入/职, 外/包), kept when the run,
    two characters or more, when no support line writes it whole."""
    out: list[str] = []
    run: list[Word] = []
    for w in inside + [(-1, -1, "", "")]:
        if w[2] and _new(w, m, reader) and (not run or run[-1][1] == w[0]):
            run.append(w)
            continue
        text = _FUNCTION.sub("", "".join(x[2] for x in run))  # 新共入会: 共 (added by a rewording) names nothing
        lone_verb = len(run) == 1 and run[0][3] in _VERBS  # the draft's own verb (配齐 for 配备): an act
        when = run and run[-1][3] == "f" and len(run[-1][2]) == 1  # 竞赛结束后: a time, not a kind
        if len(text) >= 2 and not lone_verb and not when and not _given(text, reader):
            out.append(text)
        run = [w] if w[2] and _new(w, m, reader) else []
    return out


def _new(w: Word, m: Mention, reader: Reader) -> bool:
    """A word that may narrow what is counted and that no support line gives."""
    word, tag = w[2], w[3]
    if tag in _NOT or not tag.startswith(_NAMING) or (m.unit and m.unit in word):
        return False
    if len(word) == 1:
        return word not in FUNCTION_CHARS and word not in _COPULAS
    if len(word) >= 3 and word.endswith("化"):
        return False  # 个性化运动处方, 精细化服务: how it is made, not which (held-out 14, session 19)
    if manner_form_of_act(word, reader.support):
        return False  # 防诈骗宣传讲座连办3场: the facts' 举办, said with a manner
    if len(word) == 2 and word[-1] in _COPULAS:
        return False  # 率达, 量达: jieba glues the rate to the verb after it
    if tag != "x" and any(reader.backed(word[i:]) for i in range(1, len(word) - 1)):
        return False  # a set phrase of the head's own kind (知识讲座, 专题讲座, 比赛项目 where the facts write 讲座, 项目)
    return not _given(word, reader)


def _given(word: str, reader: Reader) -> bool:
    """Neutral, an act or word a rewording may drop, or written by a support line (or a synonym of its words)."""
    lex: FaithLexicon = reader.lex
    return reader.neutral(word) or ignorable(lex, word) is not None \
        or asserts(lex, word) is not None or reader.backed(word)


def narrowed(m: Mention, proving: list[tuple[int, Mention]], stops, support, lex: FaithLexicon
             ) -> tuple[int, Mention, str] | None:
    """(fact line, fact number, Chinese note) when the draft adds a qualifier inside `m`'s item that no support
    line gives; None when it adds none (or no fact proves m with an item)."""
    if not proving or not m.item:
        return None
    lo, hi = stops.bounds(m.start, m.end, CLAUSE_STOPS)
    added = added_words(m, stops.text[lo:hi], lo, Reader(support, lex), tuple(f.item or "" for _, f in proving))
    if not added:
        return None
    line, fact = proving[0]
    note = (f"{m.display()} 在第{line}行事实中是'{quote(fact, fact.item)}'，此处写成了'{quote(m, m.item)}'"
            f"（对象多了'{'、'.join(dict.fromkeys(added))}'，事实中没有）")
    return line, fact, note
