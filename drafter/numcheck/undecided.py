"""Which claims the rules cannot decide (issue 19, item 5): the ones a model judge is asked about.

The first stage decides most clauses by rules; a claim is *undecided* only when all of these hold:
  1. it is a clause claim (kind `claim`): headings and artifacts stay decided;
  2. no number of its clause is flagged: a number mismatch or an unsupported number is the number check's
     verdict, and the judge never touches it (nor a claim beside it);
  3. its note names no decided role: 参与者, 地点, 时间 and 荣誉 are found by marker words (邀请, 赴, 期间, 评为 …) and
     filled with words no fact gives, which is the invention this check must catch; a theme of work no fact gives
     ("写了事实中没有的工作"), a named activity or document in “”/《》, another level (省级 for 市级) and a near miss
     of a fact's thing (足球赛 for 篮球赛; a thing written onto or beside one, whose note names it: 事实中是"…")
     are conflicts, not doubts; and its clause holds none of those roles'
     marker words (委托, 邀请, 在, 赴, 期间, 年初, 评为 …): there the rules read who, where, when or what honour, and
     an invention is most likely one of these (在世界读书日期间 caught as 对象"世界" stays the rules');
  4. every new word of the claim (a jieba word of 2+ characters that is neither frame nor generic nor written in
     the facts, context lines or their synonyms) is either
       - *kin* of a fact's word: both in the same small class of 同义词词林扩展版 (its first five code letters,
         e.g. 藏书 Dk20B33 and 图书 Dk20B01), a near-synonym or a kind the synonym groups do not list, or
       - *unknown*: the faithfulness lexicon knows nothing of it (no object, kind, activity, honour, state or theme
         word), so the rules flagged it only because the facts do not write it.
  4b. (instead of 4) the claim names no role at all, whatever its words (its note only lists new words: "这句话写了事实中没有的
     内容：…"): over the strong and held-out sets such claims were 65 of 624, and an invented detail was caught by
     one alone 4 times, never with its role named; 18 stood on faithful paragraphs (认同感, 敞开大门, 能打硬仗).
Everything else the rules decided. `undecided(...)` returns the claims to ask about, each with the clause and
sentence it stands in (the judge's question), by their index in `result.claims`. `undecided_numbers(...)` returns
the number mismatches to ask about (session 19): a fact's value whose clause words the fact's item otherwise
(the item judge's paired question, drafter.pipeline.item_judging); swaps, other values and other levels stay
the rules'.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from drafter.models import CheckResult, Claim, NumberHit
from drafter.numcheck.support import Support
from drafter.numcheck.faithlex import FaithLexicon
from drafter.numcheck.rolemarks import _ACTOR_AFTER, _ACTOR_AFTER_RE, _ACTOR_BEFORE, _PLACE_BEFORE
from drafter.numcheck.rolewords import NEAR, ROLE_NAMES, Reader
from drafter.numcheck.things import HONOUR_MARKS as _HONOUR_BEFORE, LEVEL as _LEVEL, _LEVEL_IN_TEXT
from drafter.numcheck.timewords import TIME_AFTER as _TIME_AFTER, TIME_WORDS as _TIME_WORDS
from drafter.numcheck.synonyms import CLASS_LETTERS, cilin_classes  # noqa: F401 - read here and by things.py
from drafter.numcheck.acts import JOINED
from drafter.numcheck.itemsense import names_people
from drafter.numcheck.wordclass import person_or_body
from drafter.numcheck.words import tag_of, words
from drafter.numcheck.faithlex import asserts
from textkit.sentences import BREAKS, CLAUSE_ENDS, ENUM_COMMA, SENTENCE_ENDS, char_class

DECIDED_ROLES = tuple(ROLE_NAMES[r] for r in ("actor", "place", "time", "honour"))
# the marker words of those roles: a clause holding one is read by the rules (who, where, when, what honour)
MARKERS = frozenset(_ACTOR_BEFORE | _ACTOR_AFTER | _PLACE_BEFORE | _TIME_AFTER | _TIME_WORDS | _HONOUR_BEFORE
                    | {"被"})
_SENTENCE = re.compile(f"{char_class(SENTENCE_ENDS + chr(10), negate=True)}+{char_class(SENTENCE_ENDS)}*")
_CLAUSE = re.compile(f"{char_class(CLAUSE_ENDS, negate=True)}+{char_class(CLAUSE_ENDS)}?")


@dataclass(frozen=True)
class Undecided:
    index: int  # the claim's index in result.claims
    clause: str  # the clause holding the claim (what the judge is asked about)
    sentence: str  # the sentence around it (context for the judge)
    new_words: tuple[str, ...]  # the words no fact writes


def _kin(word: str, support: Support) -> bool:
    """Is `word` in a small 词林 class with a word of the facts or context lines?"""
    classes = cilin_classes()
    own = classes.get(word)
    if not own:
        return False
    return any(own & classes.get(g, frozenset()) for g in support.word_set)


def _known(word: str, lex: FaithLexicon) -> bool:
    """Does the faithfulness lexicon know `word` (an object, a kind, an act, honour or state, a theme)?"""
    return (word in lex.objects or word in lex.kinds or bool(asserts(lex, word))
            or any(word == phrase or word in backing for phrase, backing in lex.themes))


def new_words(text: str, support: Support, lex: FaithLexicon) -> list[str]:
    """The words of `text` that say something (2+ characters, not frame/generic) and no support line writes."""
    reader = Reader(support, lex)
    return list(dict.fromkeys(w for _, _, w, _ in words(text) if not reader.neutral(w) and not reader.backed(w)))


def is_open(claim: Claim, support: Support, lex: FaithLexicon) -> tuple[bool, list[str]]:
    """(rules 3 and 4 hold, the claim's new words)."""
    note = claim.note or ""
    if claim.kind != "claim" or any(f'{role}"' in note for role in DECIDED_ROLES):
        return False, []
    if "写了事实中没有的工作" in note or "“" in claim.text or "《" in claim.text or NEAR in note:
        return False, []
    reader = Reader(support, lex)
    found = new_words(claim.text, support, lex)
    if any(_LEVEL.match(w) or reader.near_miss(w) for w in found):
        return False, found
    if note.startswith(_UNNAMED):
        return True, found  # rule 5: a claim naming no role (measured: right on 4 of 65, never with its role)
    return all(_kin(w, support) or not _known(w, lex) for w in found), found


_UNNAMED = "这句话写了事实中没有的内容"  # claims._claim's note when no role, act or theme is named


def undecided(draft: str, result: CheckResult, support: Support, lex: FaithLexicon,
              which: str = "claims") -> list[Undecided]:
    """The claims of `result` the rules cannot decide (the module's rules 1-4), with their clause and sentence;
    `which` "unverified": the result's unverified wordings instead (rule 4b's, all undecided)."""
    flagged = _Flagged(result.numbers)
    around = _Around(draft)
    out: list[Undecided] = []
    for index, claim in enumerate(getattr(result, which)):
        sentence, clause = around(claim.start)
        if sentence is None or which == "claims" and not _open_clause(draft, clause, flagged):
            continue
        ok, found = is_open(claim, support, lex)
        if ok:
            out.append(Undecided(index, draft[clause[0]:clause[1]].strip(), draft[sentence[0]:sentence[1]].strip(),
                                 tuple(found)))
    return out


@dataclass(frozen=True)
class UndecidedNumber:
    index: int  # the number's index in result.numbers
    fact: str  # its fact line
    clause: str  # the draft clause around it, without its closing mark


def undecided_numbers(draft: str, result: CheckResult, facts: list[str]) -> list[UndecidedNumber]:
    """The number mismatches the rules cannot decide: a supported value whose clause leaves out words of its fact's
    item (qualifiers.py's note, "（少了'…'"), unless another fact's item holds it (a swap: "（事实中'…'是 …）"),
    the value differs ("初稿写成"), the clause names another level than the fact line (市级 for 县级), or people of
    the fact's item are replaced by other words (少了 a people word, 多了 others: 新会员 -> 新党员); people left unsaid
    with nothing in their place (培训职工320人次 -> 开展技能培训320人次) are asked about."""
    around = _Around(draft)
    out = []
    for index, hit in enumerate(result.numbers):
        note = hit.note or ""
        if hit.status != "mismatch" or hit.judge is not None or not hit.fact_line or hit.fact_line > len(facts):
            continue
        if "（少了'" not in note or "（事实中'" in note or "初稿写成" in note:
            continue
        clause = draft[slice(*around(hit.start)[1])].strip().rstrip(BREAKS + ENUM_COMMA + " ")
        fact = facts[hit.fact_line - 1]
        if set(_LEVEL_IN_TEXT.findall(clause)) - set(_LEVEL_IN_TEXT.findall(fact)):
            continue  # another level: a conflict, the rules' (things.py)
        if _noted(note, "多了") and any(names_people(w) for w in _noted(note, "少了")):
            continue  # the fact's people replaced by other words (会员 -> 党员, 困难职工 -> 因病致困职工): the rules'
        out.append(UndecidedNumber(index, fact, clause))
    return out


def _noted(note: str, mark: str) -> list[str]:
    """The words a qualifiers.py note lists after `mark` (少了 or 多了)."""
    found = re.search(f"{mark}'([^']*)'", note)
    return found.group(1).split("、") if found else []


class _Flagged:
    """The draft's flagged numbers (not supported), sorted by start: is one in or across a clause? (bisection)"""

    def __init__(self, hits: list[NumberHit]) -> None:
        self.hits = sorted((h for h in hits if h.status != "supported"), key=lambda h: h.start)
        self.starts = [h.start for h in self.hits]

    def within(self, clause: tuple[int, int]) -> bool:
        i = bisect_left(self.starts, clause[0])
        if i < len(self.hits) and self.hits[i].start < clause[1]:
            return True  # one starts inside the clause
        return i > 0 and self.hits[i - 1].end > clause[0]  # one starts before it and runs into it


_THINGS = ("A", "B", "Cb", "Di", "Dj", "Dk", "Dm")  # 同义词词林: people, objects, places, bodies, money, culture, institutions


def _names_things(claim: Claim, support: Support, lex: FaithLexicon) -> bool:
    """A new word of the claim is another level (省级), a near miss of a fact's thing (足球赛), or names people, an
    object, a place or a body in every sense 词林 gives it (图书, 灾区; not 科学, also "scientific"), or is a name,
    a person or a body (新联公司, 党委): what was given, where, to whom, by whom, not how well."""
    reader = Reader(support, lex)
    classes = cilin_classes()
    opened = any(w in lex.effect_verbs for _, _, w, _ in words(claim.text))  # 搭建交友平台: an effect's
    return any(_LEVEL.match(w) or reader.near_miss(w) or not (opened and _abstract_end(w, lex))
               and (_thing_word(w, classes) or tag_of(w) in ("ns", "nt") or _someone(w, classes))
               for w in new_words(claim.text, support, lex))  # nr: jieba's guess (金白银)


def _abstract_end(word: str, lex: FaithLexicon) -> bool:
    """A compound ending on an [abstract] word of the lexicon (交友平台, jieba's nt; 沟通渠道): after an [effect] verb
    (搭建, 拓宽) what the work opens, as things.py reads it, not a thing nor a body (开通线上交友平台 is one)."""
    return len(word) >= 3 and (word[-2:] in lex.abstract or word[-3:] in lex.abstract)


def _someone(word: str, classes) -> bool:
    """A person or body (wordclass.person_or_body), unless jieba reads the word as a verb and 词林 gives it a sense
    other than people too (相知 of 相识相知: to know each other, not a bosom friend)."""
    if not person_or_body(word):
        return False
    return not (tag_of(word).startswith("v") and any(not c.startswith("A") for c in classes.get(word, ())))


def _thing_word(word: str, classes) -> bool:
    """In every sense 词林 gives: people, an object, a place, a body; or, for a noun, an activity too (招标)."""
    own = classes.get(word, ())
    noun = tag_of(word).startswith("n")
    if not own and noun and len(word) == 4:  # a compound noun 词林 lacks: by its halves (住房|条件)
        return _thing_word(word[:2], classes) or _thing_word(word[2:], classes)
    kinds = (*_THINGS, "H") if noun else _THINGS
    return bool(own) and all(c.startswith(kinds) for c in own)


def _open_clause(draft: str, clause: tuple[int, int], flagged: _Flagged) -> bool:
    """Rules 2 and 3's clause: no flagged number in it, and none of the roles' marker words."""
    if flagged.within(clause):
        return False
    return not any(w in MARKERS or _ACTOR_AFTER_RE.match(w) for _, _, w, _ in words(draft[clause[0]:clause[1]]))


def split_unnamed(draft: str, claims: list[Claim], hits: list[NumberHit], support: Support,
                  lex: FaithLexicon) -> tuple[list[Claim], list[Claim]]:
    """(claims, unverified): a claim of rule 4b (it names no role, no act and no theme: its note only lists new
    words) in a clause of no flagged number, not joined on by 并/还/同时, and whose new words name no thing
    (_names_things) is a wording to read, not a finding. The issue's
    rule: a formulaic clause is frame when it fills no role with new content; over the strong and held-out sets
    such claims never caught an invention with its role named (undecided.py's rule 4b). They are reported apart
    (CheckResult.unverified) and do not make a draft unfaithful; the model judge may clear them. A marker word in
    the clause (在青少年心中) does not keep it: the roles were read there and named none; a quoted figure neither
    (names.py found no named activity in it)."""
    if not any((c.note or "").startswith(_UNNAMED) for c in claims):
        return claims, []
    flagged = _Flagged(hits)
    around = _Around(draft)
    kept: list[Claim] = []
    apart: list[Claim] = []
    for claim in claims:
        unnamed = claim.kind == "claim" and (claim.note or "").startswith(_UNNAMED)
        if unnamed and not claim.text.startswith(JOINED) and not flagged.within(around(claim.start)[1]) \
                and not _names_things(claim, support, lex):  # 同时引导…: one more act joined on stays a claim
            apart.append(claim)
        else:
            kept.append(claim)
    return kept, apart


class _Around:
    """The sentence and clause spans around offsets of one draft: its sentences found once, each lookup a
    bisection (a long draft with many claims stays linear)."""

    def __init__(self, draft: str) -> None:
        self.draft = draft
        self.spans = [m.span() for m in _SENTENCE.finditer(draft)]
        self.starts = [a for a, _ in self.spans]

    def __call__(self, at: int) -> tuple[tuple[int, int] | None, tuple[int, int]]:
        """(the sentence span, the clause span) holding offset `at`."""
        i = bisect_right(self.starts, at) - 1
        if i < 0 or not self.spans[i][0] <= at < self.spans[i][1]:
            return None, (at, at)
        a, b = self.spans[i]
        for c in _CLAUSE.finditer(self.draft, a, b):
            if c.start() <= at < c.end():
                return (a, b), c.span()
        return (a, b), (a, b)
