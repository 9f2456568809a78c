"""Acts the writer changed or completed (issue #19, session 22).

  * changed_act: in a clause whose words before its light verb (进行/开展/予以/加以) the facts write (same actor,
    same object), the act after it must be the facts' act: "对集体合同履行情况进行民主评议" beside a fact that
    says 进行检查 is a claim (活动"民主评议"), whatever frame list 民主评议 is in. The same act in other words
    passes: its head written by the facts or a synonym or kind of theirs (巡视检查, 送温暖 by 慰问), an act word of
    the lexicon in it that they write (检查督促), or an act word ending as the facts' act does (督查 for 检查).
  * cut_continuation: a fact cut mid-phrase (its last clause ends on a preposition, or on the one word after
    对/向/就/与 …: "…组织职工代表对集体") gives nothing past its end; a draft clause
    writing its end and going on is a claim on what follows, quoted from the whole word ("集体利益进行…")."""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.models import Claim
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.rolewords import ROLE_NAMES
from drafter.numcheck.support import Support, uncovered
from drafter.numcheck.themes import unbacked_themes
from drafter.numcheck.words import snap, words as clause_words
from drafter.numcheck.faithlex import asserts
from textkit.sentences import BREAKS, ENUM_COMMA, char_class

LIGHT = frozenset({"进行", "开展", "予以", "加以", "展开"})  # light verbs: the act is the noun after them
SKIP = frozenset({"了", "的", "和", "与", "及", "或", "、"})  # joins inside an act phrase (民主讨论和协商)
ENDS = frozenset({"并", "并且", "同时", "使", "让", "确保", "以", "推动", "促进", "为", "切实", "有效", "进一步",
                  "以外", "之外", "以来", "期间", "之后", "以后", "之前", "以前"})  # what follows is not the act
GENERIC_HEADS = frozenset({"活动", "工作", "情况"})  # 送温暖活动: the act is 送温暖
MAX_ACT = 8  # a longer act phrase is a clause of its own: left to the clause judge
COVER = 0.6  # the words before the light verb the facts must write, as a share of their content words
CUT_PREPOSITIONS = frozenset({"对", "向", "为", "就", "与", "同", "把", "将", "给", "跟", "对于", "关于"})
CUT_LAST = CUT_PREPOSITIONS | {"在", "从"}  # … ending the line as a preposition (tag p)
AFTER_ONE = CUT_PREPOSITIONS - {"为"}  # 以职工为中心: 为 of 以…为… takes one word and ends a phrase
MIN_TAIL = 4  # characters of a cut fact's end the draft must write before going on
_COMPLEMENT = frozenset({"得", "着", "过", "中", "起来", "下去"})
_NAMED = re.compile("[“”《》〈〉]")
_PIECES = re.compile(char_class(BREAKS))


def changed_act(clause: str, start: int, support: Support, lex: FaithLexicon) -> Claim | None:
    """The claim of an act no fact gives in a clause the facts otherwise write, or None."""
    ws = clause_words(clause)
    k = _light_verb(ws)
    if k is None or not _given_before(clause[:ws[k][0]], support, lex):
        return None
    act = _act_words(ws[k + 1:], lex)
    if not act or act[-1][1] - act[0][0] > MAX_ACT or _same_act(act, support, lex) \
            or all(w in GENERIC_HEADS for _, _, w in act):  # 开展工作, 开展活动: no act named
        return None
    a, b = act[0][0], act[-1][1]
    if _NAMED.search(clause[ws[k][1]:]) or (lex.theme_re.search(clause[a:b]) and not unbacked_themes(
            clause[a:b], support, lex)):
        return None  # a name in “”/《》 is the name rules'; a theme the facts back (送温暖 by 慰问) is theirs
    body = clause.strip().rstrip(BREAKS + ENUM_COMMA)
    offset = start + len(clause) - len(clause.lstrip())
    note = f'{ROLE_NAMES["activity"]}"{clause[a:b]}"事实中没有（事实写的是同一对象上的另一项工作）'
    return Claim(start=offset, end=offset + len(body), text=body, kind="claim", note=note)


def _light_verb(ws: tuple) -> int | None:
    """The index of the clause's last light verb used as a verb with an act after it (not 工作的开展, nor
    开展得有声有色: a manner, no act)."""
    return next((i for i in range(len(ws) - 2, 0, -1) if ws[i][2] in LIGHT and ws[i - 1][3] != "uj"
                 and ws[i + 1][2] not in _COMPLEMENT), None)


def same_act_words(clause: str, quoted: list[str], support: Support, lex: FaithLexicon) -> bool:
    """Are all the words the clause judge quotes inside one act word after the light verb that is the facts' act
    in other words (对集体合同履行情况进行了检查督促 beside 进行检查)? Then they name nothing new."""
    ws = clause_words(clause)
    k = _light_verb(ws)
    if k is None or not _given_before(clause[:ws[k][0]], support, lex):
        return False
    act = _act_words(ws[k + 1:], lex)
    return len(act) == 1 and _same_act(act, support, lex) and all(q and q in act[0][2] for q in quoted)


