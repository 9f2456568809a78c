"""Parallel phrases (issue 19, session 12): rhetoric a strong model writes in pairs.

  让会员少跑腿、数据多跑路 · 营造了人人讲安全、个个争先进的浓厚氛围 · 坚持以体健身、以体育心 ·
  做到早发现、早诊断、早治疗

A *parallel phrase* is two or more parts joined by 、, each 3-5 characters on word boundaries, one of them
holding a verb, adjective or adverb, that repeat one pattern: a character other than a function character at the
same place, counted from the start (以体健身、以体育心) or the end (少跑腿、数据多跑路), that is not the parts' last
character (a shared head: 慰问困难职工、走访退休职工) nor a negation (不重复、不遗漏: a rule of conduct), or the same
doubled characters (人人讲安全、个个争先进); no part names an act (早调查、早上报、早慰问 is work) and no act verb names
the list (开展春送岗位、夏送清凉…). It says how, not what was done: the clause is judged without it
(drafter.numcheck.claims), so an effect clause made of it is frame, while the work named around it is still judged.
Known limits: a pair without a repeated pattern (愿意来、留得住) is not one. Quoted slogans and figures are read
by names.figure_spans (a slogan followed by 原则/计划/制度…, or naming an object word no fact writes, stays a name).
"""

from __future__ import annotations

import re

from drafter.numcheck.effects import need_lead
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.names import figure_spans, named_before
from drafter.numcheck.rolewords import FUNCTION_CHARS
from drafter.numcheck.synonyms import cilin_classes
from drafter.numcheck.things import abstract_word
from drafter.numcheck.words import Word, words
from drafter.numcheck.zeros import zero_spans
from textkit.sentences import COMMAS, ENUM_COMMA

_ACTS = "acts"
_NEGATIONS = frozenset("不无没非未")  # 不重复、不遗漏: a rule of conduct for the work, not a figure
_MARKS = frozenset(COMMAS + ENUM_COMMA + "“”《》")
_PREDICATE = ("v", "a", "d", "z", "i", "l")  # a part says how or what happens (a verbal noun vn does not count)


def parallel_spans(clause: str, lex: FaithLexicon) -> list[tuple[int, int]]:
    """The spans of the clause's parallel phrases (start-ordered, not overlapping)."""
    if ENUM_COMMA not in clause:
        return []
    return _parallel(clause, words(clause), lex)


def manner_spans(clause: str, lex: FaithLexicon, reader=None) -> list[tuple[int, int]]:
    """The clause's parallel phrases, quoted figures (names.figure_spans), likenings and zeros the facts state the
    other way (zeros.py), sorted, overlapping ones joined: what they say is how the work went, or given."""
    zeros = zero_spans(clause, reader.support.text, lambda: reader.support.aliases) if reader is not None else []
    needs = need_lead(clause, reader) if reader is not None else []  # 围绕…难点痛点 | 集中攻关
    if ENUM_COMMA not in clause and "“" not in clause and "以" not in clause and "般" not in clause \
            and "似的" not in clause and not zeros and not needs and not _AS.search(clause):
        return []
    cache = reader.support.clause_roles if reader is not None else {}
    key = ("manner", clause, id(lex))
    if key not in cache:
        cache[key] = _joined(parallel_spans(clause, lex) + figure_spans(clause, reader) + by_manner(clause, lex)
                             + likened(clause) + zeros + means_end(clause, reader) + needs)
    return cache[key]


# 以赛代训, 以学促干, 以老带新: a means-end formula (以 A 促/代/带/强 B); its means A is one character
_MEANS_END = re.compile("以([\u4e00-\u9fff])[促代带强]([\u4e00-\u9fff])")


def means_end(clause: str, reader=None) -> list[tuple[int, int]]:
    """A means-end formula whose means a word of the facts holds (以赛代训 after a 竞赛, 以训促学 after a 培训班; not
    a word that says nothing: 会 of 工会): how the work was used, not a thing of its own."""
    if reader is None or "以" not in clause:
        return []
    return [m.span() for m in _MEANS_END.finditer(clause)
            if any(m.group(1) in w and not reader.neutral(w) for w in reader.support.word_set)]  # not 会 of 工会


_LIKE = frozenset({"般", "般的", "一般", "似的"})
_AS = re.compile("[把将].{1,12}?(当作|当成|视为|视作|看作|看成)")  # 把困难职工当作自家亲人: a likening


def likened(clause: str) -> list[tuple[int, int]]:
    """A noun likened to (节日般的祝福, 家人一般的温暖, 亲人似的; 把职工当作自家亲人: 当作 and the people it names
    after it): a figure of speech, no time, person or thing of its own; the word after it (祝福, 温暖) is still judged.
    Not 一般 as "ordinary" before a noun (一般职工)."""
    if "般" not in clause and "似的" not in clause and not _AS.search(clause):
        return []
    ws, out = words(clause), []
    for m in _AS.finditer(clause):
        end, last = m.end(1), ""
        for w in ws:
            if w[0] == end and w[3][:1] in ("n", "r", "a", "b"):
                end, last = w[1], w[2]  # 自家/亲人
        kin = cilin_classes().get(last, ())
        if kin and all(c[0] == "A" for c in kin):  # people likened to kin or friends (亲人, 家人), not a use (基地)
            out.append((m.start(1), end))
    for k, w in enumerate(ws):
        if w[2] not in _LIKE or not k or ws[k - 1][1] != w[0] or ws[k - 1][3][:1] not in ("n", "t", "s"):
            continue
        end = w[1] + (clause.startswith("的", w[1]) and not w[2].endswith("的"))
        if w[2] in ("般的", "似的") or end > w[1] or w[2] == "般" and clause.startswith("地", w[1]):
            out.append((ws[k - 1][0], end))
    return out


def by_manner(clause: str, lex: FaithLexicon) -> list[tuple[int, int]]:
    """以 … 的 <a state or quality> before a verb (以积极阳光的心态投入工作, 以饱满的热情参与): the manner of the act,
    never a thing of its own, unless a person or body qualifies it (以人大代表的标准)."""
    if "以" not in clause or "的" not in clause:
        return []
    ws, out = words(clause), []
    for k, w in enumerate(ws):
        if w[2] != "以" or w[3] != "p":
            continue
        de = next((j for j in range(k + 1, min(k + 7, len(ws))) if ws[j][2] == "的"), None)
        if de is None or de + 2 >= len(ws) or any(ws[j][2] in ("为", "以") for j in range(k + 1, de)):
            continue
        head, verb = ws[de + 1], ws[de + 2]
        if (head[2] in lex.abstract or abstract_word(head[2], head[3])) and verb[3].startswith("v") and verb[2] != "为" \
                and not any(_someone(x) for x in ws[k + 1:de]):
            out.append((w[0], head[1]))
    return out


def _someone(w: Word) -> bool:
    """A person or body, by 词林 (A: people, Di: institutions) or, unknown to it, by jieba's noun tag (人大代表 of
    以人大代表的标准: whose standard is content, not manner)."""
    classes = cilin_classes().get(w[2])
    if classes is None:
        return w[3].startswith("n") and len(w[2]) >= 2
    return any(c.startswith(("A", "Di")) for c in classes)


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def blanked(clause: str, spans: list[tuple[int, int]]) -> str:
    chars = list(clause)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _parallel(clause: str, ws: tuple[Word, ...], lex: FaithLexicon) -> list[tuple[int, int]]:
    starts, ends = {w[0]: w for w in ws}, {w[1]: w for w in ws}
    out: list[tuple[int, int]] = []
    for comma in (i for i, c in enumerate(clause) if c == ENUM_COMMA):
        pair = _pair(clause, comma, ws, starts, ends, lex)
        if pair == _ACTS:  # one part of the list names an act (早调查、早上报、早慰问): the list is work
            out = [span for span in out if span[1] < comma - 5]
            continue
        if pair is None:
            continue
        if out and out[-1][1] >= pair[0]:
            out[-1] = (out[-1][0], pair[1])  # 早发现、早诊断、早治疗: one phrase
        else:
            out.append(pair)
    return out


def _pair(clause: str, comma: int, ws, starts, ends, lex: FaithLexicon) -> tuple[int, int] | str | None:
    """The span of a parallel pair around the 、 at `comma` (the left part's end, the right part's start); _ACTS
    when the pair names an act."""
    for n in range(3, 8):
        a0 = comma - n
        if a0 < 0 or a0 not in starts or _quote_open(clause, a0) or n > 5 and clause[a0] != clause[a0 + 1]:
            continue  # a part of 6-7 characters only when it opens on a doubled one (人人关注安全、人人参与安全)
        for m in (k for k in (n, n + 1, n - 1, n + 2, n - 2) if k >= 3):
            b1 = comma + 1 + m
            if b1 > len(clause) or b1 not in ends or comma + 1 not in starts:
                continue
            a, b = clause[a0:comma], clause[comma + 1:b1]
            if any(c in _MARKS for c in a + b) or len(a) > 5 and a[-2:] != b[-2:]:
                continue  # long parts say how only of one thing (…关注安全、…参与安全; not …参加消防演练)
            if _alike(a, b) and (_says_how(ws, a0, comma) or _says_how(ws, comma + 1, b1)) \
                    and not named_before(clause, a0, in_list=True):
                acts = lex.assert_words.search(a) or lex.assert_words.search(b)
                return _ACTS if acts and not _everyone(a, b) else (a0, b1)
    return None


def _alike(a: str, b: str) -> bool:
    """Do the two parts repeat one pattern (a shared character in place, or the same doubled characters)?"""
    if len(a) > 3 and a[0] == a[1] and a[:2] == b[:2]:
        return True  # 人人关注安全、人人参与安全: everyone, the same doubled opening
    doubled = [i for i in range(len(a) - 1) if a[i] == a[i + 1]]
    if any(i + 1 < len(b) and b[i] == b[i + 1] and b[i] != a[i] for i in doubled):
        return True  # 人人讲安全、个个争先进
    pairs = list(zip(a, b)) if len(a) == len(b) else []
    pairs += [(x, y) for x, y in zip(a[::-1][1:], b[::-1][1:])]  # from the end, the last characters left out
    shared = {x for x, y in pairs if x == y and x not in FUNCTION_CHARS and x not in _NEGATIONS}
    return bool(shared) and a[-1] != b[-1]  # a shared head (慰问困难职工、走访退休职工; 焊工、电工) is a list of things


def _everyone(a: str, b: str) -> bool:
    """Do both parts open on a doubled character (人人参与、天天锻炼): everyone, every day - how, not what was done?"""
    return len(a) > 2 and len(b) > 2 and a[0] == a[1] and b[0] == b[1]


def _says_how(ws: tuple[Word, ...], s: int, e: int) -> bool:
    return any(s <= w[0] and w[1] <= e and w[3].startswith(_PREDICATE) and w[3] not in ("vn", "ad") for w in ws)


def _quote_open(clause: str, at: int) -> bool:
    before = clause[:at]
    return before.count("“") > before.count("”")