def _given_before(prefix: str, support: Support, lex: FaithLexicon) -> bool:
    """Do the facts write the words before the light verb (its actor and object)?"""
    share, _ = uncovered(prefix, support, lex.common)
    return len(prefix.strip()) >= 4 and share >= COVER and _has_content(prefix, support)


def _has_content(prefix: str, support: Support) -> bool:
    return any(prefix[i:i + 2] in support.own for i in range(len(prefix) - 1))


def _act_words(ws: tuple, lex: FaithLexicon) -> list[tuple[int, int, str]]:
    """The act phrase after the light verb: its words up to a clause-joining word, frame adverbs left out."""
    out: list[tuple[int, int, str]] = []
    for s, e, w, tag in ws:
        if w in ENDS or (out and tag in ("p", "d")):
            break
        if w in SKIP or tag in ("ad", "d", "ul", "uj") or (w in lex.neutral and tag[:1] in ("a", "d")):
            continue
        out.append((s, e, w))
    return out


def _same_act(act: list[tuple[int, int, str]], support: Support, lex: FaithLexicon) -> bool:
    """Is the act phrase the facts' act in other words? Its head (last two characters) written by the facts or a
    synonym of theirs, or any act word of the lexicon in it written by them (检查督促), or its head an act word
    ending as one the facts write (督查 for 检查)."""
    named = [w for _, _, w in act if w not in GENERIC_HEADS] or [act[-1][2]]
    units = [u for w in named for u in _units(w)]
    head = units[-1]
    if support.backs(head) or support.backs(named[-1], lex.kinds.get(named[-1], ())):
        return True  # 送温暖(活动) backed by its kind 慰问
    if any(_is_act(u, lex) and support.backs(u) for u in units):
        return True
    return _is_act(head, lex) and len(head) == 2 and any(
        _is_act(m.group(), lex) for m in re.finditer(f"[\u4e00-\u9fff]{re.escape(head[-1])}", support.text))


def _is_act(word: str, lex: FaithLexicon) -> bool:
    return asserts(lex, word) is not None


def whole_words(quoted: list[str], support: Support) -> list[str]:
    """The words a note quotes, without the whole words at their edges that the facts write or that only join
    (食堂进行 -> 食堂: 进行 is the facts' light verb, not new content); a quote made only of such words is kept."""
    return [_trimmed(q, support) for q in quoted]


def _trimmed(quoted: str, support: Support) -> str:
    ws = [w for _, _, w, _ in clause_words(quoted)]
    if "".join(ws) != quoted:
        return quoted
    given = lambda w: w in LIGHT or w in SKIP or (len(w) >= 2 and w in support.word_set)  # noqa: E731
    a, b = 0, len(ws)
    while a < b and given(ws[a]):
        a += 1
    while b > a and given(ws[b - 1]):
        b -= 1
    return "".join(ws[a:b]) or quoted


def _units(word: str) -> list[str]:
    """A four-character word read as its two halves (民主评议 -> 民主, 评议); others whole."""
    return [word[:2], word[2:]] if len(word) == 4 else [word]


def cut_continuation(clause: str, start: int, support: Support) -> Claim | None:
    """The claim on what a draft clause writes past the end of a fact cut mid-phrase, or None."""
    for tail in _cut_tails(support.text):
        at = clause.find(tail)
        if at < 0:
            continue
        rest = clause[at + len(tail):].rstrip(BREAKS + ENUM_COMMA + " ")
        if not rest.strip():
            continue
        a, _ = snap(clause, at + len(tail), at + len(tail) + 1)
        end = len(clause.rstrip(BREAKS + ENUM_COMMA + " "))
        note = f'"{clause[a:end]}"事实中没有（事实写到"{tail}"就断了）'
        return Claim(start=start + a, end=start + end, text=clause[a:end], kind="claim", note=note)
    return None


@lru_cache(maxsize=256)
def _cut_tails(text: str) -> tuple[str, ...]:
    """The ends (MIN_TAIL+ characters) of the lines in `text` that stop mid-phrase."""
    out = []
    for line in text.split("\n"):
        last = _PIECES.split(line.strip())[-1]
        ws = clause_words(last)
        if len(last) >= MIN_TAIL and _cut(ws):
            at = next(s for s, _, _, _ in reversed(ws) if len(last) - s >= MIN_TAIL) if len(ws) > 1 else 0
            out.append(last[at:])
    return tuple(out)


def _cut(ws: tuple) -> bool:
    """Does a clause stop mid-phrase: on a preposition or a word needing an object, or on the one word after
    对/向/为 … (…对集体)?"""
    if not ws:
        return False
    if ws[-1][2] in CUT_LAST and ws[-1][3] == "p":
        return True
    return len(ws) >= 2 and ws[-2][2] in AFTER_ONE and ws[-2][3] == "p" and not ws[-1][3].startswith("v")
